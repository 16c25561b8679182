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

  const { data: memberships, metadata } = await query.graph({
    entity: "customer_segment_membership",
    fields: ["customer_id", "created_at"],
    filters: { segment_id: req.params.id },
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
  })
}
