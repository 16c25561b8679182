import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../modules/customer-segment/service"

/** The catalogue of condition types, generated from the registry. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const conditions = service.getConditionCatalogue()
  res.json({ conditions, count: conditions.length })
}
