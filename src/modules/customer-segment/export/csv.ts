import { TZDate } from "@date-fns/tz"
import { stringify, type Stringifier } from "csv-stringify"
import { format } from "date-fns"
import { neutraliseFormula } from "./neutralise"
import type { MemberRow } from "./rows"

/**
 * The header of a member CSV. Money never adds up across currencies, so
 * each currency the members spent in gets its own numeric column,
 * `total_spent_<code>`, in code order; a member who spent nothing in it
 * has 0 there.
 */
export function csvColumns(currencies: string[]): string[] {
  return [
    "customer_id",
    "email",
    "first_name",
    "last_name",
    "phone",
    "company_name",
    "has_account",
    "member_since",
    "orders",
    ...currencies.map((code) => `total_spent_${code}`),
    "last_order_date",
  ]
}

// Spreadsheets read this as a date and time, where ISO 8601 with a `T` and
// a zone is text to most of them. Written in the store's timezone.
const SPREADSHEET_DATE = "yyyy-MM-dd HH:mm:ss"

const spreadsheetDate = (date: Date | null, timezone: string) =>
  date ? format(new TZDate(date, timezone), SPREADSHEET_DATE) : ""

/** One member as a CSV record, in the order of `csvColumns(currencies)`. */
export function csvRecord(
  row: MemberRow,
  currencies: string[],
  timezone: string
): (string | number)[] {
  const text = (value: string | null) => neutraliseFormula(value) ?? ""
  return [
    row.customer_id,
    text(row.email),
    text(row.first_name),
    text(row.last_name),
    text(row.phone),
    text(row.company_name),
    row.has_account ? "true" : "false",
    spreadsheetDate(row.member_since, timezone),
    row.orders,
    ...currencies.map((code) => row.total_spent[code] ?? 0),
    spreadsheetDate(row.last_order_at, timezone),
  ]
}

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, quote or line break, quotes doubled inside. With `bom`,
 * starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
 */
export function csvStringifier(columns: string[], bom: boolean): Stringifier {
  return stringify({ header: true, columns, bom, record_delimiter: "\r\n" })
}
