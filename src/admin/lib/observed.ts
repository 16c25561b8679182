import { day, money } from "./format"
import type {
  CatalogueEntry,
  ExplainedCondition,
  ExplainedCustomer,
  RuleCondition,
} from "./types"

const ADDRESS_FIELDS: Record<string, string> = {
  address_country: "country_code",
  address_province: "province",
  address_city: "city",
  address_postal_code: "postal_code",
}

const CUSTOMER_FIELDS: Record<string, keyof ExplainedCustomer> = {
  email: "email",
  first_name: "first_name",
  last_name: "last_name",
  phone: "phone",
  company_name: "company_name",
  has_account: "has_account",
  signed_up_at: "created_at",
}

/**
 * The customer's actual value for a condition, in words: the aggregate the
 * server compared for order conditions, the attribute for the others. Null
 * when there is none.
 */
export const observedValue = (
  node: ExplainedCondition,
  condition: RuleCondition,
  entry: CatalogueEntry | undefined,
  customer: ExplainedCustomer,
  locale: string,
  words: { yes: string; no: string }
): string | null => {
  const [name, value] = Object.entries(node.observed)[0] ?? []
  if (name) {
    if (value === null || value === undefined) {
      return null
    }
    if (name.endsWith("_at")) {
      return day(value as string, locale)
    }
    const number = Number(value)
    if (entry?.value_type === "money" && condition.currency) {
      return money(number, condition.currency, locale)
    }
    return number.toLocaleString(locale)
  }

  if (condition.type in CUSTOMER_FIELDS) {
    const attribute = customer[CUSTOMER_FIELDS[condition.type]]
    if (typeof attribute === "boolean") {
      return attribute ? words.yes : words.no
    }
    if (condition.type === "signed_up_at" && attribute) {
      return day(attribute as string, locale)
    }
    return attribute ? String(attribute) : null
  }
  if (condition.type in ADDRESS_FIELDS) {
    const values = (customer.addresses ?? [])
      .map((a) => a[ADDRESS_FIELDS[condition.type]])
      .filter(Boolean)
    return values.length ? [...new Set(values)].join(", ") : null
  }
  if (condition.type === "customer_group") {
    const names = (customer.groups ?? []).map((g) => g.name)
    return names.length ? names.join(", ") : null
  }
  if (condition.type === "metadata" && condition.key) {
    const attribute = customer.metadata?.[condition.key]
    return attribute === undefined || attribute === null
      ? null
      : String(attribute)
  }
  return null
}
