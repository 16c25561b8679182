import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteCustomerSegmentsStep } from "../steps/delete-customer-segments"

export type DeleteCustomerSegmentsWorkflowInput = {
  /** Ids of the segments to delete, with their memberships and history. */
  ids: string[]
}

export const deleteCustomerSegmentsWorkflowId = "delete-customer-segments"

/** Deletes customer segments. */
export const deleteCustomerSegmentsWorkflow = createWorkflow(
  deleteCustomerSegmentsWorkflowId,
  (input: DeleteCustomerSegmentsWorkflowInput) => {
    deleteCustomerSegmentsStep(input.ids)
    return new WorkflowResponse(void 0)
  }
)
