"use strict"

// Generates a store's order history in SQL, with generate_series, so a
// million orders load in well under a minute and never pass through Node.
// Every value comes from hashint8extended(row number, salt): the same size
// always produces the same rows, relative to the day the bench runs (rules
// use windows such as "the last 2 years", so dates must follow the clock).

const READ_MODEL_TABLES = [
  "customer_segment_order",
  "customer_segment_order_line",
]

/** A non-negative pseudo-random bigint for row `expr`, one stream per salt. */
const h = (expr, salt) =>
  `(hashint8extended((${expr})::bigint, ${salt}) & 9223372036854775807)`

/** A pseudo-random number in [0, 1) for row `expr`. */
const u = (expr, salt) => `(${h(expr, salt)} % 1000000 / 1000000.0)`

const customerId = (expr) => `'cus_bench_' || lpad((${expr})::text, 7, '0')`

// Four domains, so "email ends with @acme.io" selects about a quarter.
const email = (expr) =>
  `'user' || (${expr}) || '@' || (ARRAY['example.com', 'acme.io', 'shop.test', 'mail.dev'])[1 + ${h(expr, 1)} % 4]`

// Relative to the start of today (UTC), so two runs on one day are equal.
const ANCHOR = "date_trunc('day', now(), 'UTC')"
const FIVE_YEARS_S = 5 * 365 * 86400

function customersStatement(customers) {
  return `INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at, deleted_at)
SELECT ${customerId("i")}, ${email("i")}, 'First' || i, 'Last' || i,
  -- 20% guests, 3% soft-deleted
  ${h("i", 2)} % 100 >= 20,
  ${ANCHOR} - make_interval(secs => ${h("i", 3)} % ${6 * 365 * 86400}),
  ${ANCHOR},
  CASE WHEN ${h("i", 4)} % 100 < 3 THEN ${ANCHOR} - interval '10 days' END
FROM generate_series(0, ${customers - 1}) AS i`
}

// Orders go to the first 90% of customers: 30% of them to the first tenth
// of those (regulars, about 40 orders each), the rest spread evenly (about
// 8 each). The last 10% of customers never ordered, which matters to
// "never bought".
function ordersStatement(orders, customers) {
  const buyers = Math.floor(customers * 0.9)
  return `INSERT INTO customer_segment_order (id, customer_id, email, placed_at, currency_code, total, refunded_total, net_total, status, source, synced_at)
SELECT 'order_bench_' || lpad(j::text, 8, '0'), ${customerId("x.cust")}, ${email("x.cust")},
  x.placed_at, x.currency_code, x.total, x.refunded, x.total - x.refunded,
  x.status, 'medusa', ${ANCHOR}
FROM generate_series(0, ${orders - 1}) AS j
CROSS JOIN LATERAL (
  SELECT CASE WHEN ${u("j", 16)} < 0.3
      THEN floor(${Math.floor(buyers / 10)} * ${u("j", 10)})
      ELSE floor(${buyers} * ${u("j", 10)}) END::int AS cust,
    ${ANCHOR} - make_interval(secs => ${h("j", 11)} % ${FIVE_YEARS_S}) AS placed_at,
    CASE WHEN ${h("j", 12)} % 100 < 75 THEN 'usd' ELSE 'eur' END AS currency_code,
    round(10 + ${h("j", 13)} % 49000 / 100.0, 2) AS total,
    CASE WHEN ${h("j", 14)} % 100 < 5 THEN 'canceled'
      WHEN ${h("j", 14)} % 100 < 10 THEN 'pending'
      WHEN ${h("j", 14)} % 100 < 12 THEN 'requires_action'
      WHEN ${h("j", 14)} % 100 < 20 THEN 'archived'
      ELSE 'completed' END AS status,
    ${h("j", 15)} % 100 AS refund_roll
) AS t0
CROSS JOIN LATERAL (
  SELECT t0.*,
    -- 6% refunded in full, 6% refunded by 30%
    CASE WHEN t0.refund_roll < 6 THEN t0.total
      WHEN t0.refund_roll < 12 THEN round(t0.total * 0.3, 2)
      ELSE 0 END AS refunded
) AS x`
}

