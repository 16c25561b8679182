import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_EVENTS } from "../steps/build-membership-events"
import { deleteCustomerSegmentsStep } from "../steps/delete-customer-segments"
import { deleteSegmentGroupsStep } from "../../customer-group-sync/steps/delete-segment-groups"

export type DeleteCustomerSegmentsWorkflowInput = {
  /** Ids of the segments to delete, with their memberships and history. */
  ids: string[]
}

export const deleteCustomerSegmentsWorkflowId = "delete-customer-segments"

/**
 * Deletes customer segments, and empties and deletes their managed customer
 * groups: promotions and price lists that named a group match nobody after.
 */
export const deleteCustomerSegmentsWorkflow = createWorkflow(
  deleteCustomerSegmentsWorkflowId,
  (input: DeleteCustomerSegmentsWorkflowInput) => {
    deleteSegmentGroupsStep(input.ids)
    deleteCustomerSegmentsStep(input.ids)
    const events = transform({ input }, ({ input }) =>
      input.ids.map((id) => ({ id }))
    )
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.DELETED,
      data: events,
    })
    return new WorkflowResponse(void 0)
  }
)
