import { z } from "@medusajs/framework/zod"
import {
  ADDRESS_COLUMNS,
  type AddressColumn,
  CUSTOMER_COLUMNS,
  hasAddressWhere,
  inAnyGroup,
} from "../../adapter/medusa-tables"
import {
  booleanPredicate,
  datePredicate,
  numberPredicate,
  POSITIVE_TEXT_OPERATOR,
  textPredicate,
} from "../compiler/predicates"
import { sql, type Sql } from "../compiler/sql"
import type {
  DateOperator,
  NumberOperator,
  TextOperator,
  ValueKind,
} from "../operators"
import type { RuleCondition } from "../types"
import type { ConditionDefinition } from "./definition"

const textField = (
  type: string,
  label: string,
  column: keyof typeof CUSTOMER_COLUMNS
): ConditionDefinition => ({
  type,
  label,
  category: "customer",
  reads: "customer",
  field: `customer.${column}`,
  kind: "text",
  compile: (c) =>
    textPredicate(
      CUSTOMER_COLUMNS[column],
      c.operator as TextOperator,
      c.value
    ),
})

/**
 * Address conditions ask whether any of the customer's addresses matches; a
 * negative operator asks that none does, so "country is none of US" holds
 * for a customer without addresses.
 */
const addressField = (
  type: string,
  label: string,
  column: AddressColumn
): ConditionDefinition => ({
  type,
  label,
  category: "customer",
  reads: "customer_address",
  field: `customer.addresses.${column}`,
  kind: "text",
  compile: (c) => {
    const operator = c.operator as TextOperator
    const positive = POSITIVE_TEXT_OPERATOR[operator]
    const match = (op: TextOperator) =>
      hasAddressWhere(textPredicate(ADDRESS_COLUMNS[column], op, c.value))
    return positive ? sql`NOT ${match(positive)}` : match(operator)
  },
})

const METADATA_KINDS = {
  text: "text",
  number: "number",
  boolean: "boolean",
  date: "date",
} as const satisfies Record<NonNullable<RuleCondition["value_type"]>, ValueKind>

// A metadata key may hold anything a store ever wrote; the casts below read
// only well-formed values and treat the rest as missing, so one bad row can
// never make a refresh fail.
function metadataExpression(condition: RuleCondition): Sql {
  const value = sql`(${CUSTOMER_COLUMNS.metadata} ->> ${condition.key}::text)`
  switch (condition.value_type ?? "text") {
    case "text":
      return value
    case "number":
      return sql`(CASE WHEN ${value} ~ '^\\s*-{0,1}[0-9]+(\\.[0-9]+){0,1}\\s*$' THEN ${value}::numeric END)`
    case "boolean":
      return sql`(CASE lower(${value}) WHEN 'true' THEN true WHEN 'false' THEN false END)`
    case "date":
      return sql`(CASE WHEN ${value} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN left(${value}, 10) END)`
  }
}

export const CUSTOMER_CONDITIONS: ConditionDefinition[] = [
  textField("email", "Email", "email"),
  textField("first_name", "First name", "first_name"),
  textField("last_name", "Last name", "last_name"),
  textField("phone", "Phone", "phone"),
  textField("company_name", "Company", "company_name"),
  {
    type: "has_account",
    label: "Has an account",
    category: "customer",
    reads: "customer",
    field: "customer.has_account",
    kind: "boolean",
    compile: (c) => booleanPredicate(CUSTOMER_COLUMNS.has_account, c.value),
  },
  {
    type: "signed_up_at",
    label: "Signed up",
    category: "customer",
    reads: "customer",
    field: "customer.created_at",
    kind: "date",
    compile: (c, { clock }) =>
      datePredicate(
        CUSTOMER_COLUMNS.created_at,
        c.operator as DateOperator,
        c.value,
        clock,
        "instant"
      ),
  },
  {
    type: "metadata",
    label: "Metadata",
    category: "customer",
    reads: "customer",
    field: "customer.metadata",
    kind: "text",
    extra: {
      key: z.string().min(1).max(200),
      value_type: z.enum(["text", "number", "boolean", "date"]).optional(),
    },
    // An unknown value type reads as text here; the `value_type` field's own
    // schema then reports it with the allowed set.
    kindOf: (c) =>
      Object.prototype.hasOwnProperty.call(
        METADATA_KINDS,
        c.value_type ?? "text"
      )
        ? METADATA_KINDS[c.value_type ?? "text"]
        : "text",
    compile: (c, { clock }) => {
      const expression = metadataExpression(c)
      switch (c.value_type ?? "text") {
        case "text":
          return textPredicate(expression, c.operator as TextOperator, c.value)
        case "number":
          return numberPredicate(
            expression,
            c.operator as NumberOperator,
            c.value
          )
        case "boolean":
          return booleanPredicate(expression, c.value)
        case "date":
          return datePredicate(
            expression,
            c.operator as DateOperator,
            c.value,
            clock,
            "day"
          )
      }
    },
  },
  {
    type: "customer_group",
    label: "Customer group",
    category: "customer",
    reads: "customer_group",
    field: "customer.groups.id",
    kind: "id_list",
    picker: "customer_group",
    compile: (c) => {
      const inGroup = inAnyGroup(c.value as string[])
      return c.operator === "in" ? inGroup : sql`NOT ${inGroup}`
    },
  },
  {
    type: "address_country",
    label: "Address country",
    category: "customer",
    reads: "customer_address",
    field: "customer.addresses.country_code",
    kind: "id_list",
    picker: "country",
    itemSchema: z
      .string()
      .regex(/^[a-zA-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as us"),
    compile: (c) => {
      const match = hasAddressWhere(
        textPredicate(ADDRESS_COLUMNS.country_code, "in", c.value)
      )
      return c.operator === "in" ? match : sql`NOT ${match}`
    },
  },
  addressField("address_province", "Address province", "province"),
  addressField("address_city", "Address city", "city"),
  addressField("address_postal_code", "Address postal code", "postal_code"),
]
