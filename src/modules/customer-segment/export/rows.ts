import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Sql } from "../rules/compiler/sql"
import { memberBatchStatement } from "./statements"

/** One member as read for an export. */
export type MemberRow = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  member_since: Date
  orders: number
  /** Net spend per lower-case currency code, e.g. `{ usd: 120.5 }`. */
  total_spent: Record<string, number>
  last_order_at: Date | null
}

// Rows per query: large enough that round trips don't dominate, small
// enough that a batch is a few hundred kilobytes.
export const DEFAULT_BATCH_SIZE = 1000

/**
 * Yields a segment's members one batch at a time; the next batch is only
 * read once the consumer has taken the previous one, so memory stays flat
 * for any segment size. Each batch is its own statement: a refresh that
 * commits during a long export shows in the batches read after it, and no
 * customer is ever yielded twice.
 */
export async function* readMemberBatches(
  knex: Knex,
  input: { segmentId: string; statuses: string[]; batchSize?: number }
): AsyncGenerator<MemberRow[]> {
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE
  let after = ""
  while (true) {
    const rows = await run<MemberRow>(
      knex,
      memberBatchStatement({ ...input, afterCustomerId: after, limit })
    )
    if (rows.length) {
      yield rows
    }
    if (rows.length < limit) {
      return
    }
    after = rows[rows.length - 1].customer_id
  }
}

export async function run<T>(knex: Knex, statement: Sql): Promise<T[]> {
  const { text, bindings } = statement.toKnex()
  const result = await knex.raw(text, bindings as Knex.RawBinding[])
  return result.rows as T[]
}
