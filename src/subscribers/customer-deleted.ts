import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { evaluateCustomerSegmentsWorkflow } from "../workflows"

/** A deleted customer leaves every segment at once, whatever its mode. */
export default async function customerDeletedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  await evaluateCustomerSegmentsWorkflow(container).run({
    input: { customer_ids: [event.data.id], deleted: true },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "customer-segments-customer-deleted" },
}
