import type {
  CatalogueEntry,
  CatalogueOperator,
  RuleCondition,
  RuleGroup,
  RuleNode,
} from "./types"
import { isGroup } from "./types"

/*
 * The builder edits a copy of the rule in which every node carries a key,
 * so React can keep inputs stable while nodes move, and so a validation
 * message at `rule.conditions[1].conditions[0]` can be shown next to the
 * node that sits there.
 */

export type DraftCondition = { key: string; condition: RuleCondition }
export type DraftGroup = {
  key: string
  match: "all" | "any"
  negate: boolean
  children: DraftNode[]
}
export type DraftNode = DraftGroup | DraftCondition

export const isDraftGroup = (node: DraftNode): node is DraftGroup =>
  "children" in node

let counter = 0
const nextKey = () => `n${++counter}`

export const toDraft = (node: RuleGroup): DraftGroup => ({
  key: nextKey(),
  match: node.match,
  negate: node.negate ?? false,
  children: node.conditions.map((child: RuleNode) =>
    isGroup(child)
      ? toDraft(child)
      : { key: nextKey(), condition: { ...child } }
  ),
})

export const toRule = (group: DraftGroup): RuleGroup => ({
  match: group.match,
  ...(group.negate && { negate: true }),
  conditions: group.children.map((child) =>
    isDraftGroup(child) ? toRule(child) : child.condition
  ),
})

export const emptyGroup = (children: DraftNode[] = []): DraftGroup => ({
  key: nextKey(),
  match: "all",
  negate: false,
  children,
})

/** The operators of a condition; metadata ones depend on its value type. */
export const operatorsOf = (
  entry: CatalogueEntry,
  condition: RuleCondition
): CatalogueOperator[] =>
  entry.value_types
    ? (entry.value_types[condition.value_type ?? "text"] ?? entry.operators)
    : entry.operators

/** The value kind a condition compares ("text", "money", "date", ...). */
export const valueKindOf = (
  entry: CatalogueEntry,
  condition: RuleCondition
): string =>
  entry.value_types ? (condition.value_type ?? "text") : entry.value_type

const today = () => new Date().toISOString().slice(0, 10)

/** A value that fits `operator`, so a new condition starts out valid-ish. */
export const defaultValue = (
  kind: string,
  operator: CatalogueOperator
): unknown => {
  switch (operator.value) {
    case "none":
      return undefined
    case "list":
      return []
    case "span":
      return { amount: 30, unit: "days" }
    case "pair":
      if (kind === "date") {
        return [today(), today()]
      }
      return [0, 100]
    case "single":
      if (kind === "number" || kind === "money") {
        return 1
      }
      if (kind === "date") {
        return today()
      }
      if (kind === "boolean") {
        return true
      }
      return ""
  }
}

export const newCondition = (
  entry: CatalogueEntry,
  currencies: string[]
): RuleCondition => {
  // "At least" is what merchants mean by a number far more often than "is".
  const operator =
    entry.operators.find((o) => o.id === "gte") ?? entry.operators[0]
  const condition: RuleCondition = {
    type: entry.type,
    operator: operator.id,
  }
  const value = defaultValue(entry.value_type, operator)
  if (value !== undefined) {
    condition.value = value
  }
  if (entry.currency === "required") {
    condition.currency = currencies[0] ?? "usd"
  }
  if (entry.extra_fields.includes("key")) {
    condition.key = ""
    condition.value_type = "text"
  }
  return condition
}

/** Replaces the node with `key` by what `update` makes of it. */
export const updateNode = (
  group: DraftGroup,
  key: string,
  update: (node: DraftNode) => DraftNode | null
): DraftGroup => {
  const children = group.children.flatMap((child) => {
    if (child.key === key) {
      const next = update(child)
      return next ? [next] : []
    }
    return isDraftGroup(child) ? [updateNode(child, key, update)] : [child]
  })
  return { ...group, children }
}

/** Moves the node with `key` one place up (-1) or down (+1) among siblings. */
export const moveNode = (
  group: DraftGroup,
  key: string,
  by: -1 | 1
): DraftGroup => {
  const index = group.children.findIndex((child) => child.key === key)
  if (index !== -1) {
    const target = index + by
    if (target < 0 || target >= group.children.length) {
      return group
    }
    const children = [...group.children]
    ;[children[index], children[target]] = [children[target], children[index]]
    return { ...group, children }
  }
  return {
    ...group,
    children: group.children.map((child) =>
      isDraftGroup(child) ? moveNode(child, key, by) : child
    ),
  }
}

export type NodeIssues = Record<string, string[]>

/**
 * Splits the server's 400 message ("Invalid rule: rule.conditions[0].value:
 * must ...; rule.conditions[1]...: ...") into messages per node key. A
 * message whose path names no node lands on the root group.
 */
export const issuesByNode = (root: DraftGroup, message: string): NodeIssues => {
  const body = message.replace(/^Invalid rule:\s*/, "")
  const parts = body.split(/;\s(?=rule[.[:\s])/)
  const issues: NodeIssues = {}
  for (const part of parts) {
    const match =
      /^(rule(?:\.conditions\[\d+\])*)((?:\.[\w[\]]+)*):\s(.*)$/s.exec(
        part.trim()
      )
    if (!match) {
      ;(issues[root.key] ??= []).push(part.trim())
      continue
    }
    const [, nodePath, field, text] = match
    const key = keyAt(root, nodePath) ?? root.key
    const where = field.replace(/^\./, "").replace(/^conditions$/, "")
    ;(issues[key] ??= []).push(where ? `${where}: ${text}` : text)
  }
  return issues
}

const keyAt = (root: DraftGroup, path: string): string | null => {
  const indices = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
  let node: DraftNode = root
  for (const index of indices) {
    if (!isDraftGroup(node) || !node.children[index]) {
      return null
    }
    node = node.children[index]
  }
  return node.key
}

export const countConditions = (group: DraftGroup): number =>
  group.children.reduce(
    (sum, child) => sum + (isDraftGroup(child) ? countConditions(child) : 1),
    0
  )
