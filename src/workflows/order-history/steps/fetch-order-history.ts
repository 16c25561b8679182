import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderHistoryInput } from "../../../modules/customer-segment/types"
import { orderPages, toHistory } from "../utils/read-orders"

export const fetchOrderHistoryStepId = "fetch-order-history"

export type FetchOrderHistoryStepInput = {
  /** Orders to read. */
  order_ids: string[]
}

/**
 * Reads orders through Medusa's Query API (so totals are Medusa's own,
 * refunds included) and shapes them for the read model. Orders that no
 * longer exist are returned as `missing` so they can be removed.
 */
export const fetchOrderHistoryStep = createStep(
  fetchOrderHistoryStepId,
  async (input: FetchOrderHistoryStepInput, { container }) => {
    const orders: OrderHistoryInput[] = []
    const seen = new Set<string>()

    for await (const page of orderPages(container, input.order_ids)) {
      for (const order of page) {
        seen.add(order.id)
        if (order.customer_id) {
          orders.push(toHistory(order))
        }
      }
    }

    const missing = input.order_ids.filter((id) => !seen.has(id))
    return new StepResponse({ orders, missing })
  }
)
