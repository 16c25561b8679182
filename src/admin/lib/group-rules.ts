import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** The cart-context path promotions and price lists gate customer groups on. */
export const GROUP_ATTRIBUTE = "customer.groups.id"

export type GroupOperator = "in" | "not_in"

/** One customer group a promotion or price list rule names. */
export type GroupTarget = { group_id: string; operator: GroupOperator }

export type PromotionRule = {
  attribute: string
  operator: string
  values?: { value: string }[] | null
}

export type RuledPromotion = {
  id: string
  code: string | null
  rules?: PromotionRule[] | null
}

export type RuledPriceList = {
  id: string
  title: string
  rules?: Record<string, unknown> | null
}

/** The groups a promotion's rules name; `ne` is the only excluding one. */
export const promotionTargets = (promotion: RuledPromotion): GroupTarget[] =>
  (promotion.rules ?? [])
    .filter((rule) => rule.attribute === GROUP_ATTRIBUTE)
    .flatMap((rule) =>
      (rule.values ?? []).map((v) => ({
        group_id: v.value,
        operator: (rule.operator === "ne" ? "not_in" : "in") as GroupOperator,
      }))
    )

/** Price list rules only include: `{ "customer.groups.id": [ids] }`. */
export const priceListTargets = (priceList: RuledPriceList): GroupTarget[] => {
  const value = priceList.rules?.[GROUP_ATTRIBUTE]
  const ids = Array.isArray(value) ? value : value ? [value] : []
  return ids
    .filter((id): id is string => typeof id === "string")
    .map((group_id) => ({ group_id, operator: "in" }))
}

/** How many rows the delete dialog reads of each list. */
export const SCAN_LIMIT = 100

export type GroupUsage = {
  /** Codes or titles of those that name the group, among the scanned ones. */
  names: string[]
  /** Rows past the scan, left unchecked. */
  unchecked: number
}

/** Promotions among the first SCAN_LIMIT whose rules name `groupId`. */
export const fetchPromotionsUsing = async (
  groupId: string
): Promise<GroupUsage> => {
  const { promotions, count } = await sdk.client.fetch<{
    promotions: RuledPromotion[]
    count: number
  }>("/admin/promotions", {
    query: { fields: "id,code,*rules,*rules.values", limit: SCAN_LIMIT },
  })
  return {
    names: promotions
      .filter((p) => promotionTargets(p).some((t) => t.group_id === groupId))
      .map((p) => p.code ?? p.id),
    unchecked: Math.max(0, count - promotions.length),
  }
}

/** Price lists among the first SCAN_LIMIT whose rules name `groupId`. */
export const fetchPriceListsUsing = async (
  groupId: string
): Promise<GroupUsage> => {
  const { price_lists, count } = await sdk.client.fetch<{
    price_lists: RuledPriceList[]
    count: number
  }>("/admin/price-lists", { query: { limit: SCAN_LIMIT } })
  return {
    names: price_lists
      .filter((p) => priceListTargets(p).some((t) => t.group_id === groupId))
      .map((p) => p.title),
    unchecked: Math.max(0, count - price_lists.length),
  }
}

/*
 * The widgets read the rules themselves rather than from the page's data,
 * keyed on `updated_at` so an edit of the rules on the page refetches them.
 */
export const usePromotionTargets = (id: string, updatedAt?: string | Date) =>
  useQuery({
    queryKey: ["customer-segments", "promotion-rules", id, updatedAt],
    queryFn: async () => {
      const { promotion } = await sdk.client.fetch<{
        promotion: RuledPromotion
      }>(`/admin/promotions/${id}`, {
        query: { fields: "id,code,*rules,*rules.values" },
      })
      return promotionTargets(promotion)
    },
  })

export const usePriceListTargets = (id: string, updatedAt?: string | Date) =>
  useQuery({
    queryKey: ["customer-segments", "price-list-rules", id, updatedAt],
    queryFn: async () => {
      const { price_list } = await sdk.client.fetch<{
        price_list: RuledPriceList
      }>(`/admin/price-lists/${id}`)
      return priceListTargets(price_list)
    },
  })
