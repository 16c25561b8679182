import type { MemberRow } from "./rows"

/** One member as JSON: dates in ISO 8601 (UTC), spend per currency. */
export function jsonMember(row: MemberRow) {
  return {
    customer_id: row.customer_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    phone: row.phone,
    company_name: row.company_name,
    has_account: row.has_account,
    member_since: row.member_since.toISOString(),
    orders: row.orders,
    total_spent: row.total_spent,
    last_order_date: row.last_order_at?.toISOString() ?? null,
  }
}

/**
 * Writes batches as one JSON array (`json`) or one object per line
 * (`ndjson`). The array is built as text, a batch at a time, so it is
 * never held whole in memory.
 */
export async function* jsonChunks(
  batches: AsyncIterable<MemberRow[]>,
  format: "json" | "ndjson"
): AsyncGenerator<string> {
  let first = true
  if (format === "json") {
    yield "["
  }
  for await (const batch of batches) {
    const lines = batch.map((row) => JSON.stringify(jsonMember(row)))
    if (format === "ndjson") {
      yield lines.join("\n") + "\n"
      continue
    }
    yield (first ? "\n" : ",\n") + lines.join(",\n")
    first = false
  }
  if (format === "json") {
    yield first ? "]\n" : "\n]\n"
  }
}
