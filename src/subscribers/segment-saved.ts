import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer-segment"
import type CustomerSegmentModuleService from "../modules/customer-segment/service"
import {
  CUSTOMER_SEGMENT_EVENTS,
  refreshCustomerSegmentsWorkflow,
} from "../workflows"

/**
 * Computes a segment's members after it is saved, outside the request that
 * saved it: the refresh, and its history row, are visible while it runs.
 * Off with the `refreshOnSave: false` option.
 */
export default async function segmentSavedSubscriber({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  if (!event.data?.id || !service.getOptions().refreshOnSave) {
    return
  }
  const [segment] = await service.listCustomerSegments(
    { id: event.data.id },
    { select: ["id", "is_active"] }
  )
  if (!segment?.is_active) {
    return
  }
  await refreshCustomerSegmentsWorkflow(container).run({
    input: {
      ids: [segment.id],
      trigger:
        event.name === CUSTOMER_SEGMENT_EVENTS.CREATED ? "created" : "updated",
      // A refresh already running may have read the rule before the save:
      // run again once it ends.
      on_busy: "wait",
    },
  })
}

export const config: SubscriberConfig = {
  event: [CUSTOMER_SEGMENT_EVENTS.CREATED, CUSTOMER_SEGMENT_EVENTS.UPDATED],
  context: { subscriberId: "customer-segments-segment-saved" },
}
