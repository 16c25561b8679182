import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminExportSegmentCustomersParams } from "./[id]/customers/export/validators"
import { AdminImportOrderHistory } from "./order-history/validators"
import * as QueryConfig from "./query-config"
import { listSegmentRefreshesQueryConfig } from "./[id]/refreshes/query-config"
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
    // Room for the largest rule the limits allow: 50 conditions with
    // lists of 500 ids, past the 100 kB default.
    bodyParser: { sizeLimit: "2mb" },
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
    // Room for the largest rule the limits allow: 50 conditions with
    // lists of 500 ids, past the 100 kB default.
    bodyParser: { sizeLimit: "2mb" },
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
    // Room for the largest rule the limits allow: 50 conditions with
    // lists of 500 ids, past the 100 kB default.
    bodyParser: { sizeLimit: "2mb" },
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
    // Room for the largest rule the limits allow: 50 conditions with
    // lists of 500 ids, past the 100 kB default.
    bodyParser: { sizeLimit: "2mb" },
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
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/order-history/import",
    // Years of order lines come as one JSON body: the superstore sample is
    // 2.3 MB, well past the 100 kB default.
    bodyParser: { sizeLimit: "50mb" },
    middlewares: [validateAndTransformBody(AdminImportOrderHistory)],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/refreshes",
    middlewares: [
      validateAndTransformQuery(
        AdminGetSegmentCustomersParams,
        listSegmentRefreshesQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/customers/export",
    middlewares: [
      validateAndTransformQuery(AdminExportSegmentCustomersParams, {}),
    ],
  },
]
