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
import { evaluateCustomersStep } from "../steps/evaluate-customers"
import { removeDeletedCustomersStep } from "../steps/remove-deleted-customers"
import { syncSegmentGroupsStep } from "../../customer-group-sync/steps/sync-segment-groups"

export type EvaluateCustomerSegmentsWorkflowInput = {
  /** Customers with pending evaluations (see `queueEvaluation`). */
  customer_ids: string[]
  /**
   * The customers were deleted: remove them from every segment, whatever
   * its refresh mode.
   */
  deleted?: boolean
}

export const evaluateCustomerSegmentsWorkflowId = "evaluate-customer-segments"

/**
 * Brings real-time segments up to date for a few customers after they, their
 * orders or their carts changed, and emits the membership events.
 */
export const evaluateCustomerSegmentsWorkflow = createWorkflow(
  evaluateCustomerSegmentsWorkflowId,
  (input: EvaluateCustomerSegmentsWorkflowInput) => {
    const evaluated = evaluateCustomersStep({
      customer_ids: input.customer_ids,
    })
    const deletedIds = transform({ input }, ({ input }) =>
      input.deleted ? input.customer_ids : []
    )
    const removed = removeDeletedCustomersStep(deletedIds)

    const results = transform(
      { evaluated, removed },
      ({ evaluated, removed }) => [...evaluated, ...removed]
    )
    syncSegmentGroupsStep({ results, full: false })
    const addedEvents = transform({ results }, ({ results }) =>
      membershipEvents(results, "added_ids")
    )
    const removedEvents = transform({ results }, ({ results }) =>
      membershipEvents(results, "removed_ids")
    )
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_ADDED,
      data: addedEvents,
    }).config({ name: "emit-evaluated-customers-added" })
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.CUSTOMERS_REMOVED,
      data: removedEvents,
    }).config({ name: "emit-evaluated-customers-removed" })

    return new WorkflowResponse(results)
  }
)
