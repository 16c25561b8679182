import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer-segment"
import { changeKindsOf } from "../modules/customer-segment/rules/analysis"
import type { RuleGroup } from "../modules/customer-segment/rules/types"
import type CustomerSegmentModuleService from "../modules/customer-segment/service"
import { refreshCustomerSegmentsWorkflow } from "../workflows"
import { requestEvaluation } from "../workflows/customer-segment/utils/request-evaluation"

const ADDED = "customer.customer-group-customer.created"
const REMOVED = "customer.customer-group-customer.deleted"

/**
 * Group membership changes surface only as the customer module's events on
 * its link rows. An added row names its customer; a removed row is gone by
 * the time the event arrives (the module deletes it for good), so the
 * real-time segments that read groups are refreshed in full instead.
 */
export default async function customerGroupMembershipSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) {
    return
  }

  if (event.name === ADDED) {
    const customerModule = container.resolve(Modules.CUSTOMER)
    const [link] = await customerModule
      .listCustomerGroupCustomers(
        { id: event.data.id },
        { select: ["customer_id"] }
      )
      .catch(() => [])
    if (link?.customer_id) {
      await requestEvaluation(container, [link.customer_id], ["customer_group"])
      return
    }
  }

  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const segments = await service.listCustomerSegments(
    { refresh_mode: "realtime", is_active: true },
    { select: ["id", "rule"] }
  )
  const ids = segments
    .filter((s) => changeKindsOf(s.rule as RuleGroup).has("customer_group"))
    .map((s) => s.id)
  if (ids.length) {
    await refreshCustomerSegmentsWorkflow(container).run({
      input: { ids, trigger: "realtime", on_busy: "skip" },
    })
  }
}

export const config: SubscriberConfig = {
  event: [ADDED, REMOVED],
  context: { subscriberId: "customer-segments-customer-group-membership" },
}
