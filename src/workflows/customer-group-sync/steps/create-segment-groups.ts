import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createManagedGroups,
  deleteManagedGroups,
  type SegmentRef,
} from "../utils/ensure-groups"

export const createSegmentGroupsStepId = "create-customer-segment-groups"

export type SegmentGroup = { segment_id: string; customer_group_id: string }

/**
 * Creates the customer group each new segment is mirrored into, named after
 * the segment and marked in its metadata as managed by the plugin, and
 * records it on the segment. Compensation deletes the groups.
 */
export const createSegmentGroupsStep = createStep(
  createSegmentGroupsStepId,
  async (segments: SegmentRef[], { container }) => {
    const groupIds = await createManagedGroups(container, segments)

    const created: SegmentGroup[] = segments.map((segment, i) => ({
      segment_id: segment.id,
      customer_group_id: groupIds[i],
    }))
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    await deleteManagedGroups(container, created)
  }
)
