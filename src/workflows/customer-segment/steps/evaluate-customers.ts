import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import { changeKindsOf } from "../../../modules/customer-segment/rules/analysis"
import type { ChangeKind } from "../../../modules/customer-segment/rules/registry"
import type { RuleGroup } from "../../../modules/customer-segment/rules/types"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import type { RefreshResult } from "../../../modules/customer-segment/types"

export const evaluateCustomersStepId = "evaluate-customers-in-segments"

export type EvaluateCustomersStepInput = {
  /** Customers whose pending evaluations to claim and run. */
  customer_ids: string[]
}

type Pending = { customer_id: string; changes: ChangeKind[] }

/**
 * Re-evaluates customers against the active real-time segments whose rules
 * read what changed about them. It claims the customers' pending
 * evaluations first: when several events for one customer arrive together,
 * the first to claim evaluates all of them and the rest find nothing to do.
 */
export const evaluateCustomersStep = createStep(
  evaluateCustomersStepId,
  async ({ customer_ids }: EvaluateCustomersStepInput, { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const pending = await service.takePendingEvaluations(customer_ids)
    if (!pending.length) {
      return new StepResponse([] as RefreshResult[], [] as Pending[])
    }

    try {
      const results = await evaluate(service, pending)
      return new StepResponse(results, pending)
    } catch (error) {
      // Medusa does not compensate the step that failed: give the claimed
      // evaluations back so the next event or refresh still sees them.
      await requeue(service, pending)
      throw error
    }
  },
  async (pending, { container }) => {
    if (!pending?.length) {
      return
    }
    await requeue(container.resolve(CUSTOMER_SEGMENT_MODULE), pending)
  }
)

async function evaluate(
  service: CustomerSegmentModuleService,
  pending: Pending[]
): Promise<RefreshResult[]> {
  const segments = await service.listCustomerSegments(
    { refresh_mode: "realtime", is_active: true },
    { select: ["id", "rule", "audience"] }
  )
  // Segments that affect the same customers are evaluated together, in one
  // transaction: usually every pending customer changed in the same way.
  const batches = new Map<
    string,
    { customerIds: string[]; segments: typeof segments }
  >()
  for (const segment of segments) {
    const reads = changeKindsOf(segment.rule as RuleGroup)
    const affected = pending
      .filter((p) => p.changes.some((change) => reads.has(change)))
      .map((p) => p.customer_id)
    if (!affected.length) {
      continue
    }
    const key = affected.join(",")
    const batch = batches.get(key) ?? { customerIds: affected, segments: [] }
    batch.segments.push(segment)
    batches.set(key, batch)
  }

  const results: RefreshResult[] = []
  for (const { customerIds, segments: batch } of batches.values()) {
    results.push(...(await service.evaluateCustomers(batch, customerIds)))
  }
  return results
}

async function requeue(
  service: CustomerSegmentModuleService,
  pending: Pending[]
) {
  for (const { customer_id, changes } of pending) {
    await service.queueEvaluation([customer_id], changes)
  }
}
