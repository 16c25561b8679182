import { randomUUID } from "crypto"
import type { ILockingModule } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type { RefreshTrigger } from "../../../modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { RefreshResult } from "../../../modules/customer-segment/types"

export const refreshCustomerSegmentsStepId = "refresh-customer-segments"

export type RefreshCustomerSegmentsStepInput = {
  ids: string[]
  trigger?: RefreshTrigger
  /**
   * What to do when a segment is already being refreshed elsewhere: `fail`
   * answers a 409 naming who holds it (the default, for people), `skip`
   * leaves it out of the results (for the scheduler), `wait` refreshes it
   * once the running refresh ends (after a save, whose rule the running
   * refresh may not have seen).
   * @defaultValue "fail"
   */
  on_busy?: "fail" | "skip" | "wait"
}

// Long enough for any refresh; only matters when the process holding the
// lock dies, as the lock is released as soon as the refresh ends.
const LOCK_EXPIRE_SECONDS = 900

export const refreshLockKey = (segmentId: string) =>
  `customer-segment:refresh:${segmentId}`

/**
 * Refreshes segments one at a time, each under a lock of Medusa's locking
 * module, so a segment is never refreshed twice at once, across processes
 * too when the store uses a shared locking provider (Redis). Each refresh is
 * its own database transaction that applies the whole membership difference
 * or none of it, so there is nothing for a compensation to undo.
 */
export const refreshCustomerSegmentsStep = createStep(
  refreshCustomerSegmentsStepId,
  async (
    {
      ids,
      trigger = "manual",
      on_busy = "fail",
    }: RefreshCustomerSegmentsStepInput,
    { container }
  ) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const locking = container.resolve(Modules.LOCKING)
    const results: RefreshResult[] = []
    const locks: HeldLock[] = []

    for (const id of ids) {
      const key = refreshLockKey(id)
      const ownerId = `${trigger}:${randomUUID()}`
      try {
        await acquire(locking, key, ownerId, on_busy === "wait")
      } catch {
        if (on_busy === "skip") {
          continue
        }
        throw await busyError(service, id)
      }
      locks.push({ key, ownerId })
      try {
        results.push(await service.refreshSegment(id, trigger))
      } catch (error) {
        // Medusa does not compensate the step that failed.
        await releaseLocks(locking, locks)
        throw error
      }
    }
    // The locks stay held until the segments' customer groups are synced too
    // (`releaseRefreshLocksStep`), so a second refresh never syncs a group
    // between this refresh and its own sync.
    return new StepResponse({ results, locks }, locks)
  },
  async (locks, { container }) => {
    if (!locks?.length) {
      return
    }
    await releaseLocks(container.resolve(Modules.LOCKING), locks)
  }
)

export type HeldLock = { key: string; ownerId: string }

export async function releaseLocks(locking: ILockingModule, locks: HeldLock[]) {
  for (const { key, ownerId } of locks) {
    await locking.release(key, { ownerId })
  }
}

export const releaseRefreshLocksStepId =
  "release-customer-segment-refresh-locks"

/** Ends a refresh workflow: releases the locks its refresh step took. */
export const releaseRefreshLocksStep = createStep(
  releaseRefreshLocksStepId,
  async (locks: HeldLock[], { container }) => {
    await releaseLocks(container.resolve(Modules.LOCKING), locks)
    return new StepResponse(void 0)
  }
)

const WAIT_POLL_MS = 250
const WAIT_LIMIT_MS = LOCK_EXPIRE_SECONDS * 1000

/**
 * Takes the lock now, or with `wait` as soon as it is free: polled, since
 * the locking module's providers queue waiters only inside `execute`, which
 * would lose the owner id the 409 message and the release rely on.
 */
async function acquire(
  locking: ILockingModule,
  key: string,
  ownerId: string,
  wait: boolean
) {
  const deadline = Date.now() + WAIT_LIMIT_MS
  for (;;) {
    try {
      return await locking.acquire(key, {
        ownerId,
        expire: LOCK_EXPIRE_SECONDS,
      })
    } catch (error) {
      if (!wait || Date.now() > deadline) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS))
    }
  }
}

// The holder writes its history row only after it took the lock, so a
// refresh refused in that moment looks a little while for the row it names.
const HOLDER_LOOKUPS = 10
const HOLDER_LOOKUP_INTERVAL_MS = 50

async function runningRefresh(
  service: CustomerSegmentModuleService,
  id: string
) {
  for (let attempt = 1; ; attempt++) {
    const [running] = await service.listCustomerSegmentRefreshes(
      { segment_id: id, finished_at: null },
      { order: { started_at: "DESC" }, take: 1 }
    )
    if (running || attempt === HOLDER_LOOKUPS) {
      return running
    }
    await new Promise((resolve) =>
      setTimeout(resolve, HOLDER_LOOKUP_INTERVAL_MS)
    )
  }
}

async function busyError(service: CustomerSegmentModuleService, id: string) {
  const running = await runningRefresh(service, id)
  const holder = running
    ? ` by a ${running.trigger} refresh started at ${new Date(running.started_at).toISOString()} (${running.id})`
    : ""
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Customer segment ${id} is already being refreshed${holder}; try again when it finishes`
  )
}
