import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import { useRefreshes } from "../../lib/api"
import { dateTime, relativeTime } from "../../lib/format"
import { MemberChart } from "./member-chart"

const SHOWN = 10

/** The member count over time, and the latest refreshes. */
export const HistorySection = ({ segmentId }: { segmentId: string }) => {
  const { t, locale } = useT()
  const { data } = useRefreshes(segmentId)
  const refreshes = data?.refreshes ?? []

  return (
    <Container
      className="flex flex-col gap-y-4 px-6 py-4"
      data-testid="history"
    >
      <Heading level="h2">{t("detail.chart")}</Heading>
      <div className="min-h-[80px]">
        {data && <MemberChart refreshes={refreshes} />}
      </div>
      <Heading level="h2">{t("detail.history")}</Heading>
      {data && refreshes.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("detail.historyEmpty")}
        </Text>
      ) : (
        <div className="-mx-6 overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("detail.started")}</Table.HeaderCell>
                <Table.HeaderCell>{t("detail.trigger")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("detail.added")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("detail.removed")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("detail.total")}
                </Table.HeaderCell>
                <Table.HeaderCell>{t("detail.duration")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {refreshes.slice(0, SHOWN).map((refresh) => (
                <Table.Row key={refresh.id}>
                  <Table.Cell
                    className="whitespace-nowrap"
                    title={dateTime(refresh.started_at, locale)}
                  >
                    {relativeTime(refresh.started_at, locale)}
                  </Table.Cell>
                  <Table.Cell>
                    {t(`detail.triggers.${refresh.trigger}`, {
                      defaultValue: refresh.trigger,
                    })}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums text-ui-fg-interactive">
                    +{refresh.added}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums text-ui-fg-error">
                    −{refresh.removed}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {refresh.total.toLocaleString(locale)}
                  </Table.Cell>
                  <Table.Cell>
                    {refresh.error ? (
                      <StatusBadge color="red" title={refresh.error}>
                        {t("detail.failed")}
                      </StatusBadge>
                    ) : refresh.finished_at ? (
                      `${(
                        new Date(refresh.finished_at).getTime() -
                        new Date(refresh.started_at).getTime()
                      ).toLocaleString(locale)} ms`
                    ) : (
                      <StatusBadge color="orange">
                        {t("detail.running")}
                      </StatusBadge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
