import { z } from "@medusajs/framework/zod"
import { numberPredicate } from "../compiler/predicates"
import { raw, sql, type Sql } from "../compiler/sql"
import type { ConditionDefinition, ValuePicker } from "./definition"

type LineMatch = (ids: string[]) => Sql

// Each purchase condition matches order lines of the read model, where the
// product's category, collection, type and tag ids were recorded when the
// order was synced or imported.
const byColumn =
  (column: string): LineMatch =>
  (ids) =>
    sql`${raw(`l.${column}`)} = ANY(${ids}::text[])`
const byArray =
  (column: string): LineMatch =>
  (ids) =>
    sql`${raw(`l.${column}`)} && ${ids}::text[]`

const purchase = (
  type: string,
  label: string,
  picker: ValuePicker,
  match: LineMatch
): ConditionDefinition => ({
  type,
  label,
  category: "purchases",
  reads: "orders",
  field: `orders.items.${picker}`,
  kind: "purchase",
  unit: "orders",
  window: true,
  picker,
  extra: { min_times: z.number().int().min(1).max(100000).optional() },
  // "Bought at least N times" counts orders that contain the item; "never
  // bought" is its complement, so customers without any order match it.
  compile: (c, { ctes }) => {
    const times = ctes.purchases(match(c.value as string[]), c.window)
    const min = c.min_times ?? 1
    return numberPredicate(times, c.operator === "bought" ? "gte" : "lt", min)
  },
})

export const PURCHASE_CONDITIONS: ConditionDefinition[] = [
  purchase(
    "purchased_product",
    "Bought product",
    "product",
    byColumn("product_id")
  ),
  purchase(
    "purchased_variant",
    "Bought variant",
    "variant",
    byColumn("variant_id")
  ),
  purchase(
    "purchased_category",
    "Bought from category",
    "category",
    byArray("category_ids")
  ),
  purchase(
    "purchased_collection",
    "Bought from collection",
    "collection",
    byColumn("collection_id")
  ),
  purchase(
    "purchased_type",
    "Bought product type",
    "type",
    byColumn("type_id")
  ),
  purchase("purchased_tag", "Bought product tag", "tag", byArray("tag_ids")),
]
