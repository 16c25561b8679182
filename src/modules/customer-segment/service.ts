import type { Context, Logger } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { LOG_CONTEXT, type Audience, type RefreshTrigger } from "./constants"
import { type Explanation, explainRule } from "./explain"
import CustomerSegment from "./models/customer-segment"
import CustomerSegmentMembership from "./models/customer-segment-membership"
import CustomerSegmentRefresh from "./models/customer-segment-refresh"
import { resolveOptions } from "./options"
import { changeKindsOf, segmentReferences } from "./rules/analysis"
import { buildCatalogue } from "./rules/catalogue"
import { compileRule } from "./rules/compiler/compile"
import { raw, sql, type Sql } from "./rules/compiler/sql"
import { groupMemberIds } from "./adapter/medusa-tables"
import { formatRuleIssues, validateRule } from "./rules/schema"
import type { ChangeKind } from "./rules/registry"
import type { RuleGroup } from "./rules/types"
import type {
  ActivityInput,
  ActivityRecord,
  WishlistItem,
  CustomerSegmentsOptions,
  OrderHistoryInput,
  RefreshResult,
  ResolvedOptions,
} from "./types"
import {
  applyMembershipDiff,
  type MembershipDiff,
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

  /**
   * Checks the segments a rule refers to (`in_segment`): each must exist,
   * and none may lead back to `segmentId`, so membership never depends on
   * itself. Throws a 400 naming the condition and the cycle.
   */
  async validateSegmentReferences(
    segmentId: string | null,
    rule: RuleGroup
  ): Promise<void> {
    const references = segmentReferences(rule)
    if (!references.length) {
      return
    }
    const segments = await this.listCustomerSegments(
      {},
      { select: ["id", "rule"] }
    )
    const rules = new Map(segments.map((s) => [s.id, s.rule as RuleGroup]))
    const problems: string[] = []

    for (const { path, ids } of references) {
      for (const id of ids) {
        if (id === segmentId) {
          problems.push(`${path}: a segment cannot refer to itself (${id})`)
        } else if (!rules.has(id)) {
          problems.push(`${path}: segment ${JSON.stringify(id)} does not exist`)
        } else if (segmentId) {
          const cycle = findPath(id, segmentId, rules)
          if (cycle) {
            problems.push(
              `${path}: ${id} already depends on this segment (${[segmentId, ...cycle].join(" -> ")}); segments cannot depend on each other in a cycle`
            )
          }
        }
      }
    }
    if (problems.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid rule: ${problems.join("; ")}`
      )
    }
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
    // The same checks as a save, so a preview never promises what saving
    // would then refuse.
    const rule = this.validateRule(input.rule)
    if (input.segment_id) {
      await this.retrieveCustomerSegment(input.segment_id, { select: ["id"] })
    }
    await this.validateSegmentReferences(input.segment_id ?? null, rule)
    const target = this.compile(rule, input.audience ?? "all")
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
   * Each condition of a segment's rule for one customer, with the values it
   * compared, evaluated by the refresh's compiler (see `explain/`).
   */
  @InjectManager()
  async explainSegmentCustomer(
    segmentId: string,
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Explanation> {
    const segment = await this.retrieveCustomerSegment(segmentId)
    const knex = this.knex_(sharedContext)
    return explainRule(
      this.validateRule(segment.rule),
      customerId,
      {
        audience: segment.audience as Audience,
        timezone: this.options_.timezone,
        orderStatuses: this.options_.orderStatuses,
      },
      (statement) => this.run_(knex, statement)
    )
  }

  /**
   * Recomputes a segment's members and applies the difference in one
   * transaction; every attempt, failed or not, leaves a history row, written
   * as the refresh starts so a running refresh is visible.
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
      const diff = await this.applyDiff_(segment, { refreshId: history.id })
      return this.logRefresh_(segment.id, trigger, history.id, diff, startedAt)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await this.updateCustomerSegmentRefreshes({
        id: history.id,
        finished_at: new Date(),
        error: withoutStatement(error, message),
      })
      this.logger_.error(
        `[${LOG_CONTEXT}] refresh failed segment=${segment.id} trigger=${trigger}: ${message}`
      )
      throw error
    }
  }

  /**
   * Re-evaluates only `customerIds` against a segment (a real-time change).
   * A history row is written only when membership changed, so a busy store
   * does not bury its refresh history under evaluations that did nothing.
   */
  async refreshSegmentCustomers(
    segmentId: string,
    customerIds: string[],
    trigger: RefreshTrigger = "realtime"
  ): Promise<RefreshResult> {
    const segment = await this.retrieveCustomerSegment(segmentId)
    const startedAt = new Date()
    const diff = await this.applyDiff_(segment, {
      customerIds,
      trigger,
      startedAt,
    })
    return this.logRefresh_(
      segment.id,
      trigger,
      diff.refresh_id,
      diff,
      startedAt
    )
  }

  /**
   * Re-evaluates `customerIds` against several segments in one transaction
   * (a real-time change touching many segments), segments in id order so
   * concurrent evaluations take their locks in the same order.
   */
  @InjectTransactionManager()
  async evaluateCustomers(
    segments: { id: string; rule: unknown; audience: string }[],
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RefreshResult[]> {
    const ordered = [...segments].sort((a, b) => a.id.localeCompare(b.id))
    const results: RefreshResult[] = []
    for (const segment of ordered) {
      const startedAt = new Date()
      const diff = await this.applyDiff_(
        segment,
        { customerIds, trigger: "realtime", startedAt },
        sharedContext
      )
      results.push(
        this.logRefresh_(
          segment.id,
          "realtime",
          diff.refresh_id,
          diff,
          startedAt
        )
      )
    }
    return results
  }

  private logRefresh_(
    segmentId: string,
    trigger: RefreshTrigger,
    refreshId: string | null,
    diff: MembershipDiff,
    startedAt: Date
  ): RefreshResult {
    const result = {
      segment_id: segmentId,
      refresh_id: refreshId,
      ...diff,
      duration_ms: Date.now() - startedAt.getTime(),
    }
    // Real-time evaluations that changed nothing are the common case on a
    // busy store; logging each would drown the refreshes that matter.
    if (trigger !== "realtime" || diff.added || diff.removed) {
      this.logger_.info(
        `[${LOG_CONTEXT}] refreshed segment=${segmentId} trigger=${trigger} added=${diff.added} removed=${diff.removed} total=${diff.total} duration_ms=${result.duration_ms}`
      )
    }
    return result
  }

  @InjectTransactionManager()
  protected async applyDiff_(
    segment: { id: string; rule: unknown; audience: string },
    scope: {
      refreshId?: string
      customerIds?: string[]
      trigger?: RefreshTrigger
      startedAt?: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MembershipDiff & { refresh_id: string | null }> {
    const target = compileRule(this.validateRule(segment.rule), {
      audience: segment.audience as Audience,
      timezone: this.options_.timezone,
      orderStatuses: this.options_.orderStatuses,
      customerIds: scope.customerIds,
    })
    const knex = this.knex_(sharedContext)

    // Serialises changes to one segment's members across connections and
    // processes; released with the transaction.
    await this.run_(
      knex,
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${segment.id}::text, 0))`
    )
    // Per-customer aggregates over a million orders spill to disk at the
    // default 4 MB; the setting lasts until this transaction ends.
    await this.run_(
      knex,
      sql`SELECT set_config('work_mem', ${this.options_.limits.refreshWorkMem}::text, true)`
    )
    const [diff] = await this.run_<MembershipDiff>(
      knex,
      applyMembershipDiff(segment.id, target, scope.customerIds)
    )
    const fullRefresh = !scope.customerIds
    await this.run_(
      knex,
      sql`UPDATE customer_segment SET member_count = ${diff.total}::int, last_refreshed_at = CASE WHEN ${fullRefresh}::boolean THEN now() ELSE last_refreshed_at END, updated_at = now() WHERE id = ${segment.id}::text`
    )

    let refreshId = scope.refreshId ?? null
    if (refreshId) {
      await this.run_(
        knex,
        sql`UPDATE customer_segment_refresh SET finished_at = clock_timestamp(), added = ${diff.added}::int, removed = ${diff.removed}::int, total = ${diff.total}::int, updated_at = now() WHERE id = ${refreshId}::text`
      )
    } else if (diff.added || diff.removed) {
      const [row] = await this.run_<{ id: string }>(
        knex,
        sql`INSERT INTO customer_segment_refresh (id, segment_id, trigger, started_at, finished_at, added, removed, total) VALUES (${generateEntityId(undefined, "csegr")}::text, ${segment.id}::text, ${scope.trigger ?? "realtime"}::text, ${(scope.startedAt ?? new Date()).toISOString()}::timestamptz, clock_timestamp(), ${diff.added}::int, ${diff.removed}::int, ${diff.total}::int) RETURNING id`
      )
      refreshId = row.id
    }
    return { ...diff, refresh_id: refreshId }
  }

  /**
   * Notes that customers changed in the given ways; the changes of a burst
   * of events accumulate on one row per customer until it is evaluated.
   */
  @InjectManager()
  async queueEvaluation(
    customerIds: string[],
    changes: ChangeKind[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!customerIds.length || !changes.length) {
      return
    }
    const knex = this.knex_(sharedContext)
    await this.run_(
      knex,
      sql`INSERT INTO customer_segment_pending_evaluation (customer_id, changes, requested_at)
SELECT DISTINCT id, ${changes}::text[], now() FROM unnest(${customerIds}::text[]) AS id
ON CONFLICT (customer_id) DO UPDATE SET
  changes = ARRAY(SELECT DISTINCT unnest(customer_segment_pending_evaluation.changes || excluded.changes)),
  requested_at = excluded.requested_at`
    )
  }

  /**
   * Claims the pending evaluations of `customerIds`. Only one caller gets a
   * customer's row, so concurrent events for one customer evaluate it once.
   */
  @InjectManager()
  async takePendingEvaluations(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; changes: ChangeKind[] }[]> {
    if (!customerIds.length) {
      return []
    }
    const knex = this.knex_(sharedContext)
    return this.run_(
      knex,
      sql`DELETE FROM customer_segment_pending_evaluation WHERE customer_id = ANY(${customerIds}::text[]) RETURNING customer_id, changes`
    )
  }

  /**
   * Whether any active real-time segment reads one of `changes`, so that a
   * store without such segments pays one indexed query per event.
   */
  async hasRealtimeSegmentsReading(changes: ChangeKind[]): Promise<boolean> {
    const segments = await this.listCustomerSegments(
      { refresh_mode: "realtime", is_active: true },
      { select: ["id", "rule"] }
    )
    return segments.some((segment) => {
      const reads = changeKindsOf(segment.rule as RuleGroup)
      return changes.some((change) => reads.has(change))
    })
  }

  /**
   * Who must join and who must leave a customer group for it to hold exactly
   * the segment's members, computed in Postgres so that only the difference
   * reaches Node; with `customerIds`, only among those customers.
   */
  @InjectManager()
  async groupMembershipDiff(
    segmentId: string,
    groupId: string,
    customerIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ to_add: string[]; to_remove: string[] }> {
    const scope = customerIds
      ? sql` AND m.customer_id = ANY(${customerIds}::text[])`
      : raw("")
    const [row] = await this.run_<{ to_add: string[]; to_remove: string[] }>(
      this.knex_(sharedContext),
      sql`WITH members AS (SELECT m.customer_id FROM customer_segment_membership m WHERE m.segment_id = ${segmentId}::text AND m.deleted_at IS NULL${scope}),
grouped AS (${groupMemberIds(groupId, customerIds)}),
diff AS (SELECT members.customer_id AS joining, grouped.customer_id AS leaving FROM members FULL JOIN grouped ON grouped.customer_id = members.customer_id WHERE members.customer_id IS NULL OR grouped.customer_id IS NULL)
SELECT coalesce(array_agg(joining) FILTER (WHERE joining IS NOT NULL), '{}') AS to_add,
  coalesce(array_agg(leaving) FILTER (WHERE leaving IS NOT NULL), '{}') AS to_remove
FROM diff`
    )
    return row
  }

  /** Segment ids whose members include any of `customerIds`. */
  @InjectManager()
  async listSegmentIdsOfCustomers(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const knex = this.knex_(sharedContext)
    const rows = await this.run_<{ segment_id: string }>(
      knex,
      sql`SELECT DISTINCT segment_id FROM customer_segment_membership WHERE deleted_at IS NULL AND customer_id = ANY(${customerIds}::text[])`
    )
    return rows.map((row) => row.segment_id)
  }

  /** Records a logged-in customer's product or category view. */
  @InjectManager()
  async recordActivity(
    activity: ActivityInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ActivityRecord> {
    const knex = this.knex_(sharedContext)
    const [row] = await this.run_<ActivityRecord>(
      knex,
      sql`INSERT INTO customer_segment_activity (id, customer_id, kind, product_id, category_id) VALUES (${generateEntityId(undefined, "csega")}::text, ${activity.customer_id}::text, ${activity.kind}::text, ${activity.product_id ?? null}::text, ${activity.category_id ?? null}::text) RETURNING id, customer_id, kind, product_id, category_id, created_at`
    )
    return row
  }

  /** Deletes views recorded before `before`; returns how many. */
  @InjectManager()
  async pruneActivity(
    before: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const knex = this.knex_(sharedContext)
    const rows = await this.run_<{ count: number }>(
      knex,
      sql`WITH pruned AS (DELETE FROM customer_segment_activity WHERE created_at < ${before.toISOString()}::timestamptz RETURNING 1) SELECT count(*)::int AS count FROM pruned`
    )
    return rows[0].count
  }

  /** Adds a product to a customer's wishlist; adding it again changes nothing. */
  @InjectManager()
  async addToWishlist(
    customerId: string,
    productId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WishlistItem> {
    const knex = this.knex_(sharedContext)
    await this.run_(
      knex,
      sql`INSERT INTO customer_segment_wishlist_item (customer_id, product_id) VALUES (${customerId}::text, ${productId}::text) ON CONFLICT DO NOTHING`
    )
    const [item] = await this.run_<WishlistItem>(
      knex,
      sql`SELECT customer_id, product_id, created_at FROM customer_segment_wishlist_item WHERE customer_id = ${customerId}::text AND product_id = ${productId}::text`
    )
    return item
  }

  /** Removes a product from the wishlist; returns whether it was on it. */
  @InjectManager()
  async removeFromWishlist(
    customerId: string,
    productId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = this.knex_(sharedContext)
    const rows = await this.run_(
      knex,
      sql`DELETE FROM customer_segment_wishlist_item WHERE customer_id = ${customerId}::text AND product_id = ${productId}::text RETURNING product_id`
    )
    return rows.length > 0
  }

  @InjectManager()
  async listAndCountWishlist(
    customerId: string,
    { skip, take }: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<[WishlistItem[], number]> {
    const knex = this.knex_(sharedContext)
    const items = await this.run_<WishlistItem>(
      knex,
      sql`SELECT customer_id, product_id, created_at FROM customer_segment_wishlist_item WHERE customer_id = ${customerId}::text ORDER BY created_at DESC, product_id LIMIT ${take}::int OFFSET ${skip}::int`
    )
    const [{ count }] = await this.run_<{ count: number }>(
      knex,
      sql`SELECT count(*)::int AS count FROM customer_segment_wishlist_item WHERE customer_id = ${customerId}::text`
    )
    return [items, count]
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

/** The chain of segment ids from `from` to `to` through `in_segment`, if any. */
function findPath(
  from: string,
  to: string,
  rules: Map<string, RuleGroup>,
  seen = new Set<string>()
): string[] | null {
  if (from === to) {
    return [to]
  }
  if (seen.has(from) || !rules.has(from)) {
    return null
  }
  seen.add(from)
  for (const { ids } of segmentReferences(rules.get(from)!)) {
    for (const next of ids) {
      const rest = findPath(next, to, rules, seen)
      if (rest) {
        return [from, ...rest]
      }
    }
  }
  return null
}

/**
 * The cause of a failed statement without the statement: knex prefixes
 * Postgres' message with the whole SQL text, which belongs in the server
 * log, not in a history row that the admin API shows.
 */
function withoutStatement(error: unknown, message: string): string {
  const code = (error as { code?: unknown }).code
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
    const cause = message.slice(message.lastIndexOf(" - ") + 3)
    return `${cause} (SQLSTATE ${code})`
  }
  return message
}
