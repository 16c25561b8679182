import { CONDITION_REGISTRY, type ChangeKind } from "./registry"
import { isGroup, type RuleCondition, type RuleNode } from "./types"

function conditionsOf(node: RuleNode): RuleCondition[] {
  return isGroup(node) ? node.conditions.flatMap(conditionsOf) : [node]
}

/** The kinds of change that can move a customer in or out of the rule. */
export function changeKindsOf(rule: RuleNode): Set<ChangeKind> {
  return new Set(
    conditionsOf(rule).flatMap((condition) => {
      const definition = CONDITION_REGISTRY.get(condition.type)
      return definition ? [definition.reads] : []
    })
  )
}

const RELATIVE_OPERATORS = new Set(["within_last", "not_within_last"])

/**
 * Whether time alone can change the result: a window counted back from
 * today, a "within the last" date, or days since the last order. Such
 * real-time segments also need a daily refresh.
 */
export function dependsOnTime(rule: RuleNode): boolean {
  return conditionsOf(rule).some(
    (c) =>
      (c.window !== undefined && "last" in c.window) ||
      RELATIVE_OPERATORS.has(c.operator) ||
      c.type === "days_since_last_order" ||
      c.type === "cart_idle_hours"
  )
}

/** Every `in_segment` condition of a rule, with its path in the tree. */
export function segmentReferences(
  rule: RuleNode,
  path = "rule"
): { path: string; ids: string[] }[] {
  if (isGroup(rule)) {
    return rule.conditions.flatMap((child, i) =>
      segmentReferences(child, `${path}.conditions[${i}]`)
    )
  }
  return rule.type === "in_segment"
    ? [{ path: `${path}.value`, ids: rule.value as string[] }]
    : []
}
