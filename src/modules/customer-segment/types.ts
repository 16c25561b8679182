import type { Audience, RefreshMode, RefreshTrigger } from "./constants"

/** Options of the plugin, as written in `medusa-config.ts`. */
export type CustomerSegmentsOptions = {
  /**
   * IANA timezone that whole-day date conditions are evaluated in.
   * @defaultValue "UTC"
   */
  timezone?: string
  /**
   * Order statuses that count towards order history. `canceled` and `draft`
   * are never allowed.
   * @defaultValue ["pending", "completed", "archived", "requires_action"]
   */
  orderStatuses?: string[]
  limits?: {
    /** @defaultValue 5 */
    maxDepth?: number
    /** @defaultValue 50 */
    maxConditions?: number
    /** Statement timeout of `POST /preview`, in milliseconds. @defaultValue 5000 */
    previewTimeoutMs?: number
    /**
     * Postgres `work_mem` for the refresh transaction, so per-customer
     * aggregates stay in memory. @defaultValue "64MB"
     */
    refreshWorkMem?: string
  }
  /**
   * Refresh a segment in the background when it is created or its rule
   * changes. @defaultValue true
   */
  refreshOnSave?: boolean
  /**
   * Cron expression (store timezone) of scheduled segments that set none.
   * @defaultValue "0 2 * * *"
   */
  defaultCron?: string
  activity?: {
    /** Days a product or category view is kept. @defaultValue 90 */
    retentionDays?: number
    /**
     * Views and wishlist changes one customer may record per minute, per
     * server process. @defaultValue 120
     */
    ratePerMinute?: number
  }
  realtime?: {
    /**
     * How long to wait after a change before re-evaluating the customer, so
     * a burst of events leads to one evaluation. @defaultValue 250
     */
    debounceMs?: number
    /**
     * When real-time segments whose rules depend on time alone ("in the last
     * 30 days") are fully refreshed. @defaultValue "0 3 * * *"
     */
    dailyRefreshCron?: string
  }
}

export type ResolvedOptions = {
  timezone: string
  orderStatuses: string[]
  limits: {
    maxDepth: number
    maxConditions: number
    previewTimeoutMs: number
    refreshWorkMem: string
  }
  refreshOnSave: boolean
  defaultCron: string
  realtime: { debounceMs: number; dailyRefreshCron: string }
  activity: { retentionDays: number; ratePerMinute: number }
}

export type RefreshResult = {
  segment_id: string
  /** The history row; null for a real-time evaluation that changed nothing. */
  refresh_id: string | null
  added: number
  removed: number
  total: number
  /** Customers who joined and who left, for `customer_segment.*` events. */
  added_ids: string[]
  removed_ids: string[]
  duration_ms: number
}

export type { Audience, RefreshMode, RefreshTrigger }

/** One order of the order-history read model, with all its lines. */
export type OrderHistoryInput = {
  id: string
  customer_id: string
  email?: string | null
  placed_at: Date | string
  currency_code: string
  /** Order total in major units (10.5 is 10.50). */
  total: number | string
  refunded_total?: number | string
  /**
   * What the customer spent on the order; `total - refunded_total` when left
   * out. Medusa orders pass their own `total`, which already deducts refunds.
   */
  net_total?: number | string
  status: string
  source: "medusa" | "import"
  lines: OrderHistoryLineInput[]
}

export type OrderHistoryLineInput = {
  product_id?: string | null
  variant_id?: string | null
  product_title?: string | null
  category_ids?: string[]
  collection_id?: string | null
  type_id?: string | null
  tag_ids?: string[]
  quantity: number
  amount: number | string
}

export type ActivityKind = "product_view" | "category_view"

export type ActivityInput = {
  customer_id: string
  kind: ActivityKind
  product_id?: string | null
  category_id?: string | null
}

export type ActivityRecord = Required<ActivityInput> & {
  id: string
  created_at: Date
}

export type WishlistItem = {
  customer_id: string
  product_id: string
  created_at: Date
}
