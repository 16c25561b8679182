import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { importOrderHistoryWorkflow } from "../../../../../workflows"
import type { AdminImportOrderHistoryType } from "../validators"

/**
 * Imports past orders from a CSV sent as JSON `{ csv, mapping }` and answers
 * with the report: rows imported and rejected (with line numbers and
 * reasons), orders, customers matched and created, unknown categories. The
 * whole file is handled in this request; see docs/IMPORT.md.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminImportOrderHistoryType>,
  res: MedusaResponse
) => {
  const { result } = await importOrderHistoryWorkflow(req.scope).run({
    input: req.validatedBody,
  })

  res.json({ report: result })
}
