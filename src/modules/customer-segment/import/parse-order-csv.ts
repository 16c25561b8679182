import { assertColumnsInHeader, type OrderCsvMapping } from "./mapping"
import { readCsv } from "./read-csv"
import { mapRow } from "./rows"
import { groupOrders } from "./orders"
import { collectCustomers, type ImportCustomerEntry } from "./customers"
import type { ImportOrder, RejectedRow } from "./types"

export type ParsedOrderCsv = {
  /** Data rows in the file. */
  rows: number
  orders: ImportOrder[]
  rejected_rows: RejectedRow[]
  customers: ImportCustomerEntry[]
  /** Distinct category names of the imported lines. */
  category_names: string[]
}

/**
 * Reads a CSV of order lines with a validated mapping, reading dates in the
 * mapping's timezone or else in `defaultTimezone`. Throws INVALID_DATA
 * for a file that cannot be read at all (malformed quoting, a mapped column
 * missing from the header); problems of single rows are returned instead,
 * so one bad row does not stop an import of years of orders.
 */
export function parseOrderCsv(
  csv: string,
  mapping: OrderCsvMapping,
  defaultTimezone: string,
  now?: Date
): ParsedOrderCsv {
  const timezone = mapping.timezone ?? defaultTimezone
  const table = readCsv(csv)
  assertColumnsInHeader(mapping, table.header)

  const raggedLines = new Map(table.ragged.map((r) => [r.line, r]))
  const results = table.rows.map((row) => {
    const result = mapRow(row, mapping, timezone, now)
    const ragged = raggedLines.get(row.line)
    if (!ragged) {
      return result
    }
    const reason = `has ${ragged.fields} fields; the header has ${ragged.expected}`
    return { ...result, value: null, reasons: [reason, ...result.reasons] }
  })
  const { orders, rejected } = groupOrders(results)

  const categories = new Set(
    orders.flatMap((o) => o.lines.flatMap((l) => l.category ?? []))
  )
  return {
    rows: table.rows.length,
    orders,
    rejected_rows: rejected,
    customers: collectCustomers(orders),
    category_names: [...categories].sort(),
  }
}
