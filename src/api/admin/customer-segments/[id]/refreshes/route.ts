import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchCustomerSegment } from "../../helpers"

/** The segment's refresh history, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip, take } = req.queryConfig.pagination

  const { data: refreshes, metadata } = await query.graph({
    entity: "customer_segment_refresh",
    fields: req.queryConfig.fields,
    filters: { segment_id: req.params.id },
    pagination: { skip, take, order: { started_at: "DESC", id: "DESC" } },
  })

  res.json({
    refreshes,
    count: metadata?.count ?? refreshes.length,
    offset: skip,
    limit: take,
  })
}
