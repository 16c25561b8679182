import type { TFunction } from "i18next"
import { day, money } from "./format"
import { operatorsOf, valueKindOf } from "./rule-draft"
import type {
  CatalogueEntry,
  RelativeSpan,
  RuleCondition,
  Window,
} from "./types"

type Describe = {
  t: TFunction
  locale: string
  /** Names of picked ids (products, groups, ...), by id. */
  labels: Record<string, string>
}

const describeWindow = (window: Window | undefined, d: Describe) => {
  if (!window) {
    return ""
  }
  if ("last" in window) {
    return d.t("describe.lastWindow", {
      amount: window.last.amount,
      unit: d.t(`units.${window.last.unit}`),
    })
  }
  const from = window.from && day(window.from, d.locale)
  const to = window.to && day(window.to, d.locale)
  if (from && to) {
    return d.t("describe.rangeWindow", { from, to })
  }
  return from
    ? d.t("describe.fromWindow", { from })
    : d.t("describe.toWindow", { to })
}

const describeScalar = (
  value: unknown,
  kind: string,
  condition: RuleCondition,
  d: Describe
): string => {
  if (typeof value === "boolean") {
    return value ? d.t("common.yes") : d.t("common.no")
  }
  if (kind === "money" && typeof value === "number" && condition.currency) {
    return money(value, condition.currency, d.locale)
  }
  if (kind === "date" && typeof value === "string") {
    return day(value, d.locale)
  }
  if (typeof value === "number") {
    return value.toLocaleString(d.locale)
  }
  if (typeof value === "string") {
    return d.labels[value] ?? `"${value}"`
  }
  return String(value ?? "")
}

/** A condition as words: "Number of orders in the last 90 days is at least 3". */
export const describeCondition = (
  condition: RuleCondition,
  entry: CatalogueEntry | undefined,
  d: Describe
): string => {
  if (!entry) {
    return `${condition.type} ${condition.operator}`
  }
  const kind = valueKindOf(entry, condition)
  const operator = operatorsOf(entry, condition).find(
    (o) => o.id === condition.operator
  )
  const label = entry.extra_fields.includes("key")
    ? d.t("describe.metadata", { key: condition.key ?? "" })
    : d.t(`catalogue.conditions.${entry.type}`, { defaultValue: entry.label })
  const value = condition.value
  let words = ""
  switch (operator?.value) {
    case "list":
      words =
        (value as unknown[] | undefined)
          ?.map((v) => describeScalar(v, kind, condition, d))
          .join(", ") ?? ""
      break
    case "pair": {
      const [a, b] = (value as unknown[] | undefined) ?? []
      words = `${describeScalar(a, kind, condition, d)} ${d.t("common.and")} ${describeScalar(b, kind, condition, d)}`
      break
    }
    case "span": {
      const span = value as RelativeSpan
      words = d.t("describe.span", {
        amount: span?.amount,
        unit: d.t(`units.${span?.unit}`),
      })
      break
    }
    case "single":
      words = describeScalar(value, kind, condition, d)
      break
  }
  const parts = [
    label,
    describeWindow(condition.window, d),
    entry.currency !== "none" && kind !== "money" && condition.currency
      ? d.t("describe.inCurrency", {
          currency: condition.currency.toUpperCase(),
        })
      : "",
    operator
      ? d.t(`catalogue.operators.${operator.id}`, {
          defaultValue: operator.label,
        })
      : condition.operator,
    words,
    condition.min_times && condition.min_times > 1
      ? d.t("describe.minTimes", { count: condition.min_times })
      : "",
  ]
  return parts.filter(Boolean).join(" ")
}

/** Every id a rule picks, for label look-ups. */
export const pickedIds = (
  condition: RuleCondition,
  entry: CatalogueEntry | undefined
): string[] =>
  entry?.picker && Array.isArray(condition.value)
    ? (condition.value as string[])
    : []
