import { TZDate } from "@date-fns/tz"
import {
  addDays,
  format,
  startOfDay,
  subDays,
  subMonths,
  subWeeks,
  subYears,
} from "date-fns"
import type { RelativeSpan, WindowUnit } from "../types"

/**
 * The clock of one evaluation: every relative bound of a rule is computed
 * from the same instant, in the store's timezone, so a statement never mixes
 * two notions of "today".
 */
export class EvaluationClock {
  readonly today: TZDate

  constructor(
    readonly now: Date,
    readonly timezone: string
  ) {
    this.today = startOfDay(new TZDate(now, timezone))
  }

  /** Start of the calendar day `YYYY-MM-DD` in the store's timezone. */
  startOf(day: string): Date {
    const [year, month, date] = day.split("-").map(Number)
    return new Date(+new TZDate(year, month - 1, date, this.timezone))
  }

  /** Start of the day after `YYYY-MM-DD`: the exclusive end of that day. */
  endOf(day: string): Date {
    const [year, month, date] = day.split("-").map(Number)
    const start = new TZDate(year, month - 1, date, this.timezone)
    return new Date(+addDays(start, 1))
  }

  /**
   * Start of the day `span` before today: "the last 30 days" on 3 December
   * begins on 3 November at 00:00 and runs to the moment of evaluation.
   */
  since(span: RelativeSpan): Date {
    return new Date(+SUBTRACT[span.unit](this.today, span.amount))
  }

  /** `since(span)` as a calendar date, for values stored as `YYYY-MM-DD`. */
  sinceDay(span: RelativeSpan): string {
    return format(SUBTRACT[span.unit](this.today, span.amount), "yyyy-MM-dd")
  }

  /** Today's calendar date in the store's timezone. */
  todayDay(): string {
    return format(this.today, "yyyy-MM-dd")
  }

  /** The calendar day after `YYYY-MM-DD`. */
  static nextDay(day: string): string {
    const [year, month, date] = day.split("-").map(Number)
    const next = new Date(Date.UTC(year, month - 1, date + 1))
    return next.toISOString().slice(0, 10)
  }
}

const SUBTRACT = {
  days: subDays,
  weeks: subWeeks,
  months: subMonths,
  years: subYears,
} satisfies Record<WindowUnit, (date: TZDate, amount: number) => TZDate>
