import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer-segment"
import {
  isCron,
  nextFirings,
} from "../../../../modules/customer-segment/scheduling/cron"
import type CustomerSegmentModuleService from "../../../../modules/customer-segment/service"

const RUNS = 3

/**
 * When a cron expression would next refresh a segment, in the store's
 * timezone (the plugin's `timezone` option), which the admin cannot know.
 * `GET /admin/customer-segments/schedule?cron=0 2 * * *`
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const cron = typeof req.query.cron === "string" ? req.query.cron.trim() : ""
  if (!isCron(cron)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `cron ${JSON.stringify(cron)} is not a five-field cron expression such as "0 2 * * *"`
    )
  }
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const { timezone } = service.getOptions()

  res.json({
    cron,
    timezone,
    next_runs: nextFirings(cron, timezone, new Date(), RUNS),
  })
}
