const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
]

/** "3 hours ago", "in 2 days", in the admin's language. */
export const relativeTime = (
  value: string | Date,
  locale: string,
  now = Date.now()
): string => {
  const seconds = (new Date(value).getTime() - now) / 1000
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return format.format(Math.round(seconds / size), unit)
    }
  }
  return format.format(0, "second")
}

export const dateTime = (
  value: string | Date,
  locale: string,
  timeZone?: string
): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone && { timeZone }),
  }).format(new Date(value))

export const day = (value: string | Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(
    new Date(value)
  )

/** A calendar day `YYYY-MM-DD` as a local date, and back. */
export const parseDay = (value: unknown): Date | null => {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return null
  }
  const [y, m, d] = value.split("-").map(Number)
  return new Date(y, m - 1, d)
}

export const formatDay = (date: Date): string =>
  [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, "0"),
    String(date.getDate()).padStart(2, "0"),
  ].join("-")

export const money = (amount: number, currency: string, locale: string) => {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
    }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

export const customerName = (customer: {
  first_name?: string | null
  last_name?: string | null
  email?: string | null
}) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
  customer.email ||
  "—"
