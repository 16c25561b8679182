import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderEditWorkflowEvents,
  OrderWorkflowEvents,
} from "@medusajs/framework/utils"
import { syncOrderHistoryWorkflow } from "../workflows"

/**
 * Keeps the order-history read model in step with Medusa's orders. Syncing
 * re-reads the order, so an event delivered twice or out of order still
 * leaves the row as the order is now.
 */
export default async function orderHistorySubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  await syncOrderHistoryWorkflow(container).run({
    input: { order_ids: [event.data.id] },
  })
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
    OrderEditWorkflowEvents.CONFIRMED,
  ],
  context: { subscriberId: "customer-segments-order-history" },
}
