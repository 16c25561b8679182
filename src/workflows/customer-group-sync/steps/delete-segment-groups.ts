import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import {
  addToGroups,
  type GroupPair,
  listGroupMemberIds,
  removeFromGroups,
} from "../utils/group-members"

export const deleteSegmentGroupsStepId = "delete-customer-segment-groups"

type Deleted = { groupIds: string[]; members: GroupPair[] }

/**
 * Empties and soft-deletes the managed groups of segments being deleted.
 * The groups are emptied first because a soft-deleted group keeps its
 * member rows, and a promotion rule on `customer.groups.id` still names the
 * group: the rule stays, and matches nobody. Compensation restores the
 * groups and their members.
 */
export const deleteSegmentGroupsStep = createStep(
  deleteSegmentGroupsStepId,
  async (segmentIds: string[], { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const customerModule: ICustomerModuleService = container.resolve(
      Modules.CUSTOMER
    )
    const segments = await service.listCustomerSegments(
      { id: segmentIds },
      { select: ["id", "customer_group_id"] }
    )
    const groupIds = segments.flatMap((segment) =>
      segment.customer_group_id ? [segment.customer_group_id] : []
    )
    if (!groupIds.length) {
      return new StepResponse(void 0, { groupIds, members: [] } as Deleted)
    }
    const members: GroupPair[] = []
    for (const groupId of groupIds) {
      const ids = await listGroupMemberIds(container, groupId)
      ids.forEach((id) =>
        members.push({ customer_group_id: groupId, customer_id: id })
      )
    }

    await removeFromGroups(container, members)
    await customerModule.softDeleteCustomerGroups(groupIds)
    return new StepResponse(void 0, { groupIds, members } as Deleted)
  },
  async (deleted, { container }) => {
    if (!deleted?.groupIds.length) {
      return
    }
    const customerModule: ICustomerModuleService = container.resolve(
      Modules.CUSTOMER
    )
    await customerModule.restoreCustomerGroups(deleted.groupIds)
    await addToGroups(container, deleted.members)
  }
)
