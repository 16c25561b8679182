import { Module } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE, LOG_CONTEXT } from "./constants"
import validateOptionsLoader from "./loaders/validate-options"
import CustomerSegmentModuleService from "./service"

export { CUSTOMER_SEGMENT_MODULE, LOG_CONTEXT }

export default Module(CUSTOMER_SEGMENT_MODULE, {
  service: CustomerSegmentModuleService,
  loaders: [validateOptionsLoader],
})
