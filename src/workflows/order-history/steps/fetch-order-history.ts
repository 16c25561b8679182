import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderHistoryInput } from "../../../modules/customer-segment/types"

export const fetchOrderHistoryStepId = "fetch-order-history"

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

const PAGE_SIZE = 200

type QueriedOrder = {
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

export type FetchOrderHistoryStepInput = {
  /** Orders to read; all orders, page by page, when left out. */
  order_ids?: string[]
}

/**
 * Reads orders through Medusa's Query API (so totals are Medusa's own,
 * refunds included) and shapes them for the read model. Orders that no
 * longer exist are returned as `missing` so they can be removed.
 */
export const fetchOrderHistoryStep = createStep(
  fetchOrderHistoryStepId,
  async (input: FetchOrderHistoryStepInput, { container }) => {
    const orders: OrderHistoryInput[] = []
    const seen = new Set<string>()

    for await (const page of pages(container, input.order_ids)) {
      for (const order of page) {
        seen.add(order.id)
        if (order.customer_id) {
          orders.push(toHistory(order))
        }
      }
    }

    const missing = (input.order_ids ?? []).filter((id) => !seen.has(id))
    return new StepResponse({ orders, missing })
  }
)

async function* pages(container: MedusaContainer, ids?: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: ids ? { id: ids } : {},
      pagination: { skip, take: PAGE_SIZE, order: { id: "ASC" } },
    })
    yield data as unknown as QueriedOrder[]
    if (data.length < PAGE_SIZE) {
      return
    }
  }
}

function toHistory(order: QueriedOrder): OrderHistoryInput {
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
