import type {
  ICustomerModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import { managedGroupMetadata, managedGroupName } from "../constants"

export type SegmentRef = { id: string; name: string }

/**
 * Group names for segments, unique among live groups: a name already
 * taken, outside `ownGroupIds` or earlier in the list, gets the segment id.
 */
export async function uniqueGroupNames(
  container: MedusaContainer,
  segments: SegmentRef[],
  ownGroupIds: string[] = []
): Promise<string[]> {
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  const existing = await customerModule.listCustomerGroups(
    { name: { $in: segments.map((segment) => segment.name) } },
    { select: ["id", "name"], take: null }
  )
  const taken = new Set(
    existing
      .filter((group) => !ownGroupIds.includes(group.id))
      .map((group) => group.name)
  )
  return segments.map((segment) => {
    const name = managedGroupName(segment, taken.has(segment.name))
    taken.add(segment.name)
    return name
  })
}

/**
 * Creates a managed group for each segment and records it on the segment.
 * Returns the group ids in the order of `segments`.
 */
export async function createManagedGroups(
  container: MedusaContainer,
  segments: SegmentRef[]
): Promise<string[]> {
  if (!segments.length) {
    return []
  }
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const names = await uniqueGroupNames(container, segments)

  const groups = await customerModule.createCustomerGroups(
    segments.map((segment, i) => ({
      name: names[i],
      metadata: managedGroupMetadata(segment.id),
    }))
  )
  await service.updateCustomerSegments(
    segments.map((segment, i) => ({
      id: segment.id,
      customer_group_id: groups[i].id,
    }))
  )
  return groups.map((group) => group.id)
}

/** Undoes `createManagedGroups`: deletes the groups, unlinks the segments. */
export async function deleteManagedGroups(
  container: MedusaContainer,
  created: { segment_id: string; customer_group_id: string }[]
): Promise<void> {
  if (!created.length) {
    return
  }
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  await customerModule.deleteCustomerGroups(
    created.map((c) => c.customer_group_id)
  )
  const live = await service.listCustomerSegments(
    { id: created.map((c) => c.segment_id) },
    { select: ["id"] }
  )
  if (live.length) {
    await service.updateCustomerSegments(
      live.map((segment) => ({ id: segment.id, customer_group_id: null }))
    )
  }
}
