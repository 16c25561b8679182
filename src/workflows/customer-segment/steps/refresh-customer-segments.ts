import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type { RefreshTrigger } from "../../../modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { RefreshResult } from "../../../modules/customer-segment/types"

export const refreshCustomerSegmentsStepId = "refresh-customer-segments"

export type RefreshCustomerSegmentsStepInput = {
  ids: string[]
  trigger?: RefreshTrigger
}

/**
 * Refreshes segments one at a time. Each refresh is its own database
 * transaction that either applies the whole membership difference or none
 * of it, so there is nothing for a compensation to undo: a later failure
 * leaves correct, current memberships behind.
 */
export const refreshCustomerSegmentsStep = createStep(
  refreshCustomerSegmentsStepId,
  async ({ ids, trigger }: RefreshCustomerSegmentsStepInput, { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const results: RefreshResult[] = []
    for (const id of ids) {
      results.push(await service.refreshSegment(id, trigger ?? "manual"))
    }
    return new StepResponse(results)
  }
)
