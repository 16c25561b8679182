import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  CUSTOMER_SEGMENT_EVENTS,
  membershipEvents,
} from "../steps/build-membership-events"
import {
  refreshCustomerSegmentsStep,
  type RefreshCustomerSegmentsStepInput,
  releaseRefreshLocksStep,
} from "../steps/refresh-customer-segments"
import { syncSegmentGroupsStep } from "../../customer-group-sync/steps/sync-segment-groups"
import { withGroupWarnings } from "../../customer-group-sync/utils/with-group-warnings"

export type RefreshCustomerSegmentsWorkflowInput =
  RefreshCustomerSegmentsStepInput

export const refreshCustomerSegmentsWorkflowId = "refresh-customer-segments"

/**
 * Recomputes the members of segments, one after the other, and returns per
 * segment how many customers were added and removed and the new total.
 * Emits `customer_segment.customers_added` and `.customers_removed`, with
 * the segment id and at most 500 customer ids per event, after each
 * segment's managed customer group is made equal to its members; a manual
 * edit of the group is undone and reported in the result's `warnings`.
 *
 * @example
 * const { result } = await refreshCustomerSegmentsWorkflow(container).run({
 *   input: { ids: ["cseg_123"], trigger: "manual" },
 * })
 */
export const refreshCustomerSegmentsWorkflow = createWorkflow(
  refreshCustomerSegmentsWorkflowId,
  (input: RefreshCustomerSegmentsWorkflowInput) => {
    const { results: refreshed, locks } = refreshCustomerSegmentsStep(input)
    const synced = syncSegmentGroupsStep({ results: refreshed, full: true })
    releaseRefreshLocksStep(locks)
    const results = transform({ refreshed, synced }, ({ refreshed, synced }) =>
      withGroupWarnings(refreshed, synced)
    )

    const added = transform({ results }, ({ results }) =>
      membershipEvents(results, "added_ids")
    )
    const removed = transform({ results }, ({ results }) =>
      membershipEvents(results, "removed_ids")
    )
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_ADDED,
      data: added,
    }).config({ name: "emit-customers-added" })
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_REMOVED,
      data: removed,
    }).config({ name: "emit-customers-removed" })

    return new WorkflowResponse(results)
  }
)
