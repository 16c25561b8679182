import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderHistoryInput } from "../../../modules/customer-segment/types"

const ORDER_FIELDS = [
  "id",
  "customer_id",
  "email",
  "status",
  "currency_code",
  "created_at",
  "total",
  "summary.*",
  "items.product_id",
  "items.variant_id",
  "items.product_title",
  "items.title",
  "items.quantity",
  "items.total",
  "items.product.collection_id",
  "items.product.type_id",
  "items.product.categories.id",
  "items.product.tags.id",
]

const PAGE_SIZE = 500

export type QueriedOrder = {
  id: string
  customer_id: string | null
  email: string | null
  status: string
  currency_code: string
  created_at: Date | string
  total: unknown
  summary?: { refunded_total?: unknown } | null
  items?: QueriedItem[] | null
}

type QueriedItem = {
  product_id: string | null
  variant_id: string | null
  product_title: string | null
  title: string | null
  quantity: unknown
  total: unknown
  product?: {
    collection_id: string | null
    type_id: string | null
    categories?: { id: string }[] | null
    tags?: { id: string }[] | null
  } | null
}

/**
 * Orders page by page, in id order, through Medusa's Query API (so totals
 * are Medusa's own, refunds included). Pages are found by id rather than
 * offset, so a backfill of a million orders never re-skips what it read.
 */
export async function* orderPages(
  container: MedusaContainer,
  ids?: string[]
): AsyncGenerator<QueriedOrder[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let after: string | null = null
  for (;;) {
    const filters: Record<string, unknown> = ids ? { id: ids } : {}
    if (after) {
      filters.id = ids ? { $in: ids, $gt: after } : { $gt: after }
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters,
      pagination: { take: PAGE_SIZE, order: { id: "ASC" } },
    })
    const page = data as unknown as QueriedOrder[]
    if (page.length) {
      yield page
      after = page[page.length - 1].id
    }
    if (page.length < PAGE_SIZE) {
      return
    }
  }
}

/** An order as a row of the read model. */
export function toHistory(order: QueriedOrder): OrderHistoryInput {
  return {
    id: order.id,
    customer_id: order.customer_id as string,
    email: order.email,
    placed_at: order.created_at,
    currency_code: order.currency_code,
    total: toNumber(order.total),
    refunded_total: toNumber(order.summary?.refunded_total),
    // Medusa 2.21 records a refund as a credit line on the order
    // (core-flows refund-payment.ts), so `total` is already net of refunds
    // and of received returns: subtracting `refunded_total` again would count
    // a refund twice.
    net_total: toNumber(order.total),
    status: order.status,
    source: "medusa",
    lines: (order.items ?? []).map((item) => ({
      product_id: item.product_id,
      variant_id: item.variant_id,
      product_title: item.product_title ?? item.title,
      category_ids: (item.product?.categories ?? []).map((c) => c.id),
      collection_id: item.product?.collection_id ?? null,
      type_id: item.product?.type_id ?? null,
      tag_ids: (item.product?.tags ?? []).map((t) => t.id),
      quantity: toNumber(item.quantity),
      amount: toNumber(item.total),
    })),
  }
}

// Query returns Medusa's BigNumber totals as numbers or as { value } objects
// depending on the field; both read the same here.
function toNumber(value: unknown): number {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "object" && "value" in (value as object)) {
    return Number((value as { value: unknown }).value)
  }
  return Number(value)
}
