import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/** A customer's own fields changed: re-evaluate them where rules read those. */
export default async function customerChangedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  await requestEvaluation(container, [event.data.id], ["customer"])
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.CREATED, CustomerWorkflowEvents.UPDATED],
  context: { subscriberId: "customer-segments-customer-changed" },
}
