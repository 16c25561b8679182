import { z } from "@medusajs/framework/zod"
import { booleanPredicate, numberPredicate } from "../compiler/predicates"
import { sql } from "../compiler/sql"
import type { ConditionDefinition } from "./definition"

/*
 * Browsing and wishlist conditions read what the plugin's store routes
 * record for logged-in customers (`/store/customers/me/activity` and
 * `/store/customers/me/wishlist`); Medusa itself records neither.
 */

const viewed = (
  type: string,
  label: string,
  kind: "product_view" | "category_view",
  column: "product_id" | "category_id"
): ConditionDefinition => ({
  type,
  label,
  category: "browsing",
  reads: "browsing",
  field: `activity.${column}`,
  kind: "view",
  unit: "views",
  window: true,
  picker: column === "product_id" ? "product" : "category",
  extra: { min_times: z.number().int().min(1).max(100000).optional() },
  compile: (c, { ctes }) => {
    const match = sql`${column === "product_id" ? sql`a.product_id` : sql`a.category_id`} = ANY(${c.value}::text[])`
    const times = ctes.views(kind, match, c.window)
    const min = c.min_times ?? 1
    return numberPredicate(times, c.operator === "viewed" ? "gte" : "lt", min)
  },
})

export const BROWSING_CONDITIONS: ConditionDefinition[] = [
  viewed("viewed_product", "Viewed product", "product_view", "product_id"),
  viewed("viewed_category", "Viewed category", "category_view", "category_id"),
  {
    type: "has_wishlist_items",
    label: "Has items on the wishlist",
    category: "browsing",
    reads: "browsing",
    field: "wishlist",
    kind: "boolean",
    compile: (c) =>
      booleanPredicate(
        sql`EXISTS (SELECT 1 FROM customer_segment_wishlist_item w WHERE w.customer_id = c.id)`,
        c.value
      ),
  },
  {
    type: "wishlisted_product",
    label: "Wishlisted product",
    category: "browsing",
    reads: "browsing",
    field: "wishlist.product_id",
    kind: "id_list",
    picker: "product",
    compile: (c) => {
      const found = sql`EXISTS (SELECT 1 FROM customer_segment_wishlist_item w WHERE w.customer_id = c.id AND w.product_id = ANY(${c.value}::text[]))`
      return c.operator === "in" ? found : sql`NOT ${found}`
    },
  },
]
