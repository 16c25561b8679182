import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"
import { orderPages, toHistory } from "../utils/read-orders"

export const backfillOrderHistoryStepId = "backfill-order-history"

/**
 * Copies every Medusa order into the read model, one page at a time, so a
 * store of any size backfills in flat memory. Each page replaces its orders
 * in one transaction; there is no compensation because a backfill that
 * stops halfway is finished by running it again, which changes nothing it
 * already wrote.
 */
export const backfillOrderHistoryStep = createStep(
  backfillOrderHistoryStepId,
  async (_: void, { container }) => {
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    let synced = 0
    for await (const page of orderPages(container)) {
      const orders = page.filter((o) => o.customer_id).map(toHistory)
      synced += await service.replaceOrderHistory({ upsert: orders })
    }
    // A backfill re-evaluates no one: a full refresh of each segment follows.
    return new StepResponse({ synced, customer_ids: [] as string[] })
  }
)
