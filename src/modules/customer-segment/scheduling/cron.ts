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
  // cron-parser 5's prev() is strictly before its start and misses a firing
  // that a DST gap moved (02:00 on the spring-forward day, which next()
  // moves to 03:00): step back once, then walk forward to `now`.
  let last = CronExpressionParser.parse(cron, {
    tz: timezone,
    currentDate: now,
  })
    .prev()
    .toDate()
  const forward = CronExpressionParser.parse(cron, {
    tz: timezone,
    currentDate: last,
  })
  for (let next = forward.next().toDate(); next <= now;) {
    last = next
    next = forward.next().toDate()
  }
  return last
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
