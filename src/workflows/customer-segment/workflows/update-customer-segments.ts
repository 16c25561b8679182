import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { UpdateCustomerSegmentDTO } from "../../../modules/customer-segment/dtos"
import { updateCustomerSegmentsStep } from "../steps/update-customer-segments"

export type UpdateCustomerSegmentsWorkflowInput = {
  /** Ids of the segments to update. */
  ids: string[]
  /** Fields to set on every one of them. */
  update: UpdateCustomerSegmentDTO
}

export const updateCustomerSegmentsWorkflowId = "update-customer-segments"

/** Updates customer segments; a new rule is validated first. */
export const updateCustomerSegmentsWorkflow = createWorkflow(
  updateCustomerSegmentsWorkflowId,
  (input: UpdateCustomerSegmentsWorkflowInput) => {
    const segments = updateCustomerSegmentsStep(input)
    return new WorkflowResponse(segments)
  }
)
