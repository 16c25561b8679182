import type { Context, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { LOG_CONTEXT, type Audience, type RefreshTrigger } from "./constants"
import CustomerSegment from "./models/customer-segment"
import CustomerSegmentMembership from "./models/customer-segment-membership"
import CustomerSegmentRefresh from "./models/customer-segment-refresh"
import { resolveOptions } from "./options"
import { buildCatalogue } from "./rules/catalogue"
import { compileRule } from "./rules/compiler/compile"
import { sql, type Sql } from "./rules/compiler/sql"
import { formatRuleIssues, validateRule } from "./rules/schema"
import type { RuleGroup } from "./rules/types"
import type {
  CustomerSegmentsOptions,
  OrderHistoryInput,
  RefreshResult,
  ResolvedOptions,
} from "./types"
import {
  applyMembershipDiff,
  previewStatement,
  snapshotStatement,
  upsertOrderHistoryStatements,
} from "./statements"

type InjectedDependencies = { logger: Logger }

// Orders per statement when writing the read model: keeps each JSON
// parameter to a few megabytes.
const WRITE_BATCH = 500

export type PreviewInput = {
  rule: unknown
  audience?: Audience
  limit?: number
  /** When set, also count who the rule would add to and remove from it. */
  segment_id?: string
}

export type PreviewResult = {
  count: number
  customer_ids: string[]
  added: number | null
  removed: number | null
}

class CustomerSegmentModuleService extends MedusaService({
  CustomerSegment,
  CustomerSegmentMembership,
  CustomerSegmentRefresh,
}) {
  protected readonly options_: ResolvedOptions
  protected readonly logger_: Logger

  constructor(
    dependencies: InjectedDependencies,
    options?: CustomerSegmentsOptions
  ) {
    // @ts-ignore the generated base class takes the same arguments
    super(...arguments)
    this.options_ = resolveOptions(options)
    this.logger_ = dependencies.logger
  }

  getOptions(): ResolvedOptions {
    return this.options_
  }

  getConditionCatalogue() {
    return buildCatalogue()
  }

  /** Returns the rule typed, or throws a 400 listing every problem in it. */
  validateRule(rule: unknown): RuleGroup {
    const result = validateRule(rule, this.options_.limits)
    if (!result.rule) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid rule: ${formatRuleIssues(result.issues)}`
      )
    }
    return result.rule
  }

  /** The one statement that selects a rule's members, for inspection. */
  compile(rule: unknown, audience: Audience = "all", now?: Date): Sql {
    return compileRule(this.validateRule(rule), {
      audience,
      now,
      timezone: this.options_.timezone,
      orderStatuses: this.options_.orderStatuses,
    })
  }

  /** Counts and samples a rule's members without saving anything. */
  @InjectTransactionManager()
  async previewRule(
    input: PreviewInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PreviewResult> {
    const target = this.compile(input.rule, input.audience ?? "all")
    const knex = this.knex_(sharedContext)

    await this.run_(
      knex,
      sql`SELECT set_config('statement_timeout', ${String(this.options_.limits.previewTimeoutMs)}::text, true)`
    )
    try {
      const [row] = await this.run_<{
        count: number
        sample: string[]
        added: number | null
        removed: number | null
      }>(knex, previewStatement(target, input.limit ?? 20, input.segment_id))
      return {
        count: row.count,
        customer_ids: row.sample,
        added: row.added,
        removed: row.removed,
      }
    } catch (error) {
      if ((error as { code?: string }).code === "57014") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Preview stopped after ${this.options_.limits.previewTimeoutMs} ms (limits.previewTimeoutMs); narrow the rule or raise the limit`
        )
      }
      throw error
    }
  }

  /**
   * Recomputes a segment's members and applies the difference in one
   * transaction; every attempt, failed or not, leaves a history row.
   */
  async refreshSegment(
    segmentId: string,
    trigger: RefreshTrigger = "manual"
  ): Promise<RefreshResult> {
    const segment = await this.retrieveCustomerSegment(segmentId)
    const startedAt = new Date()
    const history = await this.createCustomerSegmentRefreshes({
      segment_id: segment.id,
      trigger,
      started_at: startedAt,
    })

    try {
      const counts = await this.refreshSegment_(
        segment.id,
        segment.rule,
        segment.audience as Audience,
        history.id
      )
      const result = {
        segment_id: segment.id,
        refresh_id: history.id,
        ...counts,
        duration_ms: Date.now() - startedAt.getTime(),
      }
      this.logger_.info(
        `[${LOG_CONTEXT}] refreshed segment=${segment.id} trigger=${trigger} added=${result.added} removed=${result.removed} total=${result.total} duration_ms=${result.duration_ms}`
      )
      return result
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await this.updateCustomerSegmentRefreshes({
        id: history.id,
        finished_at: new Date(),
        error: message,
      })
      this.logger_.error(
        `[${LOG_CONTEXT}] refresh failed segment=${segment.id} trigger=${trigger}: ${message}`
      )
      throw error
    }
  }

  @InjectTransactionManager()
  protected async refreshSegment_(
    segmentId: string,
    rule: unknown,
    audience: Audience,
    refreshId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ added: number; removed: number; total: number }> {
    const target = this.compile(rule, audience)
    const knex = this.knex_(sharedContext)

    // Serialises refreshes of one segment across connections and processes;
    // released with the transaction.
    await this.run_(
      knex,
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${segmentId}::text, 0))`
    )
    const [counts] = await this.run_<{
      added: number
      removed: number
      total: number
    }>(knex, applyMembershipDiff(segmentId, target))
    await this.run_(
      knex,
      sql`UPDATE customer_segment SET member_count = ${counts.total}::int, last_refreshed_at = now(), updated_at = now() WHERE id = ${segmentId}::text`
    )
    await this.run_(
      knex,
      sql`UPDATE customer_segment_refresh SET finished_at = clock_timestamp(), added = ${counts.added}::int, removed = ${counts.removed}::int, total = ${counts.total}::int, updated_at = now() WHERE id = ${refreshId}::text`
    )
    return counts
  }

  /**
   * Writes orders into the order-history read model, replacing each order
   * and all its lines, so writing the same order twice never counts it twice.
   */
  async upsertOrderHistory(orders: OrderHistoryInput[]): Promise<number> {
    return this.replaceOrderHistory({ upsert: orders })
  }

  /** Removes orders (and their lines) from the read model. */
  async deleteOrderHistory(orderIds: string[]): Promise<void> {
    await this.replaceOrderHistory({ remove: orderIds })
  }

  /**
   * Removes `remove`, then writes `upsert`, in one transaction however many
   * orders there are: a failure leaves the read model as it was.
   */
  @InjectTransactionManager()
  async replaceOrderHistory(
    {
      upsert = [],
      remove = [],
    }: { upsert?: OrderHistoryInput[]; remove?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const knex = this.knex_(sharedContext)
    if (remove.length) {
      await this.run_(
        knex,
        sql`DELETE FROM customer_segment_order_line WHERE order_id = ANY(${remove}::text[])`
      )
      await this.run_(
        knex,
        sql`DELETE FROM customer_segment_order WHERE id = ANY(${remove}::text[])`
      )
    }
    for (let i = 0; i < upsert.length; i += WRITE_BATCH) {
      const batch = upsert.slice(i, i + WRITE_BATCH)
      for (const statement of upsertOrderHistoryStatements(batch)) {
        await this.run_(knex, statement)
      }
    }
    return upsert.length
  }

  /**
   * The read-model rows of `orderIds` in the shape `upsertOrderHistory`
   * takes, so a step can put back exactly what it replaced.
   */
  @InjectManager()
  async snapshotOrderHistory(
    orderIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderHistoryInput[]> {
    if (!orderIds.length) {
      return []
    }
    const knex = this.knex_(sharedContext)
    return this.run_<OrderHistoryInput>(knex, snapshotStatement(orderIds))
  }

  /** Reads rows of the read model for one customer (explanations, tests). */
  @InjectManager()
  async listOrderHistory(
    filter: { customer_id?: string; order_ids?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = this.knex_(sharedContext)
    return this.run_<Record<string, unknown>>(
      knex,
      sql`SELECT * FROM customer_segment_order WHERE (${filter.customer_id ?? null}::text IS NULL OR customer_id = ${filter.customer_id ?? null}::text) AND (${filter.order_ids ?? null}::text[] IS NULL OR id = ANY(${filter.order_ids ?? null}::text[])) ORDER BY placed_at`
    )
  }

  protected knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ??
      sharedContext.manager) as SqlEntityManager
    return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
  }

  protected async run_<T>(knex: Knex, statement: Sql): Promise<T[]> {
    const { text, bindings } = statement.toKnex()
    const result = await knex.raw(text, bindings as Knex.RawBinding[])
    return result.rows as T[]
  }
}

export default CustomerSegmentModuleService
