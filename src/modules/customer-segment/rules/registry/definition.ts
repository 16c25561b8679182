import type { z } from "@medusajs/framework/zod"
import type { CteCollector } from "../compiler/ctes"
import type { Sql } from "../compiler/sql"
import type { EvaluationClock } from "../compiler/time"
import type { ValueKind } from "../operators"
import type { RuleCondition } from "../types"

export const CONDITION_CATEGORIES = [
  "customer",
  "order_history",
  "purchases",
  "cart",
  "browsing",
  "segments",
] as const
export type ConditionCategory = (typeof CONDITION_CATEGORIES)[number]

/** What the admin builder should offer to pick a value from. */
export type ValuePicker =
  | "product"
  | "variant"
  | "category"
  | "collection"
  | "type"
  | "tag"
  | "customer_group"
  | "country"
  | "segment"

/**
 * What kind of change can alter the result of a condition. Real-time
 * segments are re-evaluated for a customer only on changes of the kinds
 * their rule reads: a name change never re-evaluates a spend segment.
 */
export const CHANGE_KINDS = [
  "customer",
  "customer_address",
  "customer_group",
  "orders",
  "cart",
  "browsing",
  "segment",
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export type CompileContext = {
  clock: EvaluationClock
  ctes: CteCollector
}

/**
 * One entry of the closed registry of condition types. The validator, the
 * compiler and `GET /admin/customer-segments/conditions` are all generated
 * from these entries, so they cannot disagree.
 */
export type ConditionDefinition = {
  type: string
  label: string
  category: ConditionCategory
  /** The kind of change that can alter this condition's result. */
  reads: ChangeKind
  /** What the condition reads, for people: "customer.email", "orders.net_total". */
  field: string
  kind: ValueKind
  /** Narrows the operators of `kind`; all of them when left out. */
  operators?: readonly string[]
  /** Unit of a numeric value: "orders", "days", "currency". */
  unit?: string
  window?: boolean
  currency?: "required" | "optional"
  picker?: ValuePicker
  /** Narrows each item of a list value (ISO country codes, say). */
  itemSchema?: z.ZodType
  /** Extra fields a condition of this type carries, beside type/operator/value. */
  extra?: Record<string, z.ZodType>
  /** Resolves the value kind from the condition itself (metadata conditions). */
  kindOf?: (condition: RuleCondition) => ValueKind
  /** A boolean SQL predicate over the customer row `c`. */
  compile: (condition: RuleCondition, context: CompileContext) => Sql
}
