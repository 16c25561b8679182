import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_SEGMENT_EVENTS } from "../workflows"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

/** Browsing or the wishlist changed: re-evaluate where rules read them. */
export default async function activityRecordedSubscriber({
  event,
  container,
}: SubscriberArgs<{ customer_id: string }>) {
  if (!event.data?.customer_id) {
    return
  }
  await requestEvaluation(container, [event.data.customer_id], ["browsing"])
}

export const config: SubscriberConfig = {
  event: CUSTOMER_SEGMENT_EVENTS.ACTIVITY_RECORDED,
  context: { subscriberId: "customer-segments-activity-recorded" },
}
