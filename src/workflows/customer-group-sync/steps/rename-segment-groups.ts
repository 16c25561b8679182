import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import { uniqueGroupNames } from "../utils/ensure-groups"

export const renameSegmentGroupsStepId = "rename-customer-segment-groups"

export type RenameSegmentGroupsStepInput = {
  /** Segments that were updated. */
  ids: string[]
  /** Their new name; nothing is renamed when it is undefined. */
  name?: string
}

type GroupName = { id: string; name: string }

/**
 * Renames the managed groups of segments whose name changed. Compensation
 * gives the groups their previous names back.
 */
export const renameSegmentGroupsStep = createStep(
  renameSegmentGroupsStepId,
  async ({ ids, name }: RenameSegmentGroupsStepInput, { container }) => {
    if (name === undefined || !ids.length) {
      return new StepResponse(void 0, [] as GroupName[])
    }
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const customerModule: ICustomerModuleService = container.resolve(
      Modules.CUSTOMER
    )
    const segments = (
      await service.listCustomerSegments(
        { id: ids },
        { select: ["id", "customer_group_id"] }
      )
    ).filter((segment) => segment.customer_group_id)
    const groupIds = segments.map((segment) => segment.customer_group_id!)
    const previous = await customerModule.listCustomerGroups(
      { id: groupIds },
      { select: ["id", "name"], take: null }
    )
    const names = await uniqueGroupNames(
      container,
      segments.map((segment) => ({ id: segment.id, name })),
      groupIds
    )

    for (const [i, groupId] of groupIds.entries()) {
      await customerModule.updateCustomerGroups(groupId, { name: names[i] })
    }
    return new StepResponse(
      void 0,
      previous.map((group) => ({ id: group.id, name: group.name }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const customerModule: ICustomerModuleService = container.resolve(
      Modules.CUSTOMER
    )
    for (const group of previous) {
      await customerModule.updateCustomerGroups(group.id, { name: group.name })
    }
  }
)
