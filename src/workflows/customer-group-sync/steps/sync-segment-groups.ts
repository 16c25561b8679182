import type {
  ICustomerModuleService,
  ILockingModule,
  Logger,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import { LOG_CONTEXT } from "../../../modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { RefreshResult } from "../../../modules/customer-segment/types"
import {
  createManagedGroups,
  deleteManagedGroups,
} from "../utils/ensure-groups"
import {
  addToGroups,
  type GroupPair,
  removeFromGroups,
} from "../utils/group-members"

export const syncSegmentGroupsStepId = "sync-customer-segment-groups"

export type SyncSegmentGroupsStepInput = {
  /** What the refresh or evaluation changed, per segment. */
  results: RefreshResult[]
  /**
   * Compare every member of each group with the segment's, so that edits
   * made to the group by hand are undone; otherwise only the customers the
   * results name are compared.
   */
  full: boolean
}

export type SegmentGroupSync = {
  segment_id: string
  customer_group_id: string
  added: number
  removed: number
  /** Edits made to the group outside the segment, which this sync undid. */
  warnings: string[]
}

type Undo = {
  added: GroupPair[]
  removed: GroupPair[]
  created: { segment_id: string; customer_group_id: string }[]
}

// Held while one segment's group is compared and written, so that two syncs
// of a segment never both add the same missing customer (Medusa would keep
// both rows).
const LOCK_TIMEOUT_SECONDS = 60
const syncLockKey = (segmentId: string) =>
  `customer-segment:group-sync:${segmentId}`

/**
 * Makes each segment's managed customer group hold exactly the segment's
 * members, by adding and removing only the difference through the customer
 * module: a customer already in the group is never added again. A segment
 * without a live group (saved before groups were managed, or whose group
 * was deleted by hand) gets a new one. Compensation reverts every pair
 * written and deletes the groups created.
 */
export const syncSegmentGroupsStep = createStep(
  syncSegmentGroupsStepId,
  async ({ results, full }: SyncSegmentGroupsStepInput, { container }) => {
    const undo: Undo = { added: [], removed: [], created: [] }
    const synced: SegmentGroupSync[] = []
    const locking: ILockingModule = container.resolve(Modules.LOCKING)

    try {
      for (const result of results) {
        const sync = await locking.execute(
          syncLockKey(result.segment_id),
          () => syncOne(container, result, full, undo),
          { timeout: LOCK_TIMEOUT_SECONDS }
        )
        if (sync) {
          synced.push(sync)
        }
      }
    } catch (error) {
      // Medusa does not compensate the step that failed: put back what this
      // one wrote before passing the failure on.
      await revert(container, undo)
      throw error
    }
    return new StepResponse(synced, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await revert(container, undo)
  }
)

async function syncOne(
  container: MedusaContainer,
  result: RefreshResult,
  full: boolean,
  undo: Undo
): Promise<SegmentGroupSync | null> {
  const scope = full
    ? undefined
    : [...new Set([...result.added_ids, ...result.removed_ids])]
  if (scope && !scope.length) {
    return null
  }
  const warnings: string[] = []
  const { groupId, created } = await groupOf(
    container,
    result.segment_id,
    warnings
  )
  if (created) {
    undo.created.push({
      segment_id: result.segment_id,
      customer_group_id: groupId,
    })
  }

  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const { to_add: toAdd, to_remove: toRemove } =
    await service.groupMembershipDiff(result.segment_id, groupId, scope)

  if (!created) {
    const joined = new Set(result.added_ids)
    const left = new Set(result.removed_ids)
    const readded = toAdd.filter((id) => !joined.has(id)).length
    const unadded = toRemove.filter((id) => !left.has(id)).length
    if (readded || unadded) {
      warnings.push(
        `customer group ${groupId} was edited outside segment ${result.segment_id}: ${readded} removed customer(s) put back and ${unadded} added customer(s) taken out; edit the segment's rule instead`
      )
    }
  }

  const adding = toAdd.map((id) => pair(groupId, id))
  const removing = toRemove.map((id) => pair(groupId, id))
  await addToGroups(container, adding)
  undo.added.push(...adding)
  await removeFromGroups(container, removing)
  undo.removed.push(...removing)

  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const warning of warnings) {
    logger.warn(`[${LOG_CONTEXT}] segment=${result.segment_id} ${warning}`)
  }
  return {
    segment_id: result.segment_id,
    customer_group_id: groupId,
    added: adding.length,
    removed: removing.length,
    warnings,
  }
}

async function groupOf(
  container: MedusaContainer,
  segmentId: string,
  warnings: string[]
): Promise<{ groupId: string; created: boolean }> {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  const segment = await service.retrieveCustomerSegment(segmentId, {
    select: ["id", "name", "customer_group_id"],
  })
  if (segment.customer_group_id) {
    const [group] = await customerModule.listCustomerGroups(
      { id: segment.customer_group_id },
      { select: ["id"] }
    )
    if (group) {
      return { groupId: group.id, created: false }
    }
    warnings.push(
      `customer group ${segment.customer_group_id} was deleted outside segment ${segmentId}; a new one was created, so promotions and price lists naming the old group must be pointed at the new one`
    )
  }
  const [groupId] = await createManagedGroups(container, [segment])
  return { groupId, created: true }
}

async function revert(container: MedusaContainer, undo: Undo) {
  await removeFromGroups(container, undo.added)
  await addToGroups(container, undo.removed)
  await deleteManagedGroups(container, undo.created)
  undo.added = []
  undo.removed = []
  undo.created = []
}

function pair(groupId: string, customerId: string): GroupPair {
  return { customer_group_id: groupId, customer_id: customerId }
}
