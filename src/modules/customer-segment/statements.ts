import { raw, sql, type Sql } from "./rules/compiler/sql"
import type { OrderHistoryInput } from "./types"

// Membership ids are made in SQL so that applying a difference of a million
// rows never round-trips through Node.
const NEW_MEMBERSHIP_ID =
  "'csegm_' || replace(gen_random_uuid()::text, '-', '')"

export type MembershipDiff = {
  added: number
  removed: number
  total: number
  added_ids: string[]
  removed_ids: string[]
}

/**
 * One statement that computes the members, deletes those who left, inserts
 * those who joined and returns what changed. All parts see the same
 * snapshot, and the unique index on (segment_id, customer_id) makes a
 * duplicate impossible even if two refreshes raced past the lock.
 *
 * The difference is a FULL JOIN of the computed members with the current
 * ones: Postgres can only run that as a hash or merge join. An anti-join
 * (`NOT EXISTS`) here was planned as a nested loop whenever the statistics
 * of the membership table lagged behind a big refresh, which made a refresh
 * with nothing to change quadratic (47 s at 25k members, bench/results.md).
 *
 * With `customerIds` (a real-time re-evaluation) only those customers'
 * memberships are touched; `total` is still the whole segment's.
 */
export function applyMembershipDiff(
  segmentId: string,
  target: Sql,
  customerIds?: string[]
): Sql {
  const scope = customerIds
    ? sql` AND m.customer_id = ANY(${customerIds}::text[])`
    : raw("")
  const total = customerIds
    ? sql`(SELECT count(*)::int FROM customer_segment_membership m WHERE m.segment_id = ${segmentId}::text AND m.deleted_at IS NULL) - (SELECT count(*)::int FROM removed) + (SELECT count(*)::int FROM added)`
    : raw("(SELECT count(*)::int FROM target)")

  return sql`WITH target AS MATERIALIZED (${target}),
current_members AS MATERIALIZED (
  SELECT m.id, m.customer_id FROM customer_segment_membership m
  WHERE m.segment_id = ${segmentId}::text AND m.deleted_at IS NULL${scope}
),
diff AS MATERIALIZED (
  SELECT t.id AS joining_customer_id, cm.id AS leaving_membership_id
  FROM target t FULL JOIN current_members cm ON cm.customer_id = t.id
  WHERE t.id IS NULL OR cm.id IS NULL
),
removed AS (
  DELETE FROM customer_segment_membership m
  WHERE m.id = ANY(ARRAY(SELECT leaving_membership_id FROM diff WHERE leaving_membership_id IS NOT NULL))
  RETURNING m.customer_id
),
added AS (
  INSERT INTO customer_segment_membership (id, segment_id, customer_id, created_at, updated_at)
  SELECT ${raw(NEW_MEMBERSHIP_ID)}, ${segmentId}::text, d.joining_customer_id, now(), now()
  FROM diff d WHERE d.joining_customer_id IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING customer_id
)
SELECT (SELECT count(*)::int FROM added) AS added,
  (SELECT count(*)::int FROM removed) AS removed,
  ${total} AS total,
  (SELECT coalesce(array_agg(customer_id), '{}') FROM added) AS added_ids,
  (SELECT coalesce(array_agg(customer_id), '{}') FROM removed) AS removed_ids`
}

export function previewStatement(
  target: Sql,
  limit: number,
  segmentId?: string
): Sql {
  const diff = segmentId
    ? sql`(SELECT count(*)::int FROM target t WHERE NOT EXISTS (SELECT 1 FROM customer_segment_membership m WHERE m.segment_id = ${segmentId}::text AND m.customer_id = t.id AND m.deleted_at IS NULL)) AS added,
  (SELECT count(*)::int FROM customer_segment_membership m WHERE m.segment_id = ${segmentId}::text AND m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM target t WHERE t.id = m.customer_id)) AS removed`
    : sql`NULL::int AS added, NULL::int AS removed`
  return sql`WITH target AS (${target})
SELECT (SELECT count(*)::int FROM target) AS count,
  (SELECT coalesce(array_agg(id), '{}') FROM (SELECT id FROM target ORDER BY id LIMIT ${limit}::int) s) AS sample,
  ${diff}`
}

/**
 * Replaces orders and their lines in the read model. Rows travel as one
 * JSON parameter per table, so a batch is three statements whatever its size.
 */
