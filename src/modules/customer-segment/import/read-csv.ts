import { MedusaError } from "@medusajs/framework/utils"
import { parse } from "csv-parse/sync"

/** One data row of a CSV file, by header name, with its first line number. */
export type CsvRow = { line: number; values: Record<string, string> }

export type CsvTable = { header: string[]; rows: CsvRow[] }

const NEWLINE = /\r\n|\r|\n/g

/**
 * Reads a whole CSV file (a leading BOM, quoted fields with commas or line
 * breaks, blank lines) into rows keyed by the header. Line numbers count the
 * header as line 1, and a row whose quoted field spans lines gets the line
 * it starts on, so they match what an editor shows.
 *
 * A row with more or fewer fields than the header is still returned (the
 * missing cells empty) and listed in `ragged`, for the caller to reject.
 */
export function readCsv(csv: string): CsvTable & { ragged: RaggedRow[] } {
  const records = parseRecords(csv)
  if (!records.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The CSV is empty: it needs a header row and at least one data row"
    )
  }

  const header = records[0].record.map((name) => name.trim())
  assertUniqueHeader(header)
  const rows: CsvRow[] = []
  const ragged: RaggedRow[] = []
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - countLineBreaks(record)
    if (record.length !== header.length) {
      ragged.push({ line, fields: record.length, expected: header.length })
    }
    const values: Record<string, string> = {}
    header.forEach((name, i) => (values[name] = record[i] ?? ""))
    rows.push({ line, values })
  }
  return { header, rows, ragged }
}

export type RaggedRow = { line: number; fields: number; expected: number }

function parseRecords(csv: string) {
  try {
    return parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    // csv-parse stops at the first malformed quote; its message names the
    // line, and nothing after it can be read reliably.
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The CSV cannot be read: ${(error as Error).message}`
    )
  }
}

function assertUniqueHeader(header: string[]) {
  const seen = new Set<string>()
  const duplicates = header.filter((name) => seen.has(name) || !seen.add(name))
  if (duplicates.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The CSV header names a column more than once: ${[...new Set(duplicates)].join(", ")}`
    )
  }
}

function countLineBreaks(record: string[]): number {
  return record.reduce(
    (sum, field) => sum + (field.match(NEWLINE)?.length ?? 0),
    0
  )
}
