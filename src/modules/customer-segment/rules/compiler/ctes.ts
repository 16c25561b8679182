import { latestOpenCarts } from "../../adapter/medusa-tables"
import type { Window } from "../types"
import { join, raw, sql, Sql } from "./sql"
import { EvaluationClock } from "./time"

/** Columns of an order aggregate, per customer. */
export type AggregateColumn =
  | "order_count"
  | "total_spent"
  | "average_order_value"
  | "first_order_at"
  | "last_order_at"

const AGGREGATES = {
  order_count: "count(*)",
  total_spent: "sum(o.net_total)",
  average_order_value: "avg(o.net_total)",
  first_order_at: "min(o.placed_at)",
  last_order_at: "max(o.placed_at)",
} satisfies Record<AggregateColumn, string>

type Aggregate = {
  alias: string
  window?: Window
  columns: Map<
    string,
    { name: string; column: AggregateColumn; currency?: string }
  >
}

type Cte = { alias: string; body: Sql | (() => Sql) }

/**
 * Collects the per-customer aggregates a rule needs and renders them as CTEs
 * left-joined to the customer row, so every aggregate is computed once, by
 * one scan of the read model, however many conditions use it. Conditions
 * with the same window share a CTE; each currency is a filtered column of
 * it, so "orders in any currency" and "USD spent" cost one scan, not two.
 */
export class CteCollector {
  private readonly ctes: Cte[] = []
  private readonly aggregates = new Map<string, Aggregate>()
  private cartAlias: string | null = null

  constructor(
    private readonly clock: EvaluationClock,
    private readonly orderStatuses: string[],
    private readonly customerIds?: string[]
  ) {}

  /** The expression of an order aggregate; null when the customer has none. */
  aggregate(column: AggregateColumn, window?: Window, currency?: string): Sql {
    const key = JSON.stringify(window ?? null)
    let aggregate = this.aggregates.get(key)
    if (!aggregate) {
      const created: Aggregate = {
        alias: `agg_${this.aggregates.size}`,
        window,
        columns: new Map(),
      }
      aggregate = created
      this.aggregates.set(key, created)
      this.ctes.push({
        alias: created.alias,
        body: () => this.renderAggregate(created),
      })
    }

    const columnKey = `${column}|${currency?.toLowerCase() ?? ""}`
    let entry = aggregate.columns.get(columnKey)
    if (!entry) {
      entry = {
        name: `${column}_${aggregate.columns.size}`,
        column,
        currency: currency?.toLowerCase(),
      }
      aggregate.columns.set(columnKey, entry)
    }
    return raw(`${aggregate.alias}.${entry.name}`)
  }

  private renderAggregate({ window, columns }: Aggregate): Sql {
    const filters = [
      sql`o.status = ANY(${this.orderStatuses}::text[])`,
      ...this.windowFilters(raw("o.placed_at"), window),
      ...this.scope(raw("o.customer_id")),
    ]
    const selected = [...columns.values()].map(({ name, column, currency }) => {
      const only = currency
        ? sql` FILTER (WHERE o.currency_code = ${currency}::text)`
        : raw("")
      const cast = column === "order_count" ? raw("::int") : raw("")
      return sql`(${raw(AGGREGATES[column])}${only})${cast} AS ${raw(name)}`
    })
    return sql`SELECT o.customer_id, ${join(selected, ", ")} FROM customer_segment_order o WHERE ${join(filters, " AND ")} GROUP BY o.customer_id`
  }

  /**
   * How many of the customer's orders contain a line matching `match` (a
   * predicate on the line `l`); 0 for customers who never bought it.
   */
  purchases(match: Sql, window?: Window): Sql {
    const alias = `pur_${this.ctes.length}`
    const filters = [
      sql`l.status = ANY(${this.orderStatuses}::text[])`,
      match,
      ...this.windowFilters(raw("l.placed_at"), window),
      ...this.scope(raw("l.customer_id")),
    ]
    this.ctes.push({
      alias,
      body: sql`SELECT l.customer_id, count(DISTINCT l.order_id)::int AS times FROM customer_segment_order_line l WHERE ${join(filters, " AND ")} GROUP BY l.customer_id`,
    })
    return raw(`coalesce(${alias}.times, 0)`)
  }

  /**
   * A column of the customer's latest open cart (see `latestOpenCarts`);
   * null for customers without one. One CTE however many conditions use it.
   */
  cart(
    column:
      | "cart_id"
      | "currency_code"
      | "subtotal"
      | "item_count"
      | "last_activity_at"
  ): Sql {
    if (!this.cartAlias) {
      this.cartAlias = "cart_0"
      this.ctes.push({
        alias: this.cartAlias,
        body: latestOpenCarts(this.customerIds),
      })
    }
    return raw(`${this.cartAlias}.${column}`)
  }

  /**
   * How often the customer viewed something matching `match` (a predicate
   * on the activity row `a`) within `window`; 0 for never.
   */
  views(
    kind: "product_view" | "category_view",
    match: Sql,
    window?: Window
  ): Sql {
    const alias = `act_${this.ctes.length}`
    const filters = [
      sql`a.kind = ${kind}::text`,
      match,
      ...this.windowFilters(raw("a.created_at"), window),
      ...this.scope(raw("a.customer_id")),
    ]
    this.ctes.push({
      alias,
      body: sql`SELECT a.customer_id, count(*)::int AS times FROM customer_segment_activity a WHERE ${join(filters, " AND ")} GROUP BY a.customer_id`,
    })
    return raw(`coalesce(${alias}.times, 0)`)
  }

  /** `WITH ...` clause, or nothing when the rule needs no aggregate. */
  renderWith(): Sql {
    if (!this.ctes.length) {
      return raw("")
    }
    const parts = this.ctes.map(
      ({ alias, body }) =>
        sql`${raw(alias)} AS (${typeof body === "function" ? body() : body})`
    )
    return sql`WITH ${join(parts, ", ")} `
  }

  renderJoins(): Sql {
    const parts = this.ctes.map(({ alias }) =>
      raw(`LEFT JOIN ${alias} ON ${alias}.customer_id = c.id`)
    )
    return join(parts, " ")
  }

  private scope(column: Sql): Sql[] {
    return this.customerIds
      ? [sql`${column} = ANY(${this.customerIds}::text[])`]
      : []
  }

  private windowFilters(column: Sql, window?: Window): Sql[] {
    if (!window) {
      return []
    }
    if ("last" in window) {
      return [
        sql`${column} >= ${this.clock.since(window.last).toISOString()}::timestamptz`,
      ]
    }
    const filters: Sql[] = []
    if (window.from) {
      filters.push(
        sql`${column} >= ${this.clock.startOf(window.from).toISOString()}::timestamptz`
      )
    }
    if (window.to) {
      filters.push(
        sql`${column} < ${this.clock.endOf(window.to).toISOString()}::timestamptz`
      )
    }
    return filters
  }
}
