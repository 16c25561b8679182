import type { DateOperator, NumberOperator, TextOperator } from "../operators"
import type { RelativeSpan } from "../types"
import { raw, sql, Sql } from "./sql"
import { EvaluationClock } from "./time"

/**
 * Text comparisons are case-insensitive and never use LIKE, so `%` and `_`
 * in a merchant's value mean themselves. A missing value reads as "" for the
 * negative operators: "email does not contain x" holds for a customer with
 * no email.
 */
export function textPredicate(
  column: Sql,
  operator: TextOperator,
  value: unknown
): Sql {
  const lowered = sql`lower(${column})`
  const blank = sql`coalesce(lower(${column}), '')`

  switch (operator) {
    case "eq":
      return sql`${lowered} = lower(${value}::text)`
    case "neq":
      return sql`${blank} <> lower(${value}::text)`
    case "contains":
      return sql`strpos(${lowered}, lower(${value}::text)) > 0`
    case "not_contains":
      return sql`strpos(${blank}, lower(${value}::text)) = 0`
    case "starts_with":
      return sql`starts_with(${lowered}, lower(${value}::text))`
    case "ends_with":
      return sql`right(${lowered}, char_length(${value}::text)) = lower(${value}::text)`
    case "in":
      return sql`${lowered} = ANY(${lowerAll(value)}::text[])`
    case "not_in":
      return sql`NOT (${blank} = ANY(${lowerAll(value)}::text[]))`
    case "is_set":
      return sql`coalesce(${column}, '') <> ''`
    case "is_not_set":
      return sql`coalesce(${column}, '') = ''`
    default:
      return assertNever(operator)
  }
}

/** The operator whose negation a negative text operator is. */
export const POSITIVE_TEXT_OPERATOR: Partial<
  Record<TextOperator, TextOperator>
> = {
  neq: "eq",
  not_contains: "contains",
  not_in: "in",
  is_not_set: "is_set",
}

export function numberPredicate(
  expression: Sql,
  operator: NumberOperator,
  value: unknown
): Sql {
  switch (operator) {
    case "eq":
      return sql`${expression} = ${value}::numeric`
    case "neq":
      return sql`${expression} <> ${value}::numeric`
    case "gt":
      return sql`${expression} > ${value}::numeric`
    case "gte":
      return sql`${expression} >= ${value}::numeric`
    case "lt":
      return sql`${expression} < ${value}::numeric`
    case "lte":
      return sql`${expression} <= ${value}::numeric`
    case "between": {
      const [min, max] = value as [number, number]
      return sql`${expression} BETWEEN ${min}::numeric AND ${max}::numeric`
    }
    default:
      return assertNever(operator)
  }
}

/**
 * `instant` compares a timestamptz with the start of days in the store's
 * timezone; `day` compares a `YYYY-MM-DD` text (such as a metadata date of
 * birth) with calendar dates, as text, which orders ISO dates correctly and
 * cannot fail on a malformed value.
 */
export function datePredicate(
  expression: Sql,
  operator: DateOperator,
  value: unknown,
  clock: EvaluationClock,
  mode: "instant" | "day"
): Sql {
  const start = (day: string) =>
    mode === "instant"
      ? sql`${clock.startOf(day).toISOString()}::timestamptz`
      : sql`${day}::text`
  const end = (day: string) =>
    mode === "instant"
      ? sql`${clock.endOf(day).toISOString()}::timestamptz`
      : sql`${EvaluationClock.nextDay(day)}::text`
  const since = (span: RelativeSpan) =>
    mode === "instant"
      ? sql`${clock.since(span).toISOString()}::timestamptz`
      : sql`${clock.sinceDay(span)}::text`

  switch (operator) {
    case "before":
      return sql`${expression} < ${start(value as string)}`
    case "after":
      return sql`${expression} >= ${end(value as string)}`
    case "on":
      return sql`(${expression} >= ${start(value as string)} AND ${expression} < ${end(value as string)})`
    case "between": {
      const [from, to] = value as [string, string]
      return sql`(${expression} >= ${start(from)} AND ${expression} < ${end(to)})`
    }
    case "within_last":
      return sql`${expression} >= ${since(value as RelativeSpan)}`
    case "not_within_last":
      return sql`${expression} < ${since(value as RelativeSpan)}`
    default:
      return assertNever(operator)
  }
}

export function booleanPredicate(expression: Sql, value: unknown): Sql {
  return sql`${expression} = ${value === true}::boolean`
}

/**
 * Every condition is made two-valued, so that NOT over a group containing a
 * NULL comparison still includes the customers it should.
 */
export function definite(predicate: Sql): Sql {
  return sql`coalesce((${predicate}), false)`
}

export const TRUE = raw("true")

function lowerAll(value: unknown): string[] {
  return (value as string[]).map((v) => v.toLowerCase())
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`)
}
