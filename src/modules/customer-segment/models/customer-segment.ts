import { model } from "@medusajs/framework/utils"
import { AUDIENCES, REFRESH_MODES } from "../constants"
import CustomerSegmentMembership from "./customer-segment-membership"
import CustomerSegmentRefresh from "./customer-segment-refresh"

const CustomerSegment = model
  .define("customer_segment", {
    id: model.id({ prefix: "cseg" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    // The rule tree as validated by `rules/schema.ts`; compiled to SQL at
    // every refresh, so a change to the registry never needs a data migration.
    rule: model.json(),
    refresh_mode: model.enum([...REFRESH_MODES]).default("manual"),
    // Five-field cron expression in the store's timezone; only read when
    // `refresh_mode` is `scheduled`.
    cron: model.text().nullable(),
    is_active: model.boolean().default(true),
    audience: model.enum([...AUDIENCES]).default("all"),
    // Denormalised from the memberships at each refresh so lists need no count.
    member_count: model.number().default(0),
    last_refreshed_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    // The customer group the plugin keeps equal to the members, so that
    // promotions and price lists gate on the segment natively. Null until
    // the group is created, and for segments saved before the plugin
    // managed groups.
    customer_group_id: model.text().nullable(),
    memberships: model.hasMany(() => CustomerSegmentMembership, {
      mappedBy: "segment",
    }),
    refreshes: model.hasMany(() => CustomerSegmentRefresh, {
      mappedBy: "segment",
    }),
  })
  .cascades({ delete: ["memberships", "refreshes"] })
  .indexes([{ on: ["refresh_mode", "is_active"] }])

export default CustomerSegment
