import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../../../modules/customer-segment/service"
import { emitActivity } from "../../../helpers"

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const productId = req.params.product_id
  const removed = await service.removeFromWishlist(
    req.auth_context.actor_id,
    productId
  )
  if (!removed) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product with id: ${productId} is not on the wishlist`
    )
  }
  await emitActivity(req.scope, req.auth_context.actor_id)
  res.json({ id: productId, object: "wishlist_item", deleted: true })
}
