import type { CsvRow } from "./read-csv"
import type { OrderCsvColumn, OrderCsvMapping } from "./mapping"
import type { ImportAddress, ImportCustomer, ImportLine } from "./types"
import {
  parseDate,
  parseDecimal,
  parseQuantity,
  splitName,
  toCountryCode,
} from "./values"

const IDENTIFYING = ["customer_email", "customer_external_id"] as const

/** A row read as an order line, or why it cannot be; `order_id` may be "". */
export type RowResult = { line: number; order_id: string } & (
  { value: ImportLine; reasons: [] } | { value: null; reasons: string[] }
)

/**
 * Reads one CSV row as an order line, or lists everything wrong with it so
 * the report can name all problems of the row at once.
 */
export function mapRow(
  row: CsvRow,
  mapping: OrderCsvMapping,
  timezone: string,
  now?: Date
): RowResult {
  const cell = (field: OrderCsvColumn) => {
    const name = mapping.columns[field]
    return name === undefined ? "" : (row.values[name] ?? "").trim()
  }
  const label = (field: OrderCsvColumn) =>
    `${field} (${JSON.stringify(mapping.columns[field])})`
  const reasons: string[] = []

  const orderId = cell("order_id")
  if (!orderId) {
    reasons.push(`${label("order_id")} is empty`)
  }

  const dateText = cell("order_date")
  const placedAt = dateText
    ? parseDate(dateText, mapping.date_formats, timezone, now)
    : null
  if (!dateText) {
    reasons.push(`${label("order_date")} is empty`)
  } else if (!placedAt) {
    reasons.push(
      `${label("order_date")} ${JSON.stringify(dateText)} matches none of the date formats ${mapping.date_formats.join(", ")}`
    )
  }

  const currency = (
    cell("currency") ||
    mapping.currency_code ||
    ""
  ).toLowerCase()
  if (!/^[a-z]{3}$/.test(currency)) {
    reasons.push(
      currency
        ? `${label("currency")} ${JSON.stringify(currency)} is not a three-letter currency code`
        : `${label("currency")} is empty and no currency_code is set`
    )
  }

  const email = cell("customer_email").toLowerCase() || null
  const externalId = cell("customer_external_id") || null
  if (!email && !externalId) {
    const mapped = IDENTIFYING.filter((f) => mapping.columns[f]).map(label)
    reasons.push(
      `no customer: ${mapped.join(" and ")} ${mapped.length > 1 ? "are" : "is"} empty`
    )
  }

  const quantityText = cell("quantity")
  const quantity = mapping.columns.quantity ? parseQuantity(quantityText) : 1
  if (quantity === null) {
    reasons.push(
      `${label("quantity")} ${JSON.stringify(quantityText)} is not a whole number from 1 to 2147483647`
    )
  }

  const amountText = cell("amount")
  const amount = mapping.columns.amount ? parseDecimal(amountText) : 0
  if (amount === null) {
    reasons.push(
      `${label("amount")} ${JSON.stringify(amountText)} is not a decimal number such as 261.96`
    )
  }

  const countryText = cell("country")
  const countryCode = countryText ? toCountryCode(countryText) : null
  if (countryText && !countryCode) {
    reasons.push(
      `${label("country")} ${JSON.stringify(countryText)} is neither an ISO 3166-1 alpha-2 code nor an English country name`
    )
  }

  if (reasons.length) {
    return { line: row.line, order_id: orderId, value: null, reasons }
  }
  return {
    line: row.line,
    order_id: orderId,
    value: {
      line: row.line,
      order_id: orderId,
      placed_at: placedAt!,
      currency_code: currency,
      customer: customerOf(cell, email, externalId, countryCode),
      product_id: cell("product_id") || null,
      product_title: cell("product_name") || null,
      category: cell("category") || null,
      quantity: quantity!,
      amount: amount!,
    },
    reasons: [],
  }
}

function customerOf(
  cell: (field: OrderCsvColumn) => string,
  email: string | null,
  externalId: string | null,
  countryCode: string | null
): ImportCustomer {
  const name = cell("customer_name")
  const { first_name, last_name } = name
    ? splitName(name)
    : {
        first_name: cell("customer_first_name") || null,
        last_name: cell("customer_last_name") || null,
      }
  const address: ImportAddress = {
    country_code: countryCode,
    province: cell("province") || null,
    city: cell("city") || null,
    postal_code: cell("postal_code") || null,
  }
  const hasAddress = Object.values(address).some((v) => v !== null)
  return {
    email,
    external_id: externalId,
    first_name,
    last_name,
    address: hasAddress ? address : null,
  }
}
