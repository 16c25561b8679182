import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import loaders from "@medusajs/medusa/loaders/index"
import { setTimeout as sleep } from "timers/promises"

/**
 * Boots the store in `directory` as `medusa exec` does
 * (@medusajs/medusa/dist/commands/exec.js): its config, plugins, modules,
 * links and workflows, without the HTTP server, then runs `fn` with the
 * container and shuts the store down again, whatever `fn` did.
 */
export async function withStore<T>(
  directory: string,
  fn: (container: MedusaContainer) => Promise<T>
): Promise<T> {
  const { container, shutdown } = await loaders({
    directory,
    // Only used to mount routes, which `skipLoadingEntryPoints` leaves out.
    expressApp: undefined as never,
    skipLoadingEntryPoints: true,
  })
  try {
    return await fn(container)
  } finally {
    await settle(container)
    await shutdown()
  }
}

const SETTLE_POLL_MS = 100
const SETTLE_MAX_MS = 30_000

/**
 * Waits until the work this command set off in the background is done. A
 * refresh emits membership events; with Medusa's in-memory event bus (a
 * store without Redis) their subscribers run in this very process, and
 * shutting down under them would abort their queries and lose their work.
 * Idle means no running workflow and no database connection in use, twice
 * in a row; gives up after 30 s rather than hang a cron job.
 */
async function settle(container: MedusaContainer): Promise<void> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE, {
    allowUnregistered: true,
  })
  const pool = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    ?.client?.pool
  const busy = async () => {
    const connections = pool ? pool.numUsed() + pool.numPendingAcquires() : 0
    const running = engine
      ? await engine.listWorkflowExecutions({
          state: { $nin: ["not_started", "done", "reverted", "failed"] },
        })
      : []
    return connections > 0 || running.length > 0
  }

  const deadline = Date.now() + SETTLE_MAX_MS
  let idleChecks = 0
  while (idleChecks < 2 && Date.now() < deadline) {
    await sleep(SETTLE_POLL_MS)
    idleChecks = (await busy()) ? 0 : idleChecks + 1
  }
}
