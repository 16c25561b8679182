import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

export async function refetchCustomerSegment(
  id: string,
  scope: MedusaContainer,
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [segment],
  } = await query.graph({
    entity: "customer_segment",
    fields,
    filters: { id },
  })
  if (!segment) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer segment with id: ${id} was not found`
    )
  }
  return segment
}

/** Customers by id, in the order of `ids`; ids of deleted customers drop out. */
export async function fetchCustomersInOrder(
  ids: string[],
  scope: MedusaContainer,
  fields: string[]
) {
  if (!ids.length) {
    return []
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: fields.includes("id") ? fields : ["id", ...fields],
    filters: { id: ids },
  })
  const byId = new Map(data.map((customer) => [customer.id, customer]))
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}

/** `q` as a case-insensitive substring match, with LIKE wildcards escaped. */
export function containsFilter(q: string) {
  return { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
}
