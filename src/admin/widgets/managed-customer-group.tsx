import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomerGroup,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { InformationCircle } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../hooks/use-t"

/** Set in the group's metadata by the plugin's group sync. */
const MANAGED_BY = "medusa-customer-segments"

/**
 * A notice on customer groups the plugin keeps in step with a segment:
 * edits made here by hand are overwritten at the next refresh.
 */
const ManagedCustomerGroupWidget = ({
  data,
}: DetailWidgetProps<AdminCustomerGroup>) => {
  const { t } = useT()
  const metadata = data.metadata as Record<string, unknown> | null
  if (metadata?.managed_by !== MANAGED_BY) {
    return null
  }
  const segmentId =
    typeof metadata.customer_segment_id === "string"
      ? metadata.customer_segment_id
      : null

  return (
    <Container className="flex items-start gap-x-3 px-6 py-4" role="note">
      <InformationCircle className="text-ui-fg-interactive mt-0.5 shrink-0" />
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t("widgets.managedTitle")}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {t("widgets.managedDescription")}
        </Text>
        {segmentId && (
          <Link
            to={`/customer-segments/${segmentId}`}
            className="txt-compact-small-plus text-ui-fg-interactive hover:underline"
          >
            {t("widgets.managedLink")}
          </Link>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer_group.details",
})

export default ManagedCustomerGroupWidget
