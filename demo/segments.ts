import type { MedusaContainer } from "@medusajs/framework/types"

import {
  createCustomerSegmentsWorkflow,
  refreshCustomerSegmentsWorkflow,
  syncOrderHistoryWorkflow,
} from "../src/workflows"

import type { SeededCatalog } from "./catalog"

type SegmentInput = {
  name: string
  description: string
  rule: Record<string, unknown>
}

/** The examples the README walks through; one per kind of condition. */
export const exampleSegments = (catalog: SeededCatalog): SegmentInput[] => [
  {
    name: "VIP",
    description: "At least 10 orders, or more than 2,000 USD in 2 years",
    rule: {
      match: "any",
      conditions: [
        { type: "order_count", operator: "gte", value: 10 },
        {
          type: "total_spent",
          operator: "gt",
          value: 2000,
          currency: "usd",
          window: { last: { amount: 2, unit: "years" } },
        },
      ],
    },
  },
  {
    name: "New this month",
    description: "Signed up in the last 30 days",
    rule: {
      match: "all",
      conditions: [
        {
          type: "signed_up_at",
          operator: "within_last",
          value: { amount: 30, unit: "days" },
        },
      ],
    },
  },
  {
    name: "Dormant",
    description: "Last order more than 180 days ago",
    rule: {
      match: "all",
      conditions: [
        { type: "days_since_last_order", operator: "gt", value: 180 },
      ],
    },
  },
  {
    name: "Big spenders EUR",
    description: "Spent more than 1,000 EUR in total",
    rule: {
      match: "all",
      conditions: [
        {
          type: "total_spent",
          operator: "gt",
          value: 1000,
          currency: "eur",
        },
      ],
    },
  },
  {
    name: "Bought Outdoor",
    description: "Bought anything from the Outdoor category",
    rule: {
      match: "all",
      conditions: [
        {
          type: "purchased_category",
          operator: "bought",
          value: [catalog.categoryIds.Outdoor],
        },
      ],
    },
  },
  {
    name: "Buyers who skipped Electronics",
    description: "Registered, ordered at least once, never from Electronics",
    rule: {
      match: "all",
      conditions: [
        { type: "has_account", operator: "is", value: true },
        { type: "order_count", operator: "gte", value: 1 },
        {
          match: "all",
          negate: true,
          conditions: [
            {
              type: "purchased_category",
              operator: "bought",
              value: [catalog.categoryIds.Electronics],
            },
          ],
        },
      ],
    },
  },
]

export type SegmentCount = { name: string; total: number; ms: number }

export type SegmentSeedResult = {
  synced: number
  syncMs: number
  counts: SegmentCount[]
}

/**
 * Backfills the plugin's order-history read model from the seeded orders,
 * then creates and refreshes the example segments.
 */
export const seedSegments = async (
  container: MedusaContainer,
  catalog: SeededCatalog
): Promise<SegmentSeedResult> => {
  const syncStart = Date.now()
  const { result: sync } = await syncOrderHistoryWorkflow(container).run({
    input: {},
  })
  const syncMs = Date.now() - syncStart

  const { result: segments } = await createCustomerSegmentsWorkflow(
    container
  ).run({
    input: { segments: exampleSegments(catalog) },
  })
  const { result: refreshed } = await refreshCustomerSegmentsWorkflow(
    container
  ).run({
    input: { ids: segments.map((segment) => segment.id), trigger: "manual" },
  })

  const nameById = new Map(segments.map((s) => [s.id, s.name]))
  return {
    synced: sync.synced,
    syncMs,
    counts: refreshed.map((refresh) => ({
      name: nameById.get(refresh.segment_id) ?? refresh.segment_id,
      total: refresh.total,
      ms: refresh.duration_ms,
    })),
  }
}
