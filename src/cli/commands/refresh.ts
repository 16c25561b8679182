import type { MedusaContainer } from "@medusajs/framework/types"
import { MultiBar, Presets } from "cli-progress"
import type { Writable } from "stream"
import { refreshCustomerSegmentsWorkflow } from "../../workflows"
import { EXIT_CODES, type ExitCode, messageOf } from "../errors"
import { type Io, seconds, writeJson, writeLine } from "../output"
import { findSegments, listSegments, type SegmentSummary } from "../segments"
import {
  exportSegment,
  type ExportOptions,
  type ExportSummary,
  reportExport,
} from "./export"

export type RefreshOptions = {
  all?: boolean
  json?: boolean
  /** Export the segment after refreshing it; only with a single id. */
  export?: boolean
} & Omit<ExportOptions, "json">

export type RefreshOutcome =
  | {
      id: string
      name: string
      status: "refreshed"
      added: number
      removed: number
      total: number
      seconds: number
    }
  | {
      id: string
      name: string
      status: "failed"
      error: string
      seconds: number
    }

/**
 * Refreshes each segment with its own run of the refresh workflow: the
 * workflow stops at its first failure, and one broken rule must not keep
 * the segments after it stale. Returns 1 when any failed.
 */
export async function refreshCommand(
  container: MedusaContainer,
  ids: string[],
  options: RefreshOptions,
  io: Io
): Promise<ExitCode> {
  const segments = options.all
    ? await listSegments(container, { activeOnly: true })
    : await findSegments(container, ids)
  // An export written to stdout owns it; the report moves to stderr.
  const exportsToStdout = Boolean(options.export && !options.out)
  const report = exportsToStdout ? io.stderr : io.stdout
  const progress =
    !options.json && !exportsToStdout && io.stdout.isTTY
      ? startProgress(io.stdout, segments.length)
      : null

  const outcomes: RefreshOutcome[] = []
  for (const segment of segments) {
    progress?.bar.update(outcomes.length, { segment: segment.name })
    const outcome = await refreshOne(container, segment)
    outcomes.push(outcome)
    if (options.json) {
      continue
    }
    if (progress) {
      progress.multibar.log(`${describe(outcome)}\n`)
      progress.bar.update(outcomes.length, { segment: segment.name })
      progress.multibar.update()
    } else {
      await writeLine(report, describe(outcome))
    }
  }
  progress?.multibar.stop()

  const failed = outcomes.some((o) => o.status === "failed")
  let exported: ExportSummary | null = null
  if (options.export && !failed && segments.length === 1) {
    exported = await exportSegment(container, segments[0].id, options, io)
  }

  if (options.json) {
    await writeJson(report, {
      refreshed: outcomes,
      ...(exported ? { export: exported } : {}),
    })
  } else {
    if (!segments.length) {
      await writeLine(report, "no active segments to refresh")
    }
    if (exported) {
      await reportExport(exported, options, io)
    }
  }
  return failed ? EXIT_CODES.failed : EXIT_CODES.ok
}

async function refreshOne(
  container: MedusaContainer,
  segment: SegmentSummary
): Promise<RefreshOutcome> {
  const started = Date.now()
  try {
    const { result } = await refreshCustomerSegmentsWorkflow(container).run({
      input: { ids: [segment.id], trigger: "cli" },
    })
    const [refresh] = result
    return {
      id: segment.id,
      name: segment.name,
      status: "refreshed",
      added: refresh.added,
      removed: refresh.removed,
      total: refresh.total,
      seconds: seconds(refresh.duration_ms),
    }
  } catch (error) {
    return {
      id: segment.id,
      name: segment.name,
      status: "failed",
      error: messageOf(error),
      seconds: seconds(Date.now() - started),
    }
  }
}

function describe(outcome: RefreshOutcome): string {
  const head = `${outcome.id} ${JSON.stringify(outcome.name)}`
  if (outcome.status === "failed") {
    return `${head} failed after ${outcome.seconds} s: ${outcome.error}`
  }
  return `${head} added ${outcome.added}, removed ${outcome.removed}, total ${outcome.total} (${outcome.seconds} s)`
}

function startProgress(stdout: Writable, total: number) {
  const multibar = new MultiBar(
    {
      stream: Object.assign(stdout, {
        columns: process.stdout.columns,
      }) as unknown as NodeJS.WritableStream,
      format: "{bar} {value}/{total} segments | {segment}",
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic
  )
  const bar = multibar.create(total, 0, { segment: "" })
  return { multibar, bar }
}
