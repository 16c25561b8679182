import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import { SegmentListTable } from "../../components/segment-list/segment-list-table"

const SegmentListPage = () => <SegmentListTable />

export const config = defineRouteConfig({
  label: "menu.segments",
  translationNs: "customer-segments",
  icon: UsersSolid,
  nested: "/customers",
})

export default SegmentListPage
