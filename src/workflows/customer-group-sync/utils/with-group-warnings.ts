import type { RefreshResult } from "../../../modules/customer-segment/types"
import type { SegmentGroupSync } from "../steps/sync-segment-groups"

export type RefreshResultWithWarnings = RefreshResult & {
  /** Manual edits of the segment's customer group that the refresh undid. */
  warnings: string[]
}

/** Adds each segment's group-sync warnings to its refresh result. */
export function withGroupWarnings(
  results: RefreshResult[],
  synced: SegmentGroupSync[]
): RefreshResultWithWarnings[] {
  const bySegment = new Map(synced.map((s) => [s.segment_id, s.warnings]))
  return results.map((result) => ({
    ...result,
    warnings: bySegment.get(result.segment_id) ?? [],
  }))
}
