import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { backfillOrderHistoryStep } from "../steps/backfill-order-history"
import { fetchOrderHistoryStep } from "../steps/fetch-order-history"
import { writeOrderHistoryStep } from "../steps/write-order-history"

export type SyncOrderHistoryWorkflowInput = {
  /** Orders to sync; every order (a backfill) when left out. */
  order_ids?: string[]
}

export const syncOrderHistoryWorkflowId = "sync-order-history"

/**
 * Copies Medusa orders into the plugin's order-history read model. Running
 * it again for the same orders replaces them, never double counts. Returns
 * how many orders were written and, for given orders, whose they are.
 *
 * @example
 * await syncOrderHistoryWorkflow(container).run({ input: {} })
 */
export const syncOrderHistoryWorkflow = createWorkflow(
  syncOrderHistoryWorkflowId,
  (input: SyncOrderHistoryWorkflowInput) => {
    const synced = when({ input }, ({ input }) => !!input.order_ids).then(
      () => {
        const ids = transform({ input }, ({ input }) => input.order_ids!)
        const fetched = fetchOrderHistoryStep({ order_ids: ids })
        return writeOrderHistoryStep(fetched)
      }
    )
    const backfilled = when({ input }, ({ input }) => !input.order_ids).then(
      () => backfillOrderHistoryStep()
    )

    const result = transform(
      { synced, backfilled },
      ({ synced, backfilled }) => synced ?? backfilled!
    )
    return new WorkflowResponse(result)
  }
)
