import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import * as QueryConfig from "./query-config"
import {
  AdminCreateCustomerSegment,
  AdminGetCustomerSegmentParams,
  AdminGetCustomerSegmentsParams,
  AdminGetSegmentCustomersParams,
  AdminPreviewCustomerSegment,
  AdminReplaceCustomerSegment,
  AdminUpdateCustomerSegment,
} from "./validators"

export const adminCustomerSegmentRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-segments",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCustomerSegmentsParams,
        QueryConfig.listTransformQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments",
    middlewares: [
      validateAndTransformBody(AdminCreateCustomerSegment),
      validateAndTransformQuery(
        AdminGetCustomerSegmentParams,
        QueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/preview",
    middlewares: [validateAndTransformBody(AdminPreviewCustomerSegment)],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCustomerSegmentParams,
        QueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateCustomerSegment),
      validateAndTransformQuery(
        AdminGetCustomerSegmentParams,
        QueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
  {
    method: ["PUT"],
    matcher: "/admin/customer-segments/:id",
    middlewares: [
      validateAndTransformBody(AdminReplaceCustomerSegment),
      validateAndTransformQuery(
        AdminGetCustomerSegmentParams,
        QueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/customers",
    middlewares: [
      validateAndTransformQuery(
        AdminGetSegmentCustomersParams,
        QueryConfig.listSegmentCustomersQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/customer-segments",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCustomerSegmentsParams,
        QueryConfig.listTransformQueryConfig
      ),
    ],
  },
]
