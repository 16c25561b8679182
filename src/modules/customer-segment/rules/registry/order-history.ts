import { datePredicate, numberPredicate } from "../compiler/predicates"
import { sql } from "../compiler/sql"
import type { DateOperator, NumberOperator } from "../operators"
import type { ConditionDefinition } from "./definition"

/*
 * Order aggregates read the plugin's order-history read model, where only
 * the statuses configured in `orderStatuses` count (never canceled orders)
 * and `net_total` is the order total less what was refunded. Customers
 * without a counted order have an order count and spend of 0, and no
 * average, first or last order date: comparisons on those never hold.
 */
export const ORDER_HISTORY_CONDITIONS: ConditionDefinition[] = [
  {
    type: "order_count",
    label: "Number of orders",
    category: "order_history",
    reads: "orders",
    field: "orders.count",
    kind: "number",
    unit: "orders",
    window: true,
    currency: "optional",
    compile: (c, { ctes }) =>
      numberPredicate(
        sql`coalesce(${ctes.aggregate("order_count", c.window, c.currency)}, 0)`,
        c.operator as NumberOperator,
        c.value
      ),
  },
  {
    type: "total_spent",
    label: "Total spent",
    category: "order_history",
    reads: "orders",
    field: "orders.net_total",
    kind: "money",
    unit: "currency",
    window: true,
    currency: "required",
    compile: (c, { ctes }) =>
      numberPredicate(
        sql`coalesce(${ctes.aggregate("total_spent", c.window, c.currency)}, 0)`,
        c.operator as NumberOperator,
        c.value
      ),
  },
  {
    type: "average_order_value",
    label: "Average order value",
    category: "order_history",
    reads: "orders",
    field: "orders.net_total",
    kind: "money",
    unit: "currency",
    window: true,
    currency: "required",
    compile: (c, { ctes }) =>
      numberPredicate(
        ctes.aggregate("average_order_value", c.window, c.currency),
        c.operator as NumberOperator,
        c.value
      ),
  },
  {
    type: "first_order_date",
    label: "First order date",
    category: "order_history",
    reads: "orders",
    field: "orders.placed_at",
    kind: "date",
    compile: (c, { ctes, clock }) =>
      datePredicate(
        ctes.aggregate("first_order_at"),
        c.operator as DateOperator,
        c.value,
        clock,
        "instant"
      ),
  },
  {
    type: "last_order_date",
    label: "Last order date",
    category: "order_history",
    reads: "orders",
    field: "orders.placed_at",
    kind: "date",
    compile: (c, { ctes, clock }) =>
      datePredicate(
        ctes.aggregate("last_order_at"),
        c.operator as DateOperator,
        c.value,
        clock,
        "instant"
      ),
  },
  {
    type: "days_since_last_order",
    label: "Days since last order",
    category: "order_history",
    reads: "orders",
    field: "orders.placed_at",
    kind: "number",
    unit: "days",
    // Whole calendar days in the store's timezone: an order placed late
    // yesterday is 1 day ago this morning.
    compile: (c, { ctes, clock }) =>
      numberPredicate(
        sql`(${clock.todayDay()}::date - (${ctes.aggregate("last_order_at")} AT TIME ZONE ${clock.timezone}::text)::date)`,
        c.operator as NumberOperator,
        c.value
      ),
  },
]
