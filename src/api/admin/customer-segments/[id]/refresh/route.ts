import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { refreshCustomerSegmentsWorkflow } from "../../../../../workflows"
import { refetchCustomerSegment } from "../../helpers"

/**
 * Refreshes the segment now and answers with what changed. Refreshes of one
 * segment are serialised: a second request waits for the first to finish.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.params.id, req.scope, ["id"])

  const { result } = await refreshCustomerSegmentsWorkflow(req.scope).run({
    input: { ids: [req.params.id], trigger: "manual" },
  })

  res.json({ refresh: result[0] })
}
