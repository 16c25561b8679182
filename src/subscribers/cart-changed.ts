import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  CartWorkflowEvents,
  ContainerRegistrationKeys,
} from "@medusajs/framework/utils"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/**
 * A cart changed: re-evaluate its customer where rules read carts. The
 * events carry only the cart id (`cart.customer_transferred` too, though it
 * is about the customer), so the cart is read back for its customer.
 */
export default async function cartChangedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["customer_id"],
    filters: { id: event.data.id },
  })
  if (!cart?.customer_id) {
    return
  }
  await requestEvaluation(container, [cart.customer_id], ["cart"])
}

export const config: SubscriberConfig = {
  event: [
    CartWorkflowEvents.CREATED,
    CartWorkflowEvents.UPDATED,
    CartWorkflowEvents.REGION_UPDATED,
    CartWorkflowEvents.CUSTOMER_TRANSFERRED,
  ],
  context: { subscriberId: "customer-segments-cart-changed" },
}
