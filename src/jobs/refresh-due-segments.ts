import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer-segment"
import { dueSegments } from "../modules/customer-segment/scheduling/due"
import type CustomerSegmentModuleService from "../modules/customer-segment/service"
import { refreshCustomerSegmentsWorkflow } from "../workflows"

/**
 * Wakes every minute and refreshes the segments whose schedule has fired
 * since their last refresh: scheduled segments on their cron, and real-time
 * segments that depend on time alone once a day. A segment still being
 * refreshed (anywhere, under the locking module) is skipped, not queued.
 */
export default async function refreshDueSegmentsJob(
  container: MedusaContainer
) {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const options = service.getOptions()
  const segments = await service.listCustomerSegments(
    { refresh_mode: ["scheduled", "realtime"], is_active: true },
    {
      select: [
        "id",
        "refresh_mode",
        "cron",
        "rule",
        "is_active",
        "last_refreshed_at",
        "created_at",
      ],
    }
  )
  const due = dueSegments(
    segments,
    {
      timezone: options.timezone,
      defaultCron: options.defaultCron,
      dailyRefreshCron: options.realtime.dailyRefreshCron,
    },
    new Date()
  )
  if (!due.length) {
    return
  }
  await refreshCustomerSegmentsWorkflow(container).run({
    input: { ids: due, trigger: "scheduled", on_busy: "skip" },
  })
}

export const config = {
  name: "customer-segments-refresh-due",
  schedule: "* * * * *",
}