// 1-4 lines per order. Products are skewed by u^2 (prod_0 is the best
// seller); each belongs to one or two of 47 categories.
function linesStatement() {
  const orderNo = "substr(o.id, 13)::bigint"
  return `INSERT INTO customer_segment_order_line (id, order_id, customer_id, placed_at, status, currency_code, product_id, variant_id, product_title, category_ids, collection_id, type_id, tag_ids, quantity, amount)
SELECT o.id || ':' || (k - 1), o.id, o.customer_id, o.placed_at, o.status, o.currency_code,
  'prod_' || p.p, 'variant_' || p.p || '_' || ${h(`${orderNo} * 4 + k`, 21)} % 3,
  'Product ' || p.p,
  CASE WHEN p.p % 3 = 0 THEN ARRAY['pcat_' || p.p % 40]
    ELSE ARRAY['pcat_' || p.p % 40, 'pcat_' || 40 + p.p % 7] END,
  'pcol_' || p.p % 10, 'ptyp_' || p.p % 5, ARRAY['ptag_' || p.p % 20],
  1 + ${h(`${orderNo} * 4 + k`, 22)} % 3,
  round(o.total / n.lines, 2)
FROM customer_segment_order o
CROSS JOIN LATERAL (SELECT 1 + ${h(orderNo, 20)} % 4 AS lines) AS n
CROSS JOIN LATERAL generate_series(1, n.lines) AS k
CROSS JOIN LATERAL (
  SELECT floor(2000 * power(${u(`${orderNo} * 4 + k`, 23)}, 2))::int AS p
) AS p`
}

/**
 * Loads `orders` orders (and orders / 10 customers) into an empty, migrated
 * database through `client` (node-postgres), then analyzes. Returns timings.
 */
async function generate(client, orders) {
  const customers = Math.max(1, Math.floor(orders / 10))
  const started = Date.now()

  // Building the read model's indexes once after the load is several times
  // faster than maintaining them row by row (GIN especially). The definitions
  // are read back from the catalog, so they stay exactly what the migrations
  // created.
  const { rows: indexes } = await client.query(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1::text[])
       AND indexname NOT LIKE '%\\_pkey'`,
    [READ_MODEL_TABLES]
  )
  await client.query("SET maintenance_work_mem = '1GB'")
  await client.query("SET synchronous_commit = off")
  for (const { indexname } of indexes) {
    await client.query(`DROP INDEX "${indexname}"`)
  }

  await client.query(customersStatement(customers))
  await client.query(ordersStatement(orders, customers))
  // The lines' foreign key to their order holds by construction; replica
  // mode skips its per-row trigger, which would double the load time.
  await client.query("SET session_replication_role = replica")
  await client.query(linesStatement())
  await client.query("SET session_replication_role = DEFAULT")
  const loadedAt = Date.now()

  for (const { indexdef } of indexes) {
    await client.query(indexdef)
  }
  const indexedAt = Date.now()

  // A live store's autovacuum would have set the visibility map and the
  // statistics; VACUUM does both, so the plans are those of a steady state.
  await client.query("VACUUM (ANALYZE) customer")
  for (const table of READ_MODEL_TABLES) {
    await client.query(`VACUUM (ANALYZE) ${table}`)
  }
  await client.query("RESET maintenance_work_mem")
  await client.query("RESET synchronous_commit")

  const {
    rows: [counts],
  } = await client.query(
    `SELECT (SELECT count(*)::int FROM customer) AS customers,
       (SELECT count(*)::int FROM customer_segment_order) AS orders,
       (SELECT count(*)::int FROM customer_segment_order_line) AS lines`
  )
  return {
    ...counts,
    load_s: (loadedAt - started) / 1000,
    index_s: (indexedAt - loadedAt) / 1000,
    analyze_s: (Date.now() - indexedAt) / 1000,
  }
}

module.exports = { generate }
