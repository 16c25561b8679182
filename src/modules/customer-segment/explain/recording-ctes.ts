import type { AggregateColumn } from "../rules/compiler/ctes"
import { CteCollector } from "../rules/compiler/ctes"
import type { Sql } from "../rules/compiler/sql"
import type { Window } from "../rules/types"

/** One per-customer value a condition read, under the name it reads it by. */
export type RecordedRead = { name: AggregateColumn | "times"; expression: Sql }

/**
 * The refresh's own collector, noting each aggregate a condition asks for
 * while it compiles, so an explanation can select the very expressions the
 * refresh compares ("orders in the last 90 days: 2") next to the verdict.
 */
export class RecordingCteCollector extends CteCollector {
  private reads: RecordedRead[] = []

  /** What was read since the last call; the record starts afresh. */
  takeReads(): RecordedRead[] {
    const reads = this.reads
    this.reads = []
    return reads
  }

  aggregate(column: AggregateColumn, window?: Window, currency?: string): Sql {
    const expression = super.aggregate(column, window, currency)
    this.reads.push({ name: column, expression })
    return expression
  }

  purchases(match: Sql, window?: Window): Sql {
    const expression = super.purchases(match, window)
    this.reads.push({ name: "times", expression })
    return expression
  }
}
