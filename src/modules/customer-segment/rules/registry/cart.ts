import {
  CART_LINE_COLUMNS,
  lineInCategories,
  openCartHasLineWhere,
} from "../../adapter/medusa-tables"
import { booleanPredicate, numberPredicate } from "../compiler/predicates"
import { sql, type Sql } from "../compiler/sql"
import type { NumberOperator } from "../operators"
import type { ConditionDefinition, ValuePicker } from "./definition"

/*
 * Cart conditions read the customer's open carts in Medusa's cart module, so
 * they are as fresh as the cart itself. Totals are the customer's latest
 * open cart's subtotal: quantity times unit price, before discounts, taxes
 * and shipping.
 */

const contains = (
  type: string,
  label: string,
  picker: ValuePicker,
  match: (ids: string[]) => Sql
): ConditionDefinition => ({
  type,
  label,
  category: "cart",
  reads: "cart",
  field: `cart.items.${picker}`,
  kind: "id_list",
  picker,
  compile: (c) => {
    const found = openCartHasLineWhere(match(c.value as string[]))
    return c.operator === "in" ? found : sql`NOT ${found}`
  },
})

export const CART_CONDITIONS: ConditionDefinition[] = [
  {
    type: "has_open_cart",
    label: "Has an open cart",
    category: "cart",
    reads: "cart",
    field: "cart.id",
    kind: "boolean",
    compile: (c, { ctes }) =>
      booleanPredicate(sql`(${ctes.cart("cart_id")} IS NOT NULL)`, c.value),
  },
  {
    type: "cart_subtotal",
    label: "Cart subtotal",
    category: "cart",
    reads: "cart",
    field: "cart.subtotal",
    kind: "money",
    unit: "currency",
    currency: "required",
    // A cart in another currency never compares with this amount.
    compile: (c, { ctes }) =>
      sql`(${ctes.cart("currency_code")} = ${(c.currency as string).toLowerCase()}::text AND ${numberPredicate(ctes.cart("subtotal"), c.operator as NumberOperator, c.value)})`,
  },
  {
    type: "cart_item_count",
    label: "Items in cart",
    category: "cart",
    reads: "cart",
    field: "cart.items.quantity",
    kind: "number",
    unit: "items",
    compile: (c, { ctes }) =>
      numberPredicate(
        sql`coalesce(${ctes.cart("item_count")}, 0)`,
        c.operator as NumberOperator,
        c.value
      ),
  },
  {
    type: "cart_idle_hours",
    label: "Hours since the cart was last changed",
    category: "cart",
    reads: "cart",
    field: "cart.updated_at",
    kind: "number",
    unit: "hours",
    // Customers without an open cart have no idle time: an "abandoned cart"
    // rule never matches them.
    compile: (c, { ctes, clock }) =>
      numberPredicate(
        sql`(extract(epoch FROM (${clock.now.toISOString()}::timestamptz - ${ctes.cart("last_activity_at")})) / 3600)`,
        c.operator as NumberOperator,
        c.value
      ),
  },
  contains(
    "cart_contains_product",
    "Cart contains product",
    "product",
    (ids) => sql`${CART_LINE_COLUMNS.product_id} = ANY(${ids}::text[])`
  ),
  contains(
    "cart_contains_variant",
    "Cart contains variant",
    "variant",
    (ids) => sql`${CART_LINE_COLUMNS.variant_id} = ANY(${ids}::text[])`
  ),
  contains(
    "cart_contains_category",
    "Cart contains product from category",
    "category",
    lineInCategories
  ),
]
