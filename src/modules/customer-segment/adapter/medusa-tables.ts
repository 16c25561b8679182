import type { Audience } from "../constants"
import { raw, sql, Sql } from "../rules/compiler/sql"

/**
 * The only place that names tables this plugin does not own: the customer
 * module's `customer`, `customer_address` and `customer_group_customer`, the
 * cart module's `cart` and `cart_line_item`, and the product module's
 * `product_category_product`.
 * Segment rules read them in place, inside the same statement as the
 * plugin's own tables, so a refresh is one set-based query. The HTTP suites
 * run against Medusa's real migrations; `rule-semantics.spec.ts` runs every
 * operator of every condition and fails if a column used here is renamed.
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
 * Joins the live customer row `c` whose id is `customerId`, for reading
 * `CUSTOMER_COLUMNS` of members; soft-deleted customers drop out.
 */
export function joinLiveCustomer(customerId: Sql): Sql {
  return sql`JOIN customer c ON c.id = ${customerId} AND c.deleted_at IS NULL`
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

// A cart is open while it is neither completed nor deleted. Only carts that
// name the customer are read, so one shopper's rule never sees another's
// cart, and a guest's carts are theirs through the guest customer record.
const OPEN_CART = raw(
  "k.deleted_at IS NULL AND k.completed_at IS NULL AND k.customer_id IS NOT NULL"
)

/**
 * Per customer, their most recently active open cart with items: its
 * currency, subtotal (quantity x unit price, before discounts, taxes and
 * shipping), number of items and last activity (the cart or a line item).
 */
export function latestOpenCarts(customerIds?: string[]): Sql {
  const scope = customerIds
    ? sql` AND k.customer_id = ANY(${customerIds}::text[])`
    : raw("")
  return sql`SELECT DISTINCT ON (k.customer_id) k.customer_id, k.id AS cart_id, k.currency_code, s.subtotal, s.item_count, greatest(k.updated_at, s.last_item_at) AS last_activity_at
FROM cart k
JOIN LATERAL (SELECT sum(i.quantity * i.unit_price) AS subtotal, sum(i.quantity)::int AS item_count, max(i.updated_at) AS last_item_at FROM cart_line_item i WHERE i.cart_id = k.id AND i.deleted_at IS NULL) s ON s.item_count > 0
WHERE ${OPEN_CART}${scope}
ORDER BY k.customer_id, greatest(k.updated_at, s.last_item_at) DESC`
}

/** Whether one of the customer's open carts holds a line matching `match` on `i`. */
export function openCartHasLineWhere(match: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM cart k JOIN cart_line_item i ON i.cart_id = k.id AND i.deleted_at IS NULL WHERE k.customer_id = c.id AND ${OPEN_CART} AND ${match})`
}

export const CART_LINE_COLUMNS = {
  product_id: raw("i.product_id"),
  variant_id: raw("i.variant_id"),
} as const

/** Line `i` is of a product in one of the categories. */
export function lineInCategories(categoryIds: string[]): Sql {
  return sql`i.product_id IN (SELECT pcp.product_id FROM product_category_product pcp WHERE pcp.product_category_id = ANY(${categoryIds}::text[]))`
}

/** Customers in a customer group, each once even if added twice by hand. */
export function groupMemberIds(groupId: string, customerIds?: string[]): Sql {
  const scope = customerIds
    ? sql` AND g.customer_id = ANY(${customerIds}::text[])`
    : raw("")
  return sql`SELECT DISTINCT g.customer_id FROM customer_group_customer g WHERE g.customer_group_id = ${groupId}::text AND g.deleted_at IS NULL${scope}`
}
