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

/**
 * Collects the per-customer aggregates a rule needs and renders them as CTEs
 * left-joined to the customer row, so every aggregate is computed once, by
 * one scan of the read model, however many conditions use it. Conditions
 * with the same window and currency share a CTE.
 */
export class CteCollector {
  private readonly ctes: { alias: string; body: Sql }[] = []
  private readonly aggregateAliases = new Map<string, string>()

  constructor(
    private readonly clock: EvaluationClock,
    private readonly orderStatuses: string[],
    private readonly customerIds?: string[]
  ) {}

  /** The expression of an order aggregate; null when the customer has none. */
  aggregate(column: AggregateColumn, window?: Window, currency?: string): Sql {
    const key = JSON.stringify([window ?? null, currency ?? null])
    let alias = this.aggregateAliases.get(key)
    if (!alias) {
      alias = `agg_${this.aggregateAliases.size}`
      this.aggregateAliases.set(key, alias)
      const filters = [
        sql`o.status = ANY(${this.orderStatuses}::text[])`,
        ...this.windowFilters(raw("o.placed_at"), window),
        ...this.scope(raw("o.customer_id")),
      ]
      if (currency) {
        filters.push(sql`o.currency_code = ${currency.toLowerCase()}::text`)
      }
      this.ctes.push({
        alias,
        body: sql`SELECT o.customer_id, count(*)::int AS order_count, sum(o.net_total) AS total_spent, avg(o.net_total) AS average_order_value, min(o.placed_at) AS first_order_at, max(o.placed_at) AS last_order_at FROM customer_segment_order o WHERE ${join(filters, " AND ")} GROUP BY o.customer_id`,
      })
    }
    return raw(`${alias}.${column}`)
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

  /** `WITH ...` clause, or nothing when the rule needs no aggregate. */
  renderWith(): Sql {
    if (!this.ctes.length) {
      return raw("")
    }
    const parts = this.ctes.map(
      ({ alias, body }) => sql`${raw(alias)} AS (${body})`
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
