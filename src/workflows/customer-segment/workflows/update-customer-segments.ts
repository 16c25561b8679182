import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_EVENTS } from "../steps/build-membership-events"
import type { UpdateCustomerSegmentDTO } from "../../../modules/customer-segment/dtos"
import { updateCustomerSegmentsStep } from "../steps/update-customer-segments"
import { renameSegmentGroupsStep } from "../../customer-group-sync/steps/rename-segment-groups"

export type UpdateCustomerSegmentsWorkflowInput = {
  /** Ids of the segments to update. */
  ids: string[]
  /** Fields to set on every one of them. */
  update: UpdateCustomerSegmentDTO
}

export const updateCustomerSegmentsWorkflowId = "update-customer-segments"

/**
 * Updates customer segments; a new rule is validated first. A new name is
 * given to the segments' managed customer groups too.
 */
export const updateCustomerSegmentsWorkflow = createWorkflow(
  updateCustomerSegmentsWorkflowId,
  (input: UpdateCustomerSegmentsWorkflowInput) => {
    const segments = updateCustomerSegmentsStep(input)
    renameSegmentGroupsStep({ ids: input.ids, name: input.update.name })
    const events = transform({ segments }, ({ segments }) =>
      segments.map((segment) => ({ id: segment.id }))
    )
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.UPDATED,
      data: events,
    })

    return new WorkflowResponse(segments)
  }
)
