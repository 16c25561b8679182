// Characters a spreadsheet reads as the start of a formula (or, for tab and
// carriage return, as a separator that a formula can hide behind). See
// OWASP's "CSV Injection" page.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A text cell a customer can set, made safe to open in a spreadsheet: a
 * value starting like a formula gets a leading `'`, which Excel, LibreOffice
 * and Google Sheets read as "this cell is text". Only for customer text:
 * numbers and dates the plugin writes must not go through here, or a
 * negative spend would become text.
 */
export function neutraliseFormula(value: string | null): string | null {
  if (value === null || !FORMULA_START.test(value)) {
    return value
  }
  return `'${value}`
}
