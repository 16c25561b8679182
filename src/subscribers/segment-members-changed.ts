import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_SEGMENT_EVENTS, type MembershipEventData } from "../workflows"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/**
 * Customers joined or left a segment: re-evaluate them in real-time
 * segments whose rules ask "member of segment ...".
 */
export default async function segmentMembersChangedSubscriber({
  event,
  container,
}: SubscriberArgs<MembershipEventData>) {
  if (!event.data?.customer_ids?.length) {
    return
  }
  await requestEvaluation(container, event.data.customer_ids, ["segment"])
}

export const config: SubscriberConfig = {
  event: [
    CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_ADDED,
    CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_REMOVED,
  ],
  context: { subscriberId: "customer-segments-segment-members-changed" },
}
