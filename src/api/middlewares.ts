import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerSegmentRoutesMiddlewares } from "./admin/customer-segments/middlewares"
import { storeCustomerActivityMiddlewares } from "./store/customers/middlewares"
import { rejectNul } from "./utils/reject-nul"

const PLUGIN_ROUTES = [
  "/admin/customer-segments*",
  "/admin/customers/:id/customer-segments",
  "/store/customers/me/activity",
  "/store/customers/me/wishlist*",
]

export default defineMiddlewares({
  routes: [
    ...PLUGIN_ROUTES.map((matcher) => ({ matcher, middlewares: [rejectNul] })),
    ...adminCustomerSegmentRoutesMiddlewares,
    ...storeCustomerActivityMiddlewares,
  ],
})
