import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../hooks/use-t"
import { useCustomerSegments } from "../lib/api"
import { day } from "../lib/format"

/** The segments the customer belongs to, each with since when. */
const CustomerSegmentsWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { t, locale } = useT()
  const { data: result } = useCustomerSegments(data.id)
  const segments = result?.customer_segments

  return (
    <Container className="divide-y p-0" data-testid="customer-segments-widget">
      <div className="px-6 py-4">
        <Heading level="h2">{t("widgets.customerTitle")}</Heading>
      </div>
      <div className="px-6 py-4">
        {!segments && <Skeleton className="h-5 w-48" />}
        {segments?.length === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            {t("widgets.customerEmpty")}
          </Text>
        )}
        {segments && segments.length > 0 && (
          <ul className="flex flex-col gap-y-2">
            {segments.map((segment) => (
              <li
                key={segment.id}
                className="flex items-center justify-between gap-x-2"
              >
                <Link
                  to={`/customer-segments/${segment.id}`}
                  className="txt-compact-small-plus text-ui-fg-interactive hover:underline"
                >
                  {segment.name}
                </Link>
                <div className="flex items-center gap-x-3">
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("widgets.since", {
                      date: day(segment.member_since, locale),
                    })}
                  </Text>
                  <Link
                    to={`/customer-segments/${segment.id}?explain=${data.id}#explain`}
                    className="txt-compact-xsmall text-ui-fg-muted hover:text-ui-fg-subtle"
                  >
                    {t("explain.openFromCustomer")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
})

export default CustomerSegmentsWidget
