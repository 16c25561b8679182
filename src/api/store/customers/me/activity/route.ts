import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer-segment/service"
import { assertExists, emitActivity } from "../../helpers"
import type { StoreRecordActivityType } from "../../validators"

/**
 * Records that the logged-in customer viewed a product or a category, for
 * the `viewed_product` and `viewed_category` conditions.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRecordActivityType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
  const customerId = req.auth_context.actor_id
  if (body.type === "product_view") {
    await assertExists(req.scope, "product", body.product_id!)
  } else {
    await assertExists(req.scope, "product_category", body.category_id!)
  }

  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const activity = await service.recordActivity({
    customer_id: customerId,
    kind: body.type,
    product_id: body.product_id ?? null,
    category_id: body.category_id ?? null,
  })
  await emitActivity(req.scope, customerId)

  res.status(201).json({ activity })
}
