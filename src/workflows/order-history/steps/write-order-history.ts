import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { OrderHistoryInput } from "../../../modules/customer-segment/types"

export const writeOrderHistoryStepId = "write-order-history"

export type WriteOrderHistoryStepInput = {
  orders: OrderHistoryInput[]
  /** Orders to remove from the read model (deleted in Medusa). */
  missing?: string[]
}

/**
 * Replaces orders in the read model, all in one transaction. Compensation
 * puts back the rows as they were, and removes orders that were not there
 * before.
 */
export const writeOrderHistoryStep = createStep(
  writeOrderHistoryStepId,
  async (
    { orders, missing = [] }: WriteOrderHistoryStepInput,
    { container }
  ) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const ids = [...orders.map((o) => o.id), ...missing]
    const previous = await service.snapshotOrderHistory(ids)

    await service.replaceOrderHistory({ upsert: orders, remove: missing })

    // Both the new and the previous owner of an order may change segment.
    const customerIds = [
      ...new Set([...orders, ...previous].map((o) => o.customer_id)),
    ]
    return new StepResponse(
      { synced: orders.length, customer_ids: customerIds },
      { ids, previous }
    )
  },
  async (undo, { container }) => {
    if (!undo?.ids.length) {
      return
    }
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    await service.replaceOrderHistory({
      remove: undo.ids,
      upsert: undo.previous,
    })
  }
)
