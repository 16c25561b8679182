import { Badge, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { useSegmentsOfGroups } from "../../lib/api"
import type { GroupOperator, GroupTarget } from "../../lib/group-rules"

type Props = {
  /** Undefined while the rules load. */
  targets: GroupTarget[] | undefined
  /** "promotion" or "priceList": picks the empty-state wording. */
  owner: "promotion" | "priceList"
}

/**
 * The segments a promotion's or price list's customer-group rules target,
 * with their member counts and whether the rule includes or excludes them.
 */
export const SegmentTargets = ({ targets, owner }: Props) => {
  const { t, locale } = useT()
  const groupIds = [...new Set((targets ?? []).map((t) => t.group_id))]
  const { data, isError } = useSegmentsOfGroups(groupIds)

  const operatorOf = (groupId: string | null): GroupOperator =>
    targets?.find((t) => t.group_id === groupId)?.operator ?? "in"
  const segments = groupIds.length === 0 ? [] : data?.customer_segments
  const included = (segments ?? []).filter(
    (s) => operatorOf(s.customer_group_id) === "in"
  )
  const reach = included.reduce((sum, s) => sum + s.member_count, 0)

  return (
    <Container className="divide-y p-0" data-testid="segment-targets-widget">
      <div className="px-6 py-4">
        <Heading level="h2">{t("widgets.targetsTitle")}</Heading>
      </div>
      <div className="px-6 py-4">
        {isError && (
          <Text size="small" className="text-ui-fg-error">
            {t("widgets.targetsFailed")}
          </Text>
        )}
        {!isError && (!targets || !segments) && (
          <Skeleton className="h-5 w-48" />
        )}
        {segments?.length === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            {t(`widgets.targetsEmpty.${owner}`)}
          </Text>
        )}
        {segments && segments.length > 0 && (
          <div className="flex flex-col gap-y-3">
            <ul className="flex flex-col gap-y-2">
              {segments.map((segment) => {
                const operator = operatorOf(segment.customer_group_id)
                return (
                  <li
                    key={segment.id}
                    className="flex items-center justify-between gap-x-2"
                  >
                    <div className="flex items-center gap-x-2">
                      <Badge
                        size="2xsmall"
                        color={operator === "in" ? "green" : "orange"}
                      >
                        {t(`widgets.operators.${operator}`)}
                      </Badge>
                      <Link
                        to={`/customer-segments/${segment.id}`}
                        className="txt-compact-small-plus text-ui-fg-interactive hover:underline"
                      >
                        {segment.name}
                      </Link>
                    </div>
                    <Text
                      size="xsmall"
                      className="text-ui-fg-subtle tabular-nums"
                    >
                      {t("widgets.members", {
                        count: segment.member_count,
                        formatted: segment.member_count.toLocaleString(locale),
                      })}
                    </Text>
                  </li>
                )
              })}
            </ul>
            {included.length > 0 && (
              <Text size="small" className="text-ui-fg-subtle">
                {t(
                  included.length === 1
                    ? "widgets.targetsReachOne"
                    : "widgets.targetsReachMany",
                  { count: reach, formatted: reach.toLocaleString(locale) }
                )}
              </Text>
            )}
          </div>
        )}
      </div>
    </Container>
  )
}
