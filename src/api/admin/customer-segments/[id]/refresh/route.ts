import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
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

  const { result } = await refreshCustomerSegmentsWorkflow(req.scope).run({
    input: { ids: [req.params.id], trigger: "manual" },
  })

  const { added_ids, removed_ids, ...refresh } = result[0]
  res.json({ refresh })
}
