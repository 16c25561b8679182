import { dependsOnTime } from "../rules/analysis"
import type { RuleGroup } from "../rules/types"
import { lastFiring } from "./cron"

export type SchedulableSegment = {
  id: string
  refresh_mode: string
  cron: string | null
  rule: unknown
  is_active: boolean
  last_refreshed_at: Date | string | null
  created_at: Date | string
}

export type ScheduleOptions = {
  timezone: string
  defaultCron: string
  dailyRefreshCron: string
}

/**
 * Segments whose schedule fired since their last full refresh: scheduled
 * segments on their own cron, real-time segments whose rule depends on time
 * alone on the daily cron. A segment never refreshed is due once its
 * schedule has fired after it was created.
 */
export function dueSegments(
  segments: SchedulableSegment[],
  options: ScheduleOptions,
  now: Date
): string[] {
  return segments
    .filter((segment) => {
      const cron = cronOf(segment, options)
      if (!segment.is_active || !cron) {
        return false
      }
      const fired = lastFiring(cron, options.timezone, now)
      const since = new Date(segment.last_refreshed_at ?? segment.created_at)
      return fired > since
    })
    .map((segment) => segment.id)
}

function cronOf(
  segment: SchedulableSegment,
  options: ScheduleOptions
): string | null {
  switch (segment.refresh_mode) {
    case "scheduled":
      return segment.cron ?? options.defaultCron
    case "realtime":
      return dependsOnTime(segment.rule as RuleGroup)
        ? options.dailyRefreshCron
        : null
    default:
      return null
  }
}
