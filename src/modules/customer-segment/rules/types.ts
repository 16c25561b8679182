export const WINDOW_UNITS = ["days", "weeks", "months", "years"] as const
export type WindowUnit = (typeof WINDOW_UNITS)[number]

/** A span relative to the moment of evaluation: "the last 30 days". */
export type RelativeSpan = { amount: number; unit: WindowUnit }

/**
 * Which orders an aggregate looks at. Bounds are whole days in the store's
 * timezone; `to` is inclusive.
 */
export type Window = { last: RelativeSpan } | { from?: string; to?: string }

export type RuleCondition = {
  type: string
  operator: string
  value?: unknown
  window?: Window
  currency?: string
  /** Metadata conditions only: the metadata key and how to read its value. */
  key?: string
  value_type?: "text" | "number" | "boolean" | "date"
  /** Purchase conditions only: how many orders must contain the item. */
  min_times?: number
}

export type RuleGroup = {
  match: "all" | "any"
  negate?: boolean
  conditions: RuleNode[]
}

export type RuleNode = RuleGroup | RuleCondition

export const isGroup = (node: RuleNode): node is RuleGroup =>
  Array.isArray((node as RuleGroup).conditions)
