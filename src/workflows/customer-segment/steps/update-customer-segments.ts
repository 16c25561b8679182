import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type { UpdateCustomerSegmentDTO } from "../../../modules/customer-segment/dtos"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"

export const updateCustomerSegmentsStepId = "update-customer-segments"

export type UpdateCustomerSegmentsStepInput = {
  ids: string[]
  update: UpdateCustomerSegmentDTO
}

const RESTORABLE = [
  "name",
  "description",
  "rule",
  "refresh_mode",
  "cron",
  "is_active",
  "audience",
  "metadata",
] as const

/**
 * Updates segments after validating a new rule. Compensation writes back the
 * fields as they were before the update.
 */
export const updateCustomerSegmentsStep = createStep(
  updateCustomerSegmentsStepId,
  async ({ ids, update }: UpdateCustomerSegmentsStepInput, { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    if (update.rule !== undefined) {
      const rule = service.validateRule(update.rule)
      for (const id of ids) {
        await service.validateSegmentReferences(id, rule)
      }
    }
    const previous = await service.listCustomerSegments(
      { id: ids },
      { select: ["id", ...RESTORABLE] }
    )

    const updated = await service.updateCustomerSegments(
      ids.map((id) => ({ id, ...update }))
    )

    const restorable = previous.map((segment) => ({
      id: segment.id,
      ...Object.fromEntries(RESTORABLE.map((key) => [key, segment[key]])),
    }))
    return new StepResponse(updated, restorable)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    await service.updateCustomerSegments(previous)
  }
)
