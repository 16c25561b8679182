import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../modules/customer-segment/service"
import { fetchCustomersInOrder } from "../helpers"
import { defaultSegmentCustomerFields } from "../query-config"
import type { AdminPreviewCustomerSegmentType } from "../validators"

/**
 * Counts and samples who a rule matches, without saving anything. Runs
 * under the statement timeout of `limits.previewTimeoutMs`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPreviewCustomerSegmentType>,
  res: MedusaResponse
) => {
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const preview = await service.previewRule(req.validatedBody)
  const customers = await fetchCustomersInOrder(
    preview.customer_ids,
    req.scope,
    defaultSegmentCustomerFields
  )

  res.json({
    count: preview.count,
    customers,
    added: preview.added,
    removed: preview.removed,
  })
}
