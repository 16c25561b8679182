import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { activityRateLimit } from "./rate-limit"
import {
  StoreAddWishlistItem,
  StoreGetWishlistParams,
  StoreRecordActivity,
} from "./validators"

const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeCustomerActivityMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers/me/activity",
    middlewares: [
      customerOnly,
      validateAndTransformBody(StoreRecordActivity),
      activityRateLimit,
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/wishlist",
    middlewares: [
      customerOnly,
      validateAndTransformQuery(StoreGetWishlistParams, {
        defaults: ["product_id", "created_at"],
        isList: true,
      }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/wishlist",
    middlewares: [
      customerOnly,
      validateAndTransformBody(StoreAddWishlistItem),
      activityRateLimit,
    ],
  },
  {
    method: ["DELETE"],
    matcher: "/store/customers/me/wishlist/:product_id",
    middlewares: [customerOnly, activityRateLimit],
  },
]
