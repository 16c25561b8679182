import { CronExpressionParser } from "cron-parser"

/** Whether `value` is a five-field cron expression (no seconds field). */
export function isCron(value: string): boolean {
  if (value.trim().split(/\s+/).length !== 5) {
    return false
  }
  try {
    CronExpressionParser.parse(value)
    return true
  } catch {
    return false
  }
}

/** The latest time at or before `now` that `cron` fires, in `timezone`. */
export function lastFiring(cron: string, timezone: string, now: Date): Date {
  // cron-parser's prev() is strictly before its current date, so start one
  // second after `now` to include a firing at exactly `now`.
  const expression = CronExpressionParser.parse(cron, {
    tz: timezone,
    currentDate: new Date(now.getTime() + 1000),
  })
  return expression.prev().toDate()
}

/** The next `count` times `cron` fires after `now`, in `timezone`. */
export function nextFirings(
  cron: string,
  timezone: string,
  now: Date,
  count: number
): Date[] {
  const expression = CronExpressionParser.parse(cron, {
    tz: timezone,
    currentDate: now,
  })
  return expression.take(count).map((date) => date.toDate())
}
