import { ArrowDownTray, ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  StatusBadge,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { exportUrl, useDeleteSegment, useRefreshSegment } from "../../lib/api"
import {
  fetchPriceListsUsing,
  fetchPromotionsUsing,
  SCAN_LIMIT,
  type GroupUsage,
} from "../../lib/group-rules"
import { dateTime, relativeTime } from "../../lib/format"
import type { Segment } from "../../lib/types"

/** Name, settings at a glance, and what can be done with the segment. */
export const HeaderSection = ({ segment }: { segment: Segment }) => {
  const { t, locale } = useT()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const refresh = useRefreshSegment(segment.id)
  const remove = useDeleteSegment(segment.id)
  const [checking, setChecking] = useState(false)

  /** What the dialog says about promotions and price lists on the group. */
  const usageWarning = async (): Promise<string> => {
    const groupId = segment.customer_group_id
    if (!groupId) {
      return ""
    }
    let promotions: GroupUsage
    let priceLists: GroupUsage
    try {
      ;[promotions, priceLists] = await Promise.all([
        fetchPromotionsUsing(groupId),
        fetchPriceListsUsing(groupId),
      ])
    } catch {
      return t("detail.deleteUsageFailed")
    }
    const listed = (names: string[]) =>
      names.length > SHOWN
        ? t("detail.deleteMore", {
            names: names.slice(0, SHOWN).join(", "),
            count: names.length - SHOWN,
          })
        : names.join(", ")
    const parts = [
      promotions.names.length &&
        t("detail.deletePromotions", {
          count: promotions.names.length,
          names: listed(promotions.names),
        }),
      priceLists.names.length &&
        t("detail.deletePriceLists", {
          count: priceLists.names.length,
          names: listed(priceLists.names),
        }),
    ].filter((part): part is string => !!part)
    const unchecked = promotions.unchecked + priceLists.unchecked > 0
    return [
      parts.length
        ? t("detail.deleteUsedBy", { list: parts.join(` ${t("common.and")} `) })
        : "",
      unchecked ? t("detail.deleteUnchecked", { limit: SCAN_LIMIT }) : "",
    ]
      .filter(Boolean)
      .join(" ")
  }

  const onRefresh = () =>
    refresh.mutate(undefined, {
      onSuccess: ({ refresh: result }) =>
        toast.success(t("detail.refreshed", result)),
      onError: (error) =>
        toast.error(t("detail.refreshFailed"), { description: error.message }),
    })

  const onDelete = async () => {
    setChecking(true)
    const warning = await usageWarning()
    setChecking(false)
    const confirmed = await prompt({
      title: t("detail.deleteTitle"),
      description: [
        t("detail.deleteDescription", { name: segment.name }),
        warning,
      ]
        .filter(Boolean)
        .join(" "),
      verificationText: segment.name,
      verificationInstruction: t("detail.deleteInstruction"),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
    })
    if (!confirmed) {
      return
    }
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success(t("detail.deleted", { name: segment.name }))
        navigate("/customer-segments", { replace: true })
      },
      onError: (error) =>
        toast.error(t("detail.deleteFailed"), { description: error.message }),
    })
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1">{segment.name}</Heading>
            <StatusBadge color={segment.is_active ? "green" : "grey"}>
              {segment.is_active ? t("status.active") : t("status.inactive")}
            </StatusBadge>
          </div>
          {segment.description && (
            <Text size="small" className="text-ui-fg-subtle">
              {segment.description}
            </Text>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="small"
            variant="secondary"
            onClick={onRefresh}
            isLoading={refresh.isPending}
          >
            <ArrowPath />
            {refresh.isPending ? t("detail.refreshing") : t("detail.refresh")}
          </Button>
          <Button size="small" variant="secondary" asChild>
            <a href={exportUrl(segment.id)} download>
              <ArrowDownTray />
              {t("detail.export")}
            </a>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="edit">
              <PencilSquare />
              {t("common.edit")}
            </Link>
          </Button>
          <Button
            size="small"
            variant="danger"
            onClick={onDelete}
            isLoading={checking}
          >
            <Trash />
            {t("common.delete")}
          </Button>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Fact label={t("fields.members")}>
          <span className="tabular-nums" data-testid="member-count">
            {segment.member_count.toLocaleString(locale)}
          </span>
        </Fact>
        <Fact label={t("fields.refreshMode")}>
          <Badge size="2xsmall">
            {t(`refreshModes.${segment.refresh_mode}`)}
          </Badge>
          {segment.refresh_mode === "scheduled" && segment.cron && (
            <code className="txt-compact-xsmall ml-1">{segment.cron}</code>
          )}
        </Fact>
        <Fact label={t("fields.audience")}>
          {t(`audiences.${segment.audience}`)}
        </Fact>
        <Fact label={t("fields.lastRefreshed")}>
          {segment.last_refreshed_at ? (
            <span title={dateTime(segment.last_refreshed_at, locale)}>
              {relativeTime(segment.last_refreshed_at, locale)}
            </span>
          ) : (
            t("detail.neverRefreshed")
          )}
        </Fact>
      </dl>
    </Container>
  )
}

/** Names the dialog lists before "and N more". */
const SHOWN = 5

const Fact = ({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}) => (
  <div className="flex flex-col gap-y-0.5">
    <dt className="txt-compact-xsmall text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-small-plus">{children}</dd>
  </div>
)
