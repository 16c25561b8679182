import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { RefreshResult } from "../../../modules/customer-segment/types"

export const removeDeletedCustomersStepId =
  "remove-deleted-customers-from-segments"

/**
 * Re-evaluates deleted customers in every segment they belong to, whatever
 * its refresh mode: a deleted customer matches no rule, so each evaluation
 * removes them. Customers that still exist are left as they are.
 */
export const removeDeletedCustomersStep = createStep(
  removeDeletedCustomersStepId,
  async (customerIds: string[], { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const segmentIds = await service.listSegmentIdsOfCustomers(customerIds)
    const results: RefreshResult[] = []
    for (const segmentId of segmentIds) {
      results.push(
        await service.refreshSegmentCustomers(segmentId, customerIds)
      )
    }
    return new StepResponse(results)
  }
)
