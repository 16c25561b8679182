import type { Audience } from "../constants"
import { raw, sql, Sql } from "../rules/compiler/sql"

/**
 * The only place that names tables this plugin does not own: the customer
 * module's `customer`, `customer_address` and `customer_group_customer`.
 * Segment rules read them in place, inside the same statement as the
 * plugin's own tables, so a refresh is one set-based query. The tests in
 * `__tests__/medusa-tables.spec.ts` run against Medusa's real migrations and
 * fail if a column used here is renamed.
 *
 * The customer module must share the database with this module, as it does
 * in every default Medusa setup.
 */

/** Alias of the customer row every compiled predicate is evaluated against. */
export const CUSTOMER_ID = raw("c.id")

export const CUSTOMER_COLUMNS = {
  email: raw("c.email"),
  first_name: raw("c.first_name"),
  last_name: raw("c.last_name"),
  phone: raw("c.phone"),
  company_name: raw("c.company_name"),
  has_account: raw("c.has_account"),
  created_at: raw("c.created_at"),
  metadata: raw("c.metadata"),
} as const

export const ADDRESS_COLUMNS = {
  country_code: raw("a.country_code"),
  province: raw("a.province"),
  city: raw("a.city"),
  postal_code: raw("a.postal_code"),
} as const

export type AddressColumn = keyof typeof ADDRESS_COLUMNS

/**
 * `FROM` clause naming the customer row as `c`; soft-deleted ones excluded.
 * With `customerIds`, only those customers are considered.
 */
export function customersFrom(
  joins: Sql,
  audience: Audience,
  customerIds?: string[]
): Sql {
  const scope = customerIds
    ? sql` AND c.id = ANY(${customerIds}::text[])`
    : raw("")
  return sql`FROM customer c ${joins} WHERE c.deleted_at IS NULL AND ${audiencePredicate(audience)}${scope}`
}

function audiencePredicate(audience: Audience): Sql {
  switch (audience) {
    case "registered":
      return raw("c.has_account = true")
    case "guests":
      return raw("c.has_account = false")
    case "all":
      return raw("true")
  }
}

/** Whether one of the customer's live addresses satisfies `predicate` on `a`. */
export function hasAddressWhere(predicate: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM customer_address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND ${predicate})`
}

/** Whether the customer belongs to any of the given customer groups. */
export function inAnyGroup(groupIds: string[]): Sql {
  return sql`EXISTS (SELECT 1 FROM customer_group_customer g WHERE g.customer_id = c.id AND g.deleted_at IS NULL AND g.customer_group_id = ANY(${groupIds}::text[]))`
}

/** Live customers among `ids`, for checks such as "does this customer exist". */
export function liveCustomerIds(ids: string[]): Sql {
  return sql`SELECT c.id FROM customer c WHERE c.deleted_at IS NULL AND c.id = ANY(${ids}::text[])`
}

/**
 * Live customers whose `metadata.external_id` is one of `externalIds`, the
 * way an order import recognises customers it created before. The customer
 * module cannot filter on a metadata key, and listing every customer to
 * filter in Node would not scale. Unindexed: a sequential scan of
 * `customer`, once per import.
 */
export function customersByExternalId(externalIds: string[]): Sql {
  return sql`SELECT c.id, c.email, c.has_account, c.metadata->>'external_id' AS external_id FROM customer c WHERE c.deleted_at IS NULL AND c.metadata->>'external_id' = ANY(${externalIds}::text[])`
}
