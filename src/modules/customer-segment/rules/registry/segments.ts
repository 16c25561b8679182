import { sql } from "../compiler/sql"
import type { ConditionDefinition } from "./definition"

/**
 * Membership of other segments, as of their last refresh. Cycles are
 * refused when a segment is saved (see `validateSegmentReferences`).
 */
export const SEGMENT_CONDITIONS: ConditionDefinition[] = [
  {
    type: "in_segment",
    label: "Member of segment",
    category: "segments",
    reads: "segment",
    field: "customer_segment.members",
    kind: "id_list",
    picker: "segment",
    compile: (c) => {
      const member = sql`EXISTS (SELECT 1 FROM customer_segment_membership sm WHERE sm.customer_id = c.id AND sm.deleted_at IS NULL AND sm.segment_id = ANY(${c.value}::text[]))`
      return c.operator === "in" ? member : sql`NOT ${member}`
    },
  },
]
