import { readFileSync, writeFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../src/modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../src/modules/customer-segment/service"
import { applyMembershipDiff } from "../src/modules/customer-segment/statements"

/**
 * Run by `bench/run.js` through `medusa exec bench/refresh.ts <job.json>`,
 * inside the store this repository boots from `medusa-config.ts`, so every
 * refresh takes the module's real path: its container, its knex pool and
 * `refreshSegment`. The job names the shapes; the result goes to `job.out`.
 */

type Job = {
  out: string
  shapes: {
    key: string
    rule: Record<string, unknown>
    audience: "all" | "registered"
  }[]
}

type Run = {
  seconds: number
  added: number
  removed: number
  total: number
  peak_rss_mb: number
}

const SAMPLE_MS = 50
const MB = 1024 * 1024

// Peak resident set size between two marks. Refreshes await the database,
// so the event loop is free and the timer keeps sampling while Postgres works.
class RssSampler {
  private peak = 0
  private readonly timer: NodeJS.Timeout

  constructor() {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS)
  }

  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage().rss)
  }

  /** The peak since the last mark, in MB; starts a new interval. */
  mark(): number {
    this.sample()
    const peak = this.peak
    this.peak = process.memoryUsage().rss
    return peak / MB
  }

  stop() {
    clearInterval(this.timer)
  }
}

async function timedRefresh(
  service: CustomerSegmentModuleService,
  segmentId: string,
  rss: RssSampler
): Promise<Run> {
  rss.mark()
  const started = performance.now()
  const result = await service.refreshSegment(segmentId)
  const seconds = (performance.now() - started) / 1000

  return {
    seconds,
    added: result.added,
    removed: result.removed,
    total: result.total,
    peak_rss_mb: rss.mark(),
  }
}

/**
 * Runs the rule once, untimed, through the module's preview, so the first
 * refresh finds the pages it reads in shared buffers, as the floor (timed
 * after the refreshes) does. At 1M orders the read model is larger than the
 * default 128 MB of shared buffers, so each shape evicts the previous one's.
 */
async function warmUp(
  service: CustomerSegmentModuleService,
  shape: Job["shapes"][number]
): Promise<boolean> {
  try {
    await service.previewRule({ rule: shape.rule, audience: shape.audience })
    return true
  } catch (error) {
    // A preview past its statement timeout only leaves the cache colder;
    // the refresh is still timed, and the result records the miss.
    console.warn(`bench: warm-up of ${shape.key} failed: ${String(error)}`)
    return false
  }
}

export default async function benchRefresh({ container, args }: ExecArgs) {
  const job: Job = JSON.parse(readFileSync(args[0], "utf8"))
  const service = container.resolve<CustomerSegmentModuleService>(
    CUSTOMER_SEGMENT_MODULE
  )
  const rss = new RssSampler()

  // Opens the pool's connection before anything is timed.
  await service.listCustomerSegments({}, { take: 1 })
  const baselineRssMb = rss.mark()

  const shapes: unknown[] = []
  for (const shape of job.shapes) {
    const [segment] = await service.createCustomerSegments([
      {
        name: `bench ${shape.key}`,
        rule: shape.rule,
        audience: shape.audience,
      },
    ])
    const warmed = await warmUp(service, shape)
    const first = await timedRefresh(service, segment.id, rss)
    const noop = await timedRefresh(service, segment.id, rss)
    // The statements as the refresh ran them, for EXPLAIN in run.js.
    const target = service.compile(shape.rule, shape.audience)
    shapes.push({
      key: shape.key,
      segment_id: segment.id,
      warmed,
      first,
      noop,
      target: target.toPg(),
      diff: applyMembershipDiff(segment.id, target).toPg(),
    })
  }
  rss.stop()

  writeFileSync(
    job.out,
    JSON.stringify({ baseline_rss_mb: baselineRssMb, shapes }, null, 2)
  )
}
