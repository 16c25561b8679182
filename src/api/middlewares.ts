import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerSegmentRoutesMiddlewares } from "./admin/customer-segments/middlewares"

export default defineMiddlewares({
  routes: [...adminCustomerSegmentRoutesMiddlewares],
})
