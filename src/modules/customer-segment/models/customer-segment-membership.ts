import { model } from "@medusajs/framework/utils"
import CustomerSegment from "./customer-segment"

const CustomerSegmentMembership = model
  .define("customer_segment_membership", {
    id: model.id({ prefix: "csegm" }).primaryKey(),
    // A Medusa customer id; the customer lives in the customer module.
    customer_id: model.text(),
    segment: model.belongsTo(() => CustomerSegment, {
      mappedBy: "memberships",
    }),
  })
  .indexes([
    {
      on: ["segment_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default CustomerSegmentMembership
