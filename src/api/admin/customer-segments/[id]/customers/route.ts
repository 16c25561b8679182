import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fetchCustomersInOrder, refetchCustomerSegment } from "../../helpers"

/** The segment's members, oldest membership first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip, take } = req.queryConfig.pagination

  const q = (req.filterableFields as { q?: string }).q?.trim()
  const matching = q ? await searchCustomerIds(q, req) : null

  const { data: memberships, metadata } = await query.graph({
    entity: "customer_segment_membership",
    fields: ["customer_id", "created_at"],
    filters: {
      segment_id: req.params.id,
      ...(matching && { customer_id: matching.ids }),
    },
    pagination: { skip, take, order: { created_at: "ASC", id: "ASC" } },
  })
  const since = new Map(memberships.map((m) => [m.customer_id, m.created_at]))
  const customers = await fetchCustomersInOrder(
    memberships.map((m) => m.customer_id),
    req.scope,
    req.queryConfig.fields
  )

  res.json({
    customers: customers.map((customer) => ({
      ...customer,
      member_since: since.get(customer.id),
    })),
    count: metadata?.count ?? customers.length,
    offset: skip,
    limit: take,
    ...(matching?.truncated && { search_truncated: true }),
  })
}

// Members are found among the first SEARCH_LIMIT customers matching `q`
// (the customer module's own search); the answer says when there were more,
// so the admin can ask for a narrower search.
const SEARCH_LIMIT = 1000

async function searchCustomerIds(q: string, req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { q } as Record<string, unknown>,
    pagination: { skip: 0, take: SEARCH_LIMIT },
  })
  return {
    ids: data.map((customer) => customer.id),
    truncated: (metadata?.count ?? 0) > SEARCH_LIMIT,
  }
}
