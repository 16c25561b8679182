import { tz, TZDate } from "@date-fns/tz"
import { isValid, parse, startOfDay } from "date-fns"

/**
 * Reads `value` with the first of `formats` that matches all of it, as a
 * wall-clock time in `timezone`; fields a format lacks are those of
 * midnight today, so a bare date is the start of that day in `timezone`.
 * Two-digit years ("yy") fall within 50 years of today. Null when no format
 * matches or the date does not exist (2/30/2017).
 */
export function parseDate(
  value: string,
  formats: string[],
  timezone: string,
  now: Date = new Date()
): Date | null {
  const reference = startOfDay(new TZDate(now, timezone))
  for (const format of formats) {
    const date = parse(value, format, reference, { in: tz(timezone) })
    if (isValid(date)) {
      return new Date(+date)
    }
  }
  return null
}

// Plain decimals only: "1,234.50" could be a thousands separator or a
// decimal comma, and guessing would import wrong amounts silently.
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/

/** A decimal number such as "261.96" or "-3.5"; null for anything else. */
export function parseDecimal(value: string): number | null {
  // 400 digits pass the pattern but are Infinity, which JSON writes as null.
  return DECIMAL.test(value) && Number.isFinite(Number(value))
    ? Number(value)
    : null
}

// The read model stores quantities as Postgres `int`.
const MAX_QUANTITY = 2_147_483_647

/** A whole number from 1 to 2,147,483,647; null for anything else. */
export function parseQuantity(value: string): number | null {
  const quantity = Number(value)
  return /^\d+$/.test(value) && quantity >= 1 && quantity <= MAX_QUANTITY
    ? quantity
    : null
}

/** Splits "Claire Gute" at the first space; a single word is a first name. */
export function splitName(name: string): {
  first_name: string | null
  last_name: string | null
} {
  const [first, ...rest] = name.split(/\s+/).filter(Boolean)
  return { first_name: first ?? null, last_name: rest.join(" ") || null }
}

let countries: { codes: Set<string>; byName: Map<string, string> } | undefined

/**
 * A lower-case ISO 3166-1 alpha-2 code, from a code ("US", "us") or an
 * English country name ("United States"); null when it is neither. Names
 * come from the ICU data Node ships, so no country list is kept here.
 */
export function toCountryCode(value: string): string | null {
  countries ??= buildCountries()
  const code = value.toLowerCase()
  if (countries.codes.has(code)) {
    return code
  }
  return countries.byName.get(code) ?? null
}

function buildCountries() {
  const names = new Intl.DisplayNames(["en"], { type: "region" })
  const codes = new Set<string>()
  const byName = new Map<string, string>()
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b
      const name = names.of(code)
      // Unassigned codes come back as the code itself; deprecated ones
      // (DD, UK) canonicalise to their successor and would shadow it.
      if (!name || name === code || !isCurrentCountry(code)) {
        continue
      }
      codes.add(code.toLowerCase())
      byName.set(name.toLowerCase(), code.toLowerCase())
    }
  }
  return { codes, byName }
}

// ICU also names groupings (EU, UN, EZ) and private-use codes (Q*, X*, ZZ)
// that are not countries; XK is Kosovo's widely used user-assigned code.
const NOT_COUNTRIES = /^(Q.|X[^K]|ZZ|EU|EZ|UN)$/

function isCurrentCountry(code: string): boolean {
  return (
    !NOT_COUNTRIES.test(code) &&
    Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`
  )
}
