import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_EVENTS } from "../steps/build-membership-events"
import type { CreateCustomerSegmentDTO } from "../../../modules/customer-segment/dtos"
import { createCustomerSegmentsStep } from "../steps/create-customer-segments"
import { createSegmentGroupsStep } from "../../customer-group-sync/steps/create-segment-groups"

export type CreateCustomerSegmentsWorkflowInput = {
  /** The segments to create; each rule is validated before anything is written. */
  segments: CreateCustomerSegmentDTO[]
}

export const createCustomerSegmentsWorkflowId = "create-customer-segments"

/**
 * Creates customer segments, each with the customer group the plugin keeps
 * equal to its members. Members are computed by a refresh, not here.
 *
 * @example
 * const { result } = await createCustomerSegmentsWorkflow(container).run({
 *   input: {
 *     segments: [{
 *       name: "VIP",
 *       rule: { match: "all", conditions: [
 *         { type: "order_count", operator: "gte", value: 10 },
 *       ] },
 *     }],
 *   },
 * })
 */
export const createCustomerSegmentsWorkflow = createWorkflow(
  createCustomerSegmentsWorkflowId,
  (input: CreateCustomerSegmentsWorkflowInput) => {
    const segments = createCustomerSegmentsStep(input.segments)
    createSegmentGroupsStep(
      transform({ segments }, ({ segments }) =>
        segments.map((segment) => ({ id: segment.id, name: segment.name }))
      )
    )
    const events = transform({ segments }, ({ segments }) =>
      segments.map((segment) => ({ id: segment.id }))
    )
    emitEventStep({
      eventName: CUSTOMER_SEGMENT_EVENTS.CREATED,
      data: events,
    })

    return new WorkflowResponse(segments)
  }
)
