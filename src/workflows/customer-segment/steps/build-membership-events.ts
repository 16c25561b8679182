import type { RefreshResult } from "../../../modules/customer-segment/types"

/** Customer ids per `customer_segment.customers_*` event. */
export const MEMBERSHIP_EVENT_BATCH = 500

export const CUSTOMER_SEGMENT_EVENTS = {
  CREATED: "customer_segment.created",
  UPDATED: "customer_segment.updated",
  DELETED: "customer_segment.deleted",
  CUSTOMERS_ADDED: "customer_segment.customers_added",
  CUSTOMERS_REMOVED: "customer_segment.customers_removed",
  /** A customer's browsing or wishlist changed (the plugin's store routes). */
  ACTIVITY_RECORDED: "customer_segment.activity_recorded",
} as const

export type MembershipEventData = {
  segment_id: string
  customer_ids: string[]
}

/** Splits refresh results into event payloads of at most a batch of ids. */
export function membershipEvents(
  results: RefreshResult[],
  key: "added_ids" | "removed_ids"
): MembershipEventData[] {
  return results.flatMap((result) => {
    const ids = result[key]
    const events: MembershipEventData[] = []
    for (let i = 0; i < ids.length; i += MEMBERSHIP_EVENT_BATCH) {
      events.push({
        segment_id: result.segment_id,
        customer_ids: ids.slice(i, i + MEMBERSHIP_EVENT_BATCH),
      })
    }
    return events
  })
}
