import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  CUSTOMER_SEGMENT_EVENTS,
  type MembershipEventData,
} from "../workflows/customer-segment/steps/build-membership-events"
import { refreshOpenCarts } from "../workflows/customer-group-sync/utils/refresh-open-carts"

/**
 * Customers joined or left a segment, and so its customer group: their open
 * carts are re-priced and their promotions recomputed against the groups
 * they are in now.
 */
export default async function segmentMembershipCartsSubscriber({
  event,
  container,
}: SubscriberArgs<MembershipEventData>) {
  if (!event.data?.customer_ids?.length) {
    return
  }
  await refreshOpenCarts(container, event.data.customer_ids)
}

export const config: SubscriberConfig = {
  event: [
    CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_ADDED,
    CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_REMOVED,
  ],
  context: { subscriberId: "customer-segments-membership-carts" },
}
