import { z } from "@medusajs/framework/zod"
import { WINDOW_UNITS } from "./types"

/** The kinds of value a condition compares; each has a closed operator set. */
export const VALUE_KINDS = [
  "text",
  "number",
  "money",
  "date",
  "boolean",
  "id_list",
  "purchase",
  "view",
] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

const TEXT_OPERATORS = [
  "eq",
  "neq",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "in",
  "not_in",
  "is_set",
  "is_not_set",
] as const
const NUMBER_OPERATORS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
] as const
const DATE_OPERATORS = [
  "before",
  "after",
  "on",
  "between",
  "within_last",
  "not_within_last",
] as const

export const OPERATORS = {
  text: TEXT_OPERATORS,
  number: NUMBER_OPERATORS,
  money: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  boolean: ["is"],
  id_list: ["in", "not_in"],
  purchase: ["bought", "not_bought"],
  view: ["viewed", "not_viewed"],
} as const satisfies Record<ValueKind, readonly string[]>

export type TextOperator = (typeof TEXT_OPERATORS)[number]
export type NumberOperator = (typeof NUMBER_OPERATORS)[number]
export type DateOperator = (typeof DATE_OPERATORS)[number]

/** Human labels, used by the catalogue and by readable rule summaries. */
export const OPERATOR_LABELS: Record<string, string> = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  in: "is any of",
  not_in: "is none of",
  is_set: "is set",
  is_not_set: "is not set",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  between: "is between",
  before: "is before",
  after: "is after",
  on: "is on",
  within_last: "is within the last",
  not_within_last: "is more than ago",
  is: "is",
  bought: "bought",
  not_bought: "never bought",
  viewed: "viewed",
  not_viewed: "never viewed",
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(isRealDay, "must be a real calendar date")
  // Bounds are computed as the start of the next day, which Postgres cannot
  // represent after year 9999.
  .refine((d) => d >= "1000-01-01" && d <= "9998-12-31", {
    message: "must be between 1000-01-01 and 9998-12-31",
  })

export const spanSchema = z
  .object({
    amount: z.number().int().positive().max(36500),
    unit: z.enum(WINDOW_UNITS),
  })
  .strict()

const text = z.string().min(1).max(500)
const textList = z.array(text).min(1, "must list at least one value").max(500)
const finite = z.number().refine(Number.isFinite, "must be a finite number")

// Own keys only: an operator named "constructor" must not find a schema on
// the object prototype.
export function valueSchemaOf(
  kind: ValueKind,
  operator: string
): z.ZodType | null | undefined {
  const schemas = VALUE_SCHEMAS[kind]
  return Object.prototype.hasOwnProperty.call(schemas, operator)
    ? schemas[operator]
    : undefined
}

const ordered = <T extends z.ZodType<number> | z.ZodType<string>>(item: T) =>
  z
    .tuple([item, item])
    .refine(([a, b]) => (a as number | string) <= (b as number | string), {
      message: "the first bound must not be greater than the second",
    })

/** The value schema of an operator, or null when it takes no value. */
export const VALUE_SCHEMAS: Record<
  ValueKind,
  Record<string, z.ZodType | null>
> = {
  text: {
    eq: text,
    neq: text,
    contains: text,
    not_contains: text,
    starts_with: text,
    ends_with: text,
    in: textList,
    not_in: textList,
    is_set: null,
    is_not_set: null,
  },
  number: numberSchemas(finite),
  money: numberSchemas(finite.refine((n) => n >= 0, "must not be negative")),
  date: {
    before: day,
    after: day,
    on: day,
    between: ordered(day),
    within_last: spanSchema,
    not_within_last: spanSchema,
  },
  boolean: { is: z.boolean() },
  id_list: { in: textList, not_in: textList },
  purchase: { bought: textList, not_bought: textList },
  view: { viewed: textList, not_viewed: textList },
}

function numberSchemas(item: z.ZodType<number>) {
  return {
    eq: item,
    neq: item,
    gt: item,
    gte: item,
    lt: item,
    lte: item,
    between: ordered(item),
  }
}

function isRealDay(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number)
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 19xx.
  date.setUTCFullYear(y, m - 1, d)
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  )
}

export const daySchema = day
