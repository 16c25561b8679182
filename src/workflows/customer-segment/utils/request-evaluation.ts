import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type { ChangeKind } from "../../../modules/customer-segment/rules/registry"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import { evaluateCustomerSegmentsWorkflow } from "../workflows/evaluate-customer-segments"

/**
 * What every real-time subscriber does with a change: note it, wait
 * `realtime.debounceMs` so the rest of a burst of events can join it, then
 * evaluate. The first evaluation after the wait claims every change noted
 * for the customer; later ones find nothing and return at once.
 */
export async function requestEvaluation(
  container: MedusaContainer,
  customerIds: string[],
  changes: ChangeKind[]
): Promise<void> {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  if (
    !customerIds.length ||
    !(await service.hasRealtimeSegmentsReading(changes))
  ) {
    return
  }

  await service.queueEvaluation(customerIds, changes)
  const { debounceMs } = service.getOptions().realtime
  if (debounceMs) {
    await new Promise((resolve) => setTimeout(resolve, debounceMs))
  }
  await evaluateCustomerSegmentsWorkflow(container).run({
    input: { customer_ids: customerIds },
  })
}
