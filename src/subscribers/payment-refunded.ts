import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  ContainerRegistrationKeys,
  PaymentEvents,
} from "@medusajs/framework/utils"
import { syncOrderHistoryWorkflow } from "../workflows"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/**
 * A refund changes what the customer spent but emits only the payment's id:
 * find the order it belongs to and re-sync it.
 */
export default async function paymentRefundedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = payment?.payment_collection?.order?.id
  if (!orderId) {
    return
  }
  const { result } = await syncOrderHistoryWorkflow(container).run({
    input: { order_ids: [orderId] },
  })
  await requestEvaluation(container, result.customer_ids, ["orders"])
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "customer-segments-payment-refunded" },
}
