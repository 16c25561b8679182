import { CUSTOMER_COLUMNS, joinLiveCustomer } from "../adapter/medusa-tables"
import { raw, sql, type Sql } from "../rules/compiler/sql"

const c = CUSTOMER_COLUMNS

/**
 * One batch of a segment's live members after `afterCustomerId`, in
 * customer id order, with their customer fields and order-history stats.
 * Keyset pagination walks the (segment_id, customer_id) unique index, so
 * every batch costs the same however deep into the segment it is, and no
 * connection or cursor is held between batches.
 *
 * Orders count when their status is one of `statuses` (the plugin's
 * `orderStatuses`); `total_spent` maps each currency to the net spend in it.
 */
export function memberBatchStatement(input: {
  segmentId: string
  statuses: string[]
  afterCustomerId: string
  limit: number
}): Sql {
  return sql`SELECT m.customer_id, ${c.email} AS email, ${c.first_name} AS first_name,
  ${c.last_name} AS last_name, ${c.phone} AS phone, ${c.company_name} AS company_name,
  ${c.has_account} AS has_account, m.created_at AS member_since,
  coalesce(s.orders, 0)::int AS orders, coalesce(s.total_spent, '{}') AS total_spent,
  s.last_order_at
FROM customer_segment_membership m
${joinLiveCustomer(raw("m.customer_id"))}
LEFT JOIN LATERAL (
  SELECT sum(p.orders) AS orders, jsonb_object_agg(p.currency_code, p.spent) AS total_spent, max(p.last_order_at) AS last_order_at
  FROM (
    SELECT o.currency_code, count(*) AS orders, trim_scale(sum(o.net_total)) AS spent, max(o.placed_at) AS last_order_at
    FROM customer_segment_order o
    WHERE o.customer_id = m.customer_id AND o.status = ANY(${input.statuses}::text[])
    GROUP BY o.currency_code
  ) p
) s ON true
WHERE m.segment_id = ${input.segmentId}::text AND m.deleted_at IS NULL
  AND m.customer_id > ${input.afterCustomerId}::text
ORDER BY m.customer_id
LIMIT ${input.limit}::int`
}

/**
 * The currencies the segment's members have counted orders in, so a CSV
 * can give each its own spend column before the first row is written.
 */
export function memberCurrenciesStatement(
  segmentId: string,
  statuses: string[]
): Sql {
  return sql`SELECT DISTINCT o.currency_code FROM customer_segment_order o
WHERE o.status = ANY(${statuses}::text[]) AND EXISTS (
  SELECT 1 FROM customer_segment_membership m
  WHERE m.segment_id = ${segmentId}::text AND m.customer_id = o.customer_id AND m.deleted_at IS NULL
)
ORDER BY o.currency_code`
}
