import type { Audience, RefreshMode } from "./constants"

export type CreateCustomerSegmentDTO = {
  name: string
  description?: string | null
  rule: Record<string, unknown>
  refresh_mode?: RefreshMode
  /** Five-field cron expression; required in effect for `scheduled`. */
  cron?: string | null
  is_active?: boolean
  audience?: Audience
  metadata?: Record<string, unknown> | null
}

export type UpdateCustomerSegmentDTO = Partial<CreateCustomerSegmentDTO>

export type CustomerSegmentDTO = {
  id: string
  name: string
  description: string | null
  rule: Record<string, unknown>
  refresh_mode: RefreshMode
  cron: string | null
  is_active: boolean
  audience: Audience
  member_count: number
  last_refreshed_at: Date | null
  metadata: Record<string, unknown> | null
  /** The customer group the plugin keeps equal to the members. */
  customer_group_id: string | null
  created_at: Date
  updated_at: Date
}
