import { z } from "@medusajs/framework/zod"
import { isCron } from "./scheduling/cron"
import type { CustomerSegmentsOptions, ResolvedOptions } from "./types"

// Statuses a store may count. `canceled` never counts (canceled orders are
// not history), nor `draft` (not yet an order).
const COUNTABLE_STATUSES = [
  "pending",
  "completed",
  "archived",
  "requires_action",
] as const

const cron = z.string().refine(isCron, {
  error: (i) =>
    `${JSON.stringify(i.input)} is not a five-field cron expression such as "0 2 * * *"`,
})

const optionsSchema = z
  .object({
    timezone: z
      .string()
      .refine(isTimezone, {
        error: (i) =>
          `timezone ${JSON.stringify(i.input)} is not an IANA timezone such as "Europe/Berlin"`,
      })
      .default("UTC"),
    orderStatuses: z
      .array(z.enum(COUNTABLE_STATUSES))
      .min(1)
      .default([...COUNTABLE_STATUSES]),
    limits: z
      .object({
        maxDepth: z.number().int().min(1).max(20).default(5),
        maxConditions: z.number().int().min(1).max(1000).default(50),
        previewTimeoutMs: z.number().int().min(100).max(600000).default(5000),
        refreshWorkMem: z
          .string()
          .regex(/^[1-9][0-9]*(kB|MB|GB)$/, {
            error: (i) =>
              `refreshWorkMem ${JSON.stringify(i.input)} must be a Postgres memory size such as "64MB"`,
          })
          .default("64MB"),
      })
      .strict()
      .default({
        maxDepth: 5,
        maxConditions: 50,
        previewTimeoutMs: 5000,
        refreshWorkMem: "64MB",
      }),
    refreshOnSave: z.boolean().default(true),
    defaultCron: cron.default("0 2 * * *"),
    realtime: z
      .object({
        debounceMs: z.number().int().min(0).max(60000).default(250),
        dailyRefreshCron: cron.default("0 3 * * *"),
      })
      .strict()
      .default({ debounceMs: 250, dailyRefreshCron: "0 3 * * *" }),
    activity: z
      .object({
        retentionDays: z.number().int().min(1).max(3650).default(90),
        ratePerMinute: z.number().int().min(1).max(100000).default(120),
      })
      .strict()
      .default({ retentionDays: 90, ratePerMinute: 120 }),
  })
  .strip()

/**
 * Validates the plugin options once, at start-up, so a typo in
 * `medusa-config.ts` stops the store with a message naming the option rather
 * than surfacing at the first refresh.
 */
export function resolveOptions(
  options: CustomerSegmentsOptions | undefined
): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "options"}: ${i.message}`)
      .join("; ")
    throw new Error(
      `medusa-customer-segments: invalid plugin options: ${problems}`
    )
  }
  return parsed.data
}

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value })
    return true
  } catch {
    return false
  }
}
