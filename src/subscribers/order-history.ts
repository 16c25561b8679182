import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderEditWorkflowEvents,
  OrderWorkflowEvents,
} from "@medusajs/framework/utils"
import { syncOrderHistoryWorkflow } from "../workflows"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/**
 * Keeps the order-history read model in step with Medusa's orders, then
 * re-evaluates the order's customer in real-time segments. Syncing re-reads
 * the order, so an event delivered twice or out of order still leaves the
 * row as the order is now.
 */
export default async function orderHistorySubscriber({
  event,
  container,
}: SubscriberArgs<{ id?: string; order_id?: string }>) {
  // Order edits name the order `order_id`; the other events name it `id`.
  const orderId = event.data?.order_id ?? event.data?.id
  if (!orderId) {
    return
  }
  const { result } = await syncOrderHistoryWorkflow(container).run({
    input: { order_ids: [orderId] },
  })
  await requestEvaluation(container, result.customer_ids, ["orders"])
}

export const config: SubscriberConfig = {
  event: [
    OrderWorkflowEvents.PLACED,
    OrderWorkflowEvents.UPDATED,
    OrderWorkflowEvents.CANCELED,
    OrderWorkflowEvents.COMPLETED,
    OrderWorkflowEvents.ARCHIVED,
    OrderWorkflowEvents.RETURN_RECEIVED,
    OrderWorkflowEvents.CLAIM_CREATED,
    OrderWorkflowEvents.EXCHANGE_CREATED,
    OrderWorkflowEvents.TRANSFER_REQUESTED,
    OrderEditWorkflowEvents.CONFIRMED,
  ],
  context: { subscriberId: "customer-segments-order-history" },
}
