// Shapes of the plugin's admin API, as the pages read them.

import type {
  Audience,
  RefreshMode,
} from "../../modules/customer-segment/constants"
import type { RuleGroup } from "../../modules/customer-segment/rules/types"

// The rule tree and its enums are the module's own, so the builder and the
// validator cannot disagree on their shape.
export type {
  Audience,
  RefreshMode,
} from "../../modules/customer-segment/constants"
export type {
  RelativeSpan,
  RuleCondition,
  RuleGroup,
  RuleNode,
  Window,
  WindowUnit,
} from "../../modules/customer-segment/rules/types"
export { isGroup } from "../../modules/customer-segment/rules/types"

export type Segment = {
  id: string
  name: string
  description: string | null
  rule: RuleGroup
  refresh_mode: RefreshMode
  cron: string | null
  is_active: boolean
  audience: Audience
  member_count: number
  last_refreshed_at: string | null
  metadata: Record<string, unknown> | null
  /** The Medusa customer group the plugin keeps in step with the members. */
  customer_group_id: string | null
  created_at: string
  updated_at: string
}

export type SegmentInput = Pick<
  Segment,
  "name" | "rule" | "refresh_mode" | "is_active" | "audience"
> & { description: string | null; cron: string | null }

/** `value` of an operator: what shape its value takes. */
export type ValueShape = "none" | "single" | "pair" | "list" | "span"

export type CatalogueOperator = { id: string; label: string; value: ValueShape }

export type CatalogueEntry = {
  type: string
  label: string
  category: string
  field: string
  value_type: string
  unit: string | null
  window: boolean
  currency: "required" | "optional" | "none"
  picker: string | null
  operators: CatalogueOperator[]
  value_types?: Record<string, CatalogueOperator[]>
  extra_fields: string[]
}

export type Member = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  has_account: boolean
  member_since: string
}

export type Refresh = {
  id: string
  trigger: string
  started_at: string
  finished_at: string | null
  added: number
  removed: number
  total: number
  error: string | null
}

export type Preview = {
  count: number
  customers: Omit<Member, "member_since">[]
  added: number | null
  removed: number | null
}

export type ExplainedCondition = {
  kind: "condition"
  path: string
  type: string
  held: boolean
  observed: Record<string, unknown>
}

export type ExplainedGroup = {
  kind: "group"
  path: string
  match: "all" | "any"
  negate: boolean
  held: boolean
  conditions: (ExplainedGroup | ExplainedCondition)[]
}

export type ExplainedCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  created_at: string
  metadata: Record<string, unknown> | null
  groups?: { id: string; name: string }[]
  addresses?: Record<string, string | null>[]
}

export type Explanation = {
  customer_id: string
  in_audience: boolean
  matches: boolean
  is_member: boolean
  member_since: string | null
  rule: ExplainedGroup
  customer: ExplainedCustomer
}

export type ListResponse<K extends string, T> = {
  [key in K]: T[]
} & { count: number; offset: number; limit: number }
