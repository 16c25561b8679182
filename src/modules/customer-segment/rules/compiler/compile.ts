import { customersFrom } from "../../adapter/medusa-tables"
import type { Audience } from "../../constants"
import { CONDITION_REGISTRY } from "../registry"
import { isGroup, type RuleGroup, type RuleNode } from "../types"
import { CteCollector } from "./ctes"
import { definite } from "./predicates"
import { join, raw, sql, type Sql } from "./sql"
import { EvaluationClock } from "./time"

export type CompileOptions = {
  audience: Audience
  timezone: string
  orderStatuses: string[]
  /** The moment of evaluation; relative windows count back from it. */
  now?: Date
  /**
   * Evaluates only these customers (a real-time re-evaluation): the
   * aggregates then read only their orders.
   */
  customerIds?: string[]
}

/**
 * Compiles a validated rule into ONE statement that selects the ids of every
 * matching, non-deleted customer (`SELECT c.id ...`). Values are bound
 * parameters; all SQL text comes from the registry and the adapter.
 */
export function compileRule(rule: RuleGroup, options: CompileOptions): Sql {
  const clock = new EvaluationClock(options.now ?? new Date(), options.timezone)
  const ctes = new CteCollector(
    clock,
    options.orderStatuses,
    options.customerIds
  )

  const predicate = compileNode(rule, { clock, ctes })

  return sql`${ctes.renderWith()}SELECT c.id ${customersFrom(ctes.renderJoins(), options.audience, options.customerIds)} AND ${predicate}`
}

function compileNode(
  node: RuleNode,
  context: { clock: EvaluationClock; ctes: CteCollector }
): Sql {
  if (!isGroup(node)) {
    const definition = CONDITION_REGISTRY.get(node.type)
    if (!definition) {
      throw new Error(`Condition type ${node.type} is not in the registry`)
    }
    return definite(definition.compile(node, context))
  }

  const parts = node.conditions.map((child) => compileNode(child, context))
  const combined = sql`(${join(parts, node.match === "all" ? " AND " : " OR ")})`
  return node.negate ? sql`${raw("NOT ")}${combined}` : combined
}
