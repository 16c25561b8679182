import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../modules/customer-segment/service"
import { CliError, EXIT_CODES } from "./errors"

export type SegmentSummary = {
  id: string
  name: string
  refresh_mode: string
  is_active: boolean
  member_count: number
  last_refreshed_at: Date | null
}

const FIELDS = [
  "id",
  "name",
  "refresh_mode",
  "is_active",
  "member_count",
  "last_refreshed_at",
]

export const segmentService = (container: MedusaContainer) =>
  container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)

/** Every segment, or the active ones, by name. */
export async function listSegments(
  container: MedusaContainer,
  filter: { activeOnly?: boolean } = {}
): Promise<SegmentSummary[]> {
  return (await segmentService(container).listCustomerSegments(
    filter.activeOnly ? { is_active: true } : {},
    { select: FIELDS, order: { name: "ASC", id: "ASC" } }
  )) as SegmentSummary[]
}

/**
 * The segments of `ids`, in that order. Every id is checked before anything
 * is done, so a typo never leaves half of a list refreshed.
 */
export async function findSegments(
  container: MedusaContainer,
  ids: string[]
): Promise<SegmentSummary[]> {
  const found = (await segmentService(container).listCustomerSegments(
    { id: ids },
    { select: FIELDS }
  )) as SegmentSummary[]
  const byId = new Map(found.map((segment) => [segment.id, segment]))
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length) {
    throw new CliError(
      missing
        .map((id) => `Customer segment with id: ${id} was not found`)
        .join("\n"),
      EXIT_CODES.notFound
    )
  }
  return [...new Set(ids)].map((id) => byId.get(id)!)
}
