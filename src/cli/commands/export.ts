import type { MedusaContainer } from "@medusajs/framework/types"
import fs from "fs"
import {
  type ExportFormat,
  prepareMemberExport,
} from "../../modules/customer-segment/export"
import { type Io, seconds, writeJson, writeLine } from "../output"

export type ExportOptions = {
  format: ExportFormat
  out?: string
  bom?: boolean
  json?: boolean
}

export type ExportSummary = {
  segment_id: string
  members: number
  format: ExportFormat
  file: string | null
  seconds: number
}

/**
 * Streams a segment's members to `options.out`, or to stdout. A file that
 * could not be written whole is removed, so a half export is never left
 * behind looking like a whole one.
 */
export async function exportSegment(
  container: MedusaContainer,
  segmentId: string,
  options: ExportOptions,
  io: Io
): Promise<ExportSummary> {
  const started = Date.now()
  const memberExport = await prepareMemberExport(container, segmentId, {
    format: options.format,
    bom: options.bom,
  })

  let members: number
  if (!options.out) {
    members = await memberExport.writeTo(io.stdout)
  } else {
    try {
      members = await memberExport.writeTo(fs.createWriteStream(options.out))
    } catch (error) {
      fs.rmSync(options.out, { force: true })
      throw error
    }
  }
  return {
    segment_id: segmentId,
    members,
    format: options.format,
    file: options.out ?? null,
    seconds: seconds(Date.now() - started),
  }
}

/** Says where an export went; nothing when it went to stdout itself. */
export async function reportExport(
  summary: ExportSummary,
  options: ExportOptions,
  io: Io
) {
  if (!summary.file) {
    return
  }
  if (options.json) {
    await writeJson(io.stdout, { export: summary })
    return
  }
  await writeLine(
    io.stdout,
    `exported ${summary.members} members of ${summary.segment_id} to ${summary.file} (${summary.seconds} s)`
  )
}