export function upsertOrderHistoryStatements(
  orders: OrderHistoryInput[]
): Sql[] {
  const ids = orders.map((o) => o.id)
  const orderRows = orders.map((o) => {
    const total = Number(o.total)
    const refunded = Number(o.refunded_total ?? 0)
    return {
      id: o.id,
      customer_id: o.customer_id,
      email: o.email ?? null,
      placed_at: new Date(o.placed_at).toISOString(),
      currency_code: o.currency_code.toLowerCase(),
      total,
      refunded_total: refunded,
      net_total:
        o.net_total === undefined ? total - refunded : Number(o.net_total),
      status: o.status,
      source: o.source,
    }
  })
  const lineRows = orders.flatMap((o) =>
    o.lines.map((l, i) => ({
      id: `${o.id}:${i}`,
      order_id: o.id,
      customer_id: o.customer_id,
      placed_at: new Date(o.placed_at).toISOString(),
      status: o.status,
      currency_code: o.currency_code.toLowerCase(),
      product_id: l.product_id ?? null,
      variant_id: l.variant_id ?? null,
      product_title: l.product_title ?? null,
      category_ids: l.category_ids ?? [],
      collection_id: l.collection_id ?? null,
      type_id: l.type_id ?? null,
      tag_ids: l.tag_ids ?? [],
      quantity: l.quantity,
      amount: Number(l.amount),
    }))
  )

  return [
    // Two syncs of one order (an event and its redelivery) would otherwise
    // both delete nothing and both insert its lines. Taken in id order, so
    // overlapping batches never deadlock; released at commit.
    sql`SELECT pg_advisory_xact_lock(hashtextextended(s.id, 1)) FROM (SELECT id FROM unnest(${ids}::text[]) AS id ORDER BY id) s`,
    sql`DELETE FROM customer_segment_order_line WHERE order_id = ANY(${ids}::text[])`,
    sql`INSERT INTO customer_segment_order (id, customer_id, email, placed_at, currency_code, total, refunded_total, net_total, status, source, synced_at)
SELECT x.id, x.customer_id, x.email, x.placed_at, x.currency_code, x.total, x.refunded_total, x.net_total, x.status, x.source, now()
FROM jsonb_to_recordset(${JSON.stringify(orderRows)}::jsonb) AS x(id text, customer_id text, email text, placed_at timestamptz, currency_code text, total numeric, refunded_total numeric, net_total numeric, status text, source text)
ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, email = excluded.email, placed_at = excluded.placed_at, currency_code = excluded.currency_code, total = excluded.total, refunded_total = excluded.refunded_total, net_total = excluded.net_total, status = excluded.status, source = excluded.source, synced_at = excluded.synced_at`,
    sql`INSERT INTO customer_segment_order_line (id, order_id, customer_id, placed_at, status, currency_code, product_id, variant_id, product_title, category_ids, collection_id, type_id, tag_ids, quantity, amount)
SELECT x.id, x.order_id, x.customer_id, x.placed_at, x.status, x.currency_code, x.product_id, x.variant_id, x.product_title, x.category_ids, x.collection_id, x.type_id, x.tag_ids, x.quantity, x.amount
FROM jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) AS x(id text, order_id text, customer_id text, placed_at timestamptz, status text, currency_code text, product_id text, variant_id text, product_title text, category_ids text[], collection_id text, type_id text, tag_ids text[], quantity int, amount numeric)`,
  ]
}

/** Orders with their lines, as `OrderHistoryInput` rows. */
export function snapshotStatement(orderIds: string[]): Sql {
  return sql`SELECT o.id, o.customer_id, o.email, o.placed_at, o.currency_code,
  o.total, o.refunded_total, o.net_total, o.status, o.source,
  coalesce((SELECT json_agg(json_build_object(
      'product_id', l.product_id, 'variant_id', l.variant_id,
      'product_title', l.product_title, 'category_ids', l.category_ids,
      'collection_id', l.collection_id, 'type_id', l.type_id,
      'tag_ids', l.tag_ids, 'quantity', l.quantity, 'amount', l.amount
    ) ORDER BY l.id) FROM customer_segment_order_line l WHERE l.order_id = o.id), '[]') AS lines
FROM customer_segment_order o WHERE o.id = ANY(${orderIds}::text[])`
}
