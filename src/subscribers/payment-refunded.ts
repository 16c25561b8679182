import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  ContainerRegistrationKeys,
  PaymentEvents,
} from "@medusajs/framework/utils"
import { syncOrderHistoryWorkflow } from "../workflows"

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
  await syncOrderHistoryWorkflow(container).run({
    input: { order_ids: [orderId] },
  })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "customer-segments-payment-refunded" },
}
