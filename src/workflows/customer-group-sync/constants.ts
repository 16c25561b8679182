/** `metadata.managed_by` of every customer group the plugin manages. */
export const MANAGED_BY = "medusa-customer-segments"

/** The metadata that marks a group as a segment's, and names the segment. */
export function managedGroupMetadata(segmentId: string) {
  return { managed_by: MANAGED_BY, customer_segment_id: segmentId }
}

/**
 * Customer group names are unique among live groups, and segment names are
 * not: a name already taken (by a hand-made group or another segment's)
 * gets the segment id appended rather than failing the save.
 */
export function managedGroupName(
  segment: { id: string; name: string },
  taken: boolean
): string {
  return taken ? `${segment.name} (${segment.id})` : segment.name
}

/** Pairs per call to the customer module, so no single query grows unbounded. */
export const GROUP_WRITE_BATCH = 500
