import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { fetchOrderHistoryStep } from "../steps/fetch-order-history"
import { writeOrderHistoryStep } from "../steps/write-order-history"

export type SyncOrderHistoryWorkflowInput = {
  /** Orders to sync; every order (a backfill) when left out. */
  order_ids?: string[]
}

export const syncOrderHistoryWorkflowId = "sync-order-history"

/**
 * Copies Medusa orders into the plugin's order-history read model. Running
 * it again for the same orders replaces them, never double counts.
 *
 * @example
 * await syncOrderHistoryWorkflow(container).run({ input: {} })
 */
export const syncOrderHistoryWorkflow = createWorkflow(
  syncOrderHistoryWorkflowId,
  (input: SyncOrderHistoryWorkflowInput) => {
    const fetched = fetchOrderHistoryStep(input)
    const written = writeOrderHistoryStep(fetched)
    return new WorkflowResponse(written)
  }
)
