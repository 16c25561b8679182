import { Module } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "./constants"
import validateOptionsLoader from "./loaders/validate-options"
import CustomerSegmentModuleService from "./service"

export { CUSTOMER_SEGMENT_MODULE }

export default Module(CUSTOMER_SEGMENT_MODULE, {
  service: CustomerSegmentModuleService,
  loaders: [validateOptionsLoader],
})
