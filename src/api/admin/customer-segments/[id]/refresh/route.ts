import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refreshCustomerSegmentsWorkflow } from "../../../../../workflows"
import { refetchCustomerSegment } from "../../helpers"

/**
 * Refreshes the segment now and answers with what changed. While another
 * refresh of the segment runs (from any process sharing the locking
 * provider), answers 409 naming it.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.params.id, req.scope, ["id"])

  try {
    const { result } = await refreshCustomerSegmentsWorkflow(req.scope).run({
      input: { ids: [req.params.id], trigger: "manual" },
    })

    const { added_ids, removed_ids, ...refresh } = result[0]
    res.json({ refresh })
  } catch (error) {
    // Medusa's error handler answers every CONFLICT with a generic
    // idempotency-key message (@medusajs/framework
    // http/middlewares/error-handler.js), which would hide which refresh
    // holds the segment and since when.
    if ((error as { type?: string }).type === MedusaError.Types.CONFLICT) {
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        message: (error as Error).message,
      })
      return
    }
    throw error
  }
}
