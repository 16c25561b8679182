import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/**
 * Address changes surface only as the customer module's own events, carrying
 * the address id: look up whose address it is (deleted ones included).
 */
export default async function customerAddressChangedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [address] = await customerModule.listCustomerAddresses(
    { id: event.data.id },
    { select: ["customer_id"], withDeleted: true }
  )
  if (!address?.customer_id) {
    return
  }
  await requestEvaluation(
    container,
    [address.customer_id],
    ["customer_address"]
  )
}

export const config: SubscriberConfig = {
  event: [
    "customer.customer-address.created",
    "customer.customer-address.updated",
    "customer.customer-address.deleted",
  ],
  context: { subscriberId: "customer-segments-customer-address-changed" },
}
