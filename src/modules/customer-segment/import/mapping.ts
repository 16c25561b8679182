import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { format } from "date-fns"

const column = z.string().trim().min(1, "must name a CSV column")

/**
 * CSV columns an import reads, by what they hold. Each value is a header of
 * the file, matched exactly (after trimming). A CSV row is one order line.
 */
const columnsSchema = z
  .object({
    order_id: column,
    order_date: column,
    customer_email: column.optional(),
    /** Kept in the customer's `metadata.external_id` and matched there. */
    customer_external_id: column.optional(),
    /** Split at the first space into first and last name. */
    customer_name: column.optional(),
    customer_first_name: column.optional(),
    customer_last_name: column.optional(),
    product_id: column.optional(),
    product_name: column.optional(),
    /** A product category name or handle, matched case-insensitively. */
    category: column.optional(),
    /** Whole units; 1 when not mapped. */
    quantity: column.optional(),
    /** The line amount in major units; 0 when not mapped. */
    amount: column.optional(),
    currency: column.optional(),
    /** ISO 3166-1 alpha-2 code or English country name. */
    country: column.optional(),
    province: column.optional(),
    city: column.optional(),
    postal_code: column.optional(),
  })
  .strict()

export type OrderCsvColumn = keyof z.infer<typeof columnsSchema>

const dateFormat = z
  .string()
  .min(1)
  .refine(isDateFormat, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a date-fns format such as "M/d/yyyy" (years are y, days d)`,
  })

// Strict before refined: a refined schema would silently drop unknown keys,
// and a misspelt key must be an error, not an ignored column.
export const orderCsvMappingSchema = z
  .object({
    columns: columnsSchema,
    /** date-fns formats tried in order; a date matching none rejects the row. */
    date_formats: z.array(dateFormat).min(1, "must list at least one format"),
    /** Currency of every line, or of lines whose currency cell is empty. */
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 code")
      .optional(),
    /** IANA timezone the dates are read in; the plugin's `timezone` if unset. */
    timezone: z
      .string()
      .refine(isTimezone, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not an IANA timezone such as "Europe/Berlin"`,
      })
      .optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const { columns } = mapping
    if (!columns.customer_email && !columns.customer_external_id) {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "customer_email"],
        message:
          "map customer_email or customer_external_id (or both) to identify customers",
      })
    }
    if (!columns.currency && !mapping.currency_code) {
      ctx.addIssue({
        code: "custom",
        path: ["currency_code"],
        message: "set currency_code or map columns.currency",
      })
    }
    if (
      columns.customer_name &&
      (columns.customer_first_name || columns.customer_last_name)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "customer_name"],
        message:
          "map customer_name or customer_first_name/customer_last_name, not both",
      })
    }
  })

/** How the columns of a CSV file map onto orders, lines and customers. */
export type OrderCsvMapping = z.infer<typeof orderCsvMappingSchema>

/**
 * Returns the mapping typed, or throws INVALID_DATA naming every bad field,
 * such as `mapping.date_formats[1]: "YYYY" is not a date-fns format`.
 */
export function validateOrderCsvMapping(input: unknown): OrderCsvMapping {
  const parsed = orderCsvMappingSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
      .join("; ")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid order CSV mapping: ${problems}`
    )
  }
  return parsed.data
}

/** Throws INVALID_DATA when a mapped column is not in the file's header. */
export function assertColumnsInHeader(
  mapping: OrderCsvMapping,
  header: string[]
): void {
  const present = new Set(header)
  const missing = Object.entries(mapping.columns).filter(
    ([, name]) => name !== undefined && !present.has(name)
  )
  if (!missing.length) {
    return
  }
  const problems = missing
    .map(
      ([field, name]) =>
        `mapping.columns.${field}: column ${JSON.stringify(name)} is not in the CSV header`
    )
    .join("; ")
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${problems}; the header has: ${header.join(", ")}`
  )
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`,
    "mapping"
  )
}

// Week-year (Y) and day-of-year (D) tokens are nearly always typos of y and
// d, and date-fns refuses them when parsing; they are checked here so that
// date-fns neither warns on the console nor throws mid-import. Formatting
// then reads every other token and throws on unknown ones.
function isDateFormat(pattern: string): boolean {
  const unquoted = pattern.replace(/'(?:[^']|'')*'/g, "")
  if (/[YD]/.test(unquoted)) {
    return false
  }
  try {
    format(new Date(), pattern)
    return true
  } catch {
    return false
  }
}

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value })
    return true
  } catch {
    return false
  }
}
