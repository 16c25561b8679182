import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer-segment/service"
import { assertExists, emitActivity } from "../../helpers"
import type { StoreAddWishlistItemType } from "../../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const { skip, take } = req.queryConfig.pagination
  const [wishlist_items, count] = await service.listAndCountWishlist(
    req.auth_context.actor_id,
    { skip: skip ?? 0, take: take ?? 50 }
  )
  res.json({ wishlist_items, count, offset: skip, limit: take })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAddWishlistItemType>,
  res: MedusaResponse
) => {
  await assertExists(req.scope, "product", req.validatedBody.product_id)
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const wishlist_item = await service.addToWishlist(
    req.auth_context.actor_id,
    req.validatedBody.product_id
  )
  await emitActivity(req.scope, req.auth_context.actor_id)
  res.json({ wishlist_item })
}
