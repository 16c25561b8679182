import type { MedusaContainer } from "@medusajs/framework/types"
import {
  CUSTOMER_SEGMENT_MODULE,
  LOG_CONTEXT,
} from "../modules/customer-segment"
import type CustomerSegmentModuleService from "../modules/customer-segment/service"

const DAY_MS = 86_400_000

/** Deletes product and category views older than `activity.retentionDays`. */
export default async function pruneActivityJob(container: MedusaContainer) {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const { retentionDays } = service.getOptions().activity
  const pruned = await service.pruneActivity(
    new Date(Date.now() - retentionDays * DAY_MS)
  )
  container
    .resolve("logger")
    .info(
      `[${LOG_CONTEXT}] pruned views=${pruned} retention_days=${retentionDays}`
    )
}

export const config = {
  name: "customer-segments-prune-activity",
  schedule: "30 4 * * *",
}
