import type { OrderHistoryInput } from "../types"
import type { ImportOrder } from "./types"

/**
 * The file's orders in the shape of the read model. Imported orders count as
 * completed: a file of past orders holds what was sold, and the read model
 * has no refunds to subtract from it.
 */
export function toOrderHistory(
  orders: ImportOrder[],
  customerIds: Record<string, string>,
  categoryIds: Record<string, string[]>
): OrderHistoryInput[] {
  return orders.map((order) => ({
    id: order.id,
    customer_id: customerIds[order.customer_key],
    email: order.email,
    placed_at: order.placed_at,
    currency_code: order.currency_code,
    total: sumAmounts(order.lines.map((l) => l.amount)),
    status: "completed",
    source: "import",
    lines: order.lines.map((line) => ({
      product_id: line.product_id,
      product_title: line.product_title,
      category_ids: line.category ? (categoryIds[line.category] ?? []) : [],
      quantity: line.quantity,
      amount: line.amount,
    })),
  }))
}

// Summed in integer millionths so that 0.1 + 0.2 is 0.3: amounts are read
// from decimals and the total must equal what a spreadsheet shows.
function sumAmounts(amounts: number[]): number {
  const scale = 1_000_000
  const total = amounts.reduce((sum, a) => sum + Math.round(a * scale), 0)
  return total / scale
}
