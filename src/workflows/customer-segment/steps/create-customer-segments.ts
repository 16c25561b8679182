import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type { CreateCustomerSegmentDTO } from "../../../modules/customer-segment/dtos"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"

export const createCustomerSegmentsStepId = "create-customer-segments"

/**
 * Validates each segment's rule against the condition registry and creates
 * the segments. Compensation deletes what was created.
 */
export const createCustomerSegmentsStep = createStep(
  createCustomerSegmentsStepId,
  async (segments: CreateCustomerSegmentDTO[], { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    for (const segment of segments) {
      const rule = service.validateRule(segment.rule)
      await service.validateSegmentReferences(null, rule)
    }

    const created = await service.createCustomerSegments(segments)

    return new StepResponse(
      created,
      created.map((segment) => segment.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    await service.deleteCustomerSegments(createdIds)
  }
)
