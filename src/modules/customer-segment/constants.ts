/** Key the module is registered under in the Medusa container. */
export const CUSTOMER_SEGMENT_MODULE = "customer_segment"

/** Logger context, so every line the plugin writes can be filtered. */
export const LOG_CONTEXT = "customer-segments"

export const REFRESH_MODES = ["manual", "scheduled", "realtime"] as const
export type RefreshMode = (typeof REFRESH_MODES)[number]

export const AUDIENCES = ["registered", "guests", "all"] as const
export type Audience = (typeof AUDIENCES)[number]

export const REFRESH_TRIGGERS = [
  "manual",
  "scheduled",
  "realtime",
  "created",
  "updated",
  "cli",
] as const
export type RefreshTrigger = (typeof REFRESH_TRIGGERS)[number]

/** Where a row of the order-history read model came from. */
export const ORDER_SOURCES = ["medusa", "import"] as const
export type OrderSource = (typeof ORDER_SOURCES)[number]
