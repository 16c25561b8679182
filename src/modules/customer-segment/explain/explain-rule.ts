import { customersFrom } from "../adapter/medusa-tables"
import type { Audience } from "../constants"
import { compileRule } from "../rules/compiler/compile"
import { definite } from "../rules/compiler/predicates"
import { join, raw, sql, type Sql } from "../rules/compiler/sql"
import { EvaluationClock } from "../rules/compiler/time"
import { CONDITION_REGISTRY } from "../rules/registry"
import { isGroup, type RuleGroup, type RuleNode } from "../rules/types"
import { type RecordedRead, RecordingCteCollector } from "./recording-ctes"

/** One condition of a rule, evaluated for one customer. */
export type ExplainedCondition = {
  kind: "condition"
  /** Where it sits in the rule, as validation messages name it. */
  path: string
  type: string
  held: boolean
  /** The aggregates the condition compared, by name; empty for attributes. */
  observed: Record<string, unknown>
}

export type ExplainedGroup = {
  kind: "group"
  path: string
  match: "all" | "any"
  negate: boolean
  held: boolean
  conditions: ExplainedNode[]
}

export type ExplainedNode = ExplainedGroup | ExplainedCondition

export type Explanation = {
  customer_id: string
  /** The customer is live (not deleted) and in the segment's audience. */
  in_audience: boolean
  /** Whether a refresh now would make the customer a member. */
  matches: boolean
  rule: ExplainedGroup
}

type Leaf = { path: string; type: string; reads: RecordedRead[] }

export type ExplainOptions = {
  audience: Audience
  timezone: string
  orderStatuses: string[]
  now?: Date
}

/**
 * Statements that explain a validated rule for one customer with the
 * refresh's own code: each condition is compiled by its registry entry
 * against the same clock, aggregates and customer row as in
 * `compileRule`, and selected on its own. `verdict` is `compileRule` itself,
 * scoped to the customer, so the overall answer is the refresh's answer.
 */
export function explainStatements(
  rule: RuleGroup,
  customerId: string,
  options: ExplainOptions
): { conditions: Sql; verdict: Sql; leaves: Leaf[] } {
  const now = options.now ?? new Date()
  const clock = new EvaluationClock(now, options.timezone)
  const ctes = new RecordingCteCollector(clock, options.orderStatuses, [
    customerId,
  ])
  const leaves: Leaf[] = []
  const columns: Sql[] = []

  const visit = (node: RuleNode, path: string) => {
    if (isGroup(node)) {
      node.conditions.forEach((child, i) =>
        visit(child, `${path}.conditions[${i}]`)
      )
      return
    }
    const definition = CONDITION_REGISTRY.get(node.type)
    if (!definition) {
      throw new Error(`Condition type ${node.type} is not in the registry`)
    }
    const index = leaves.length
    const predicate = definite(definition.compile(node, { clock, ctes }))
    const reads = ctes.takeReads()
    leaves.push({ path, type: node.type, reads })
    // Aliases are made here from counters, never from the rule.
    columns.push(sql`${predicate} AS ${raw(`held_${index}`)}`)
    reads.forEach((read, j) =>
      columns.push(sql`${read.expression} AS ${raw(`read_${index}_${j}`)}`)
    )
  }
  visit(rule, "rule")

  const conditions = sql`${ctes.renderWith()}SELECT ${join(columns, ", ")} ${customersFrom(ctes.renderJoins(), "all", [customerId])}`
  const verdict = sql`SELECT EXISTS (${compileRule(rule, {
    audience: options.audience,
    timezone: options.timezone,
    orderStatuses: options.orderStatuses,
    customerIds: [customerId],
    now,
  })}) AS matches, EXISTS (SELECT 1 ${customersFrom(raw(""), options.audience, [customerId])}) AS in_audience`

  return { conditions, verdict, leaves }
}

/**
 * Puts the selected row back into the shape of the rule. A group's verdict
 * combines its children's as the compiled `AND` / `OR` / `NOT` does; every
 * condition is two-valued, so this is exact.
 */
export function assembleExplanation(
  rule: RuleGroup,
  leaves: Leaf[],
  row: Record<string, unknown> | undefined
): ExplainedGroup {
  let next = 0
  const build = (node: RuleNode, path: string): ExplainedNode => {
    if (isGroup(node)) {
      const conditions = node.conditions.map((child, i) =>
        build(child, `${path}.conditions[${i}]`)
      )
      const held =
        node.match === "all"
          ? conditions.every((c) => c.held)
          : conditions.some((c) => c.held)
      return {
        kind: "group",
        path,
        match: node.match,
        negate: node.negate ?? false,
        held: node.negate ? !held : held,
        conditions,
      }
    }
    const index = next++
    const leaf = leaves[index]
    const observed = Object.fromEntries(
      leaf.reads.map((read, j) => [read.name, row?.[`read_${index}_${j}`]])
    )
    return {
      kind: "condition",
      path,
      type: leaf.type,
      held: row?.[`held_${index}`] === true,
      observed,
    }
  }
  return build(rule, "rule") as ExplainedGroup
}
