import type { RowResult } from "./rows"
import type { ImportLine, ImportOrder, RejectedRow } from "./types"

export type GroupedOrders = { orders: ImportOrder[]; rejected: RejectedRow[] }

/** Which customer a line belongs to: the external id wins over the email. */
export function customerKey(line: ImportLine): string {
  const { external_id, email } = line.customer
  return external_id ? `external_id:${external_id}` : `email:${email}`
}

/**
 * Groups rows into orders by order id. An order is imported whole or not at
 * all: half an order would understate its total and could put a customer on
 * the wrong side of a spend threshold. So when one of its rows is rejected,
 * or its rows disagree on the date, currency or customer, every row of it
 * is rejected, each with the reason.
 */
export function groupOrders(results: RowResult[]): GroupedOrders {
  const rejected: RejectedRow[] = []
  const byOrder = new Map<string, RowResult[]>()
  for (const result of results) {
    if (!result.order_id) {
      rejected.push({ line: result.line, reasons: result.reasons })
      continue
    }
    const group = byOrder.get(result.order_id) ?? []
    group.push(result)
    byOrder.set(result.order_id, group)
  }

  const orders: ImportOrder[] = []
  for (const [id, group] of byOrder) {
    const lines = group.flatMap((r) => (r.value ? [r.value] : []))
    const problems =
      lines.length === group.length
        ? disagreements(id, lines)
        : [`order ${JSON.stringify(id)} is not imported: ${badLines(group)}`]
    if (problems.length) {
      for (const result of group) {
        rejected.push({
          line: result.line,
          reasons: [...result.reasons, ...problems],
        })
      }
      continue
    }
    orders.push(toOrder(id, lines))
  }

  rejected.sort((a, b) => a.line - b.line)
  return { orders, rejected }
}

function badLines(group: RowResult[]): string {
  const bad = group.filter((r) => !r.value).map((r) => r.line)
  return `${bad.length > 1 ? "lines" : "line"} ${bad.join(", ")} rejected`
}

const ORDER_FIELDS: [string, (line: ImportLine) => string][] = [
  ["order_date", (l) => l.placed_at.toISOString()],
  ["currency", (l) => l.currency_code],
  ["customer", customerKey],
]

function disagreements(id: string, lines: ImportLine[]): string[] {
  return ORDER_FIELDS.flatMap(([field, read]) => {
    const values = new Set(lines.map(read))
    return values.size > 1
      ? [
          `order ${JSON.stringify(id)} is not imported: its lines disagree on ${field} (${[...values].join(", ")})`,
        ]
      : []
  })
}

function toOrder(id: string, lines: ImportLine[]): ImportOrder {
  const [first] = lines
  return {
    id,
    placed_at: first.placed_at,
    currency_code: first.currency_code,
    customer_key: customerKey(first),
    email: lines.find((l) => l.customer.email)?.customer.email ?? null,
    lines,
  }
}
