import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  refreshCustomerSegmentsStep,
  type RefreshCustomerSegmentsStepInput,
} from "../steps/refresh-customer-segments"

export type RefreshCustomerSegmentsWorkflowInput =
  RefreshCustomerSegmentsStepInput

export const refreshCustomerSegmentsWorkflowId = "refresh-customer-segments"

/**
 * Recomputes the members of segments, one after the other, and returns per
 * segment how many customers were added and removed and the new total.
 *
 * @example
 * const { result } = await refreshCustomerSegmentsWorkflow(container).run({
 *   input: { ids: ["cseg_123"], trigger: "manual" },
 * })
 */
export const refreshCustomerSegmentsWorkflow = createWorkflow(
  refreshCustomerSegmentsWorkflowId,
  (input: RefreshCustomerSegmentsWorkflowInput) => {
    const results = refreshCustomerSegmentsStep(input)
    return new WorkflowResponse(results)
  }
)
