import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminPromotion,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { SegmentTargets } from "../components/segment-targets/segment-targets"
import { usePromotionTargets } from "../lib/group-rules"

/** The segments this promotion's customer-group rules target. */
const PromotionSegmentsWidget = ({
  data,
}: DetailWidgetProps<AdminPromotion>) => {
  const { data: targets } = usePromotionTargets(
    data.id,
    (data as { updated_at?: string }).updated_at
  )
  return <SegmentTargets targets={targets} owner="promotion" />
}

export const config = defineWidgetConfig({
  zone: "promotion.details.side.after",
})

export default PromotionSegmentsWidget
