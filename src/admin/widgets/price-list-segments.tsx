import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminPriceList,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { SegmentTargets } from "../components/segment-targets/segment-targets"
import { usePriceListTargets } from "../lib/group-rules"

/** The segments this price list's customer-group rules target. */
const PriceListSegmentsWidget = ({
  data,
}: DetailWidgetProps<AdminPriceList>) => {
  const { data: targets } = usePriceListTargets(data.id, data.updated_at)
  return <SegmentTargets targets={targets} owner="priceList" />
}

export const config = defineWidgetConfig({
  zone: "price_list.details.side.after",
})

export default PriceListSegmentsWidget
