import type { MedusaContainer } from "@medusajs/framework/types"
import fs from "fs"
import {
  type OrderImportReport,
  validateOrderCsvMapping,
} from "../../modules/customer-segment/import"
import {
  importOrderHistoryWorkflow,
  syncOrderHistoryWorkflow,
} from "../../workflows"
import { CliError, EXIT_CODES, messageOf } from "../errors"
import { type Io, seconds, writeJson, writeLine } from "../output"

/** Copies every Medusa order into the order-history read model. */
export async function syncOrdersCommand(
  container: MedusaContainer,
  options: { json?: boolean },
  io: Io
) {
  const started = Date.now()
  const { result } = await syncOrderHistoryWorkflow(container).run({
    input: {},
  })
  const summary = {
    synced: result.synced,
    seconds: seconds(Date.now() - started),
  }
  if (options.json) {
    await writeJson(io.stdout, summary)
    return
  }
  await writeLine(
    io.stdout,
    `synced ${summary.synced} orders (${summary.seconds} s); refresh the segments that read order history`
  )
}

export type ImportInput = { csv: string; mapping: unknown }

/**
 * Reads and checks both files before the store boots, so a wrong path or a
 * bad mapping is reported in a moment rather than after the boot.
 */
export function readImportFiles(file: string, mappingFile: string) {
  const read = (path: string, what: string) => {
    try {
      return fs.readFileSync(path, "utf8")
    } catch (error) {
      throw new CliError(
        `could not read the ${what} ${path}: ${messageOf(error)}`
      )
    }
  }
  const csv = read(file, "CSV file")
  const text = read(mappingFile, "mapping file")
  let mapping: unknown
  try {
    mapping = JSON.parse(text)
  } catch (error) {
    throw new CliError(
      `the mapping file ${mappingFile} is not JSON: ${messageOf(error)}`
    )
  }
  try {
    validateOrderCsvMapping(mapping)
  } catch (error) {
    throw new CliError(messageOf(error), EXIT_CODES.usage)
  }
  return { csv, mapping }
}

export async function importOrdersCommand(
  container: MedusaContainer,
  input: ImportInput,
  options: { json?: boolean },
  io: Io
) {
  const { result } = await importOrderHistoryWorkflow(container).run({
    input: input as { csv: string; mapping: never },
  })
  if (options.json) {
    await writeJson(io.stdout, { report: result })
    return
  }
  await writeLine(io.stdout, describeImport(result))
}

function describeImport(report: OrderImportReport): string {
  const lines = [
    `imported ${report.imported_rows} of ${report.rows} rows as ${report.orders} orders`,
    `customers: ${report.customers_matched} matched, ${report.customers_created} created`,
  ]
  if (report.unknown_categories.length) {
    lines.push(`unknown categories: ${report.unknown_categories.join(", ")}`)
  }
  if (report.rejected_rows.length) {
    lines.push(`rejected ${report.rejected_rows.length} rows:`)
    for (const row of report.rejected_rows) {
      lines.push(`  line ${row.line}: ${row.reasons.join("; ")}`)
    }
  }
  lines.push("refresh the segments that read order history")
  return lines.join("\n")
}
