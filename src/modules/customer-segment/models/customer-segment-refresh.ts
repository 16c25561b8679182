import { model } from "@medusajs/framework/utils"
import { REFRESH_TRIGGERS } from "../constants"
import CustomerSegment from "./customer-segment"

/** One row per refresh attempt, successful or not. */
const CustomerSegmentRefresh = model
  .define("customer_segment_refresh", {
    id: model.id({ prefix: "csegr" }).primaryKey(),
    trigger: model.enum([...REFRESH_TRIGGERS]),
    started_at: model.dateTime(),
    // Null while the refresh runs.
    finished_at: model.dateTime().nullable(),
    added: model.number().default(0),
    removed: model.number().default(0),
    total: model.number().default(0),
    // Why the refresh failed; null on success. Memberships are untouched then.
    error: model.text().nullable(),
    segment: model.belongsTo(() => CustomerSegment, {
      mappedBy: "refreshes",
    }),
  })
  .indexes([{ on: ["segment_id", "started_at"] }])

export default CustomerSegmentRefresh
