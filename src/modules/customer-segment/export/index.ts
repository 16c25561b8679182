import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Readable, type Writable } from "stream"
import { pipeline } from "stream/promises"
import { CUSTOMER_SEGMENT_MODULE } from "../constants"
import type CustomerSegmentModuleService from "../service"
import { csvColumns, csvRecord, csvStringifier } from "./csv"
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "./formats"
import { jsonChunks } from "./json"
import { readMemberBatches, run, type MemberRow } from "./rows"
import { memberCurrenciesStatement } from "./statements"

export * from "./formats"
export type { MemberRow } from "./rows"

export type MemberExportOptions = {
  format: ExportFormat
  /** Start a CSV with a UTF-8 byte-order mark; ignored for JSON. */
  bom?: boolean
  /** Members read per query. @defaultValue 1000 */
  batchSize?: number
}

export type MemberExport = {
  segment: { id: string; name: string }
  contentType: string
  /** e.g. `cseg_123-members.csv` */
  fileName: string
  /**
   * Streams every member into `out`, honouring its backpressure, ends it,
   * and resolves with the number of members written. On a failure `out` is
   * destroyed, so a reader never mistakes a cut-off export for a whole one.
   */
  writeTo(out: Writable): Promise<number>
}

/**
 * Checks the segment exists and reads what the header needs, so that an
 * unknown id fails (NOT_FOUND) before a single byte is written; the members
 * are only read by `writeTo`.
 */
export async function prepareMemberExport(
  container: MedusaContainer,
  segmentId: string,
  options: MemberExportOptions
): Promise<MemberExport> {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [segment] = await service.listCustomerSegments(
    { id: segmentId },
    { select: ["id", "name"] }
  )
  if (!segment) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer segment with id: ${segmentId} was not found`
    )
  }

  const { timezone, orderStatuses: statuses } = service.getOptions()
  const currencies =
    options.format === "csv"
      ? (
          await run<{ currency_code: string }>(
            knex,
            memberCurrenciesStatement(segment.id, statuses)
          )
        ).map((row) => row.currency_code)
      : []

  return {
    segment: { id: segment.id, name: segment.name },
    contentType: EXPORT_CONTENT_TYPES[options.format],
    fileName: `${segment.id}-members.${options.format}`,
    async writeTo(out) {
      let written = 0
      const batches = counting(
        readMemberBatches(knex, {
          segmentId: segment.id,
          statuses,
          batchSize: options.batchSize,
        }),
        (n) => (written += n)
      )
      if (options.format === "csv") {
        const records = async function* () {
          for await (const batch of batches) {
            for (const row of batch) {
              yield csvRecord(row, currencies, timezone)
            }
          }
        }
        await pipeline(
          Readable.from(records()),
          csvStringifier(csvColumns(currencies), options.bom ?? false),
          out
        )
      } else {
        await pipeline(Readable.from(jsonChunks(batches, options.format)), out)
      }
      return written
    },
  }
}

async function* counting(
  batches: AsyncIterable<MemberRow[]>,
  add: (n: number) => void
): AsyncGenerator<MemberRow[]> {
  for await (const batch of batches) {
    add(batch.length)
    yield batch
  }
}
