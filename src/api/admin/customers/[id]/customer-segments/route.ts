import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

/** The segments a customer belongs to, with when they joined each. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip, take } = req.queryConfig.pagination
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!customer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${req.params.id} was not found`
    )
  }

  const { data: memberships, metadata } = await query.graph({
    entity: "customer_segment_membership",
    fields: [
      "created_at",
      ...req.queryConfig.fields.map((field) => `segment.${field}`),
    ],
    filters: { customer_id: req.params.id },
    pagination: { skip, take, order: { created_at: "DESC" } },
  })

  res.json({
    customer_segments: memberships.map((m) => ({
      ...m.segment,
      member_since: m.created_at,
    })),
    count: metadata?.count ?? memberships.length,
    offset: skip,
    limit: take,
  })
}
