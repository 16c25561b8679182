import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerSegmentRoutesMiddlewares } from "./admin/customer-segments/middlewares"
import { storeCustomerActivityMiddlewares } from "./store/customers/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminCustomerSegmentRoutesMiddlewares,
    ...storeCustomerActivityMiddlewares,
  ],
})
