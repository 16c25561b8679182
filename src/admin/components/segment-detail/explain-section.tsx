import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { useConditionCatalogue, useExplanation } from "../../lib/api"
import { customerName, day } from "../../lib/format"
import { observedValue } from "../../lib/observed"
import type {
  CatalogueEntry,
  ExplainedCondition,
  ExplainedCustomer,
  ExplainedGroup,
  RuleCondition,
  RuleGroup,
  RuleNode,
} from "../../lib/types"
import { isGroup } from "../../lib/types"
import { CustomerSearch } from "./customer-search"
import { ConditionWords, groupHeading } from "./rule-summary"

/**
 * Why a customer is or is not a member: each condition with the customer's
 * actual value and whether it held. The customer is kept in the URL
 * (`?explain=cus_...`), so the customer page can link straight here.
 */
export const ExplainSection = ({
  segmentId,
  rule,
  audience,
}: {
  segmentId: string
  rule: RuleGroup
  audience: string
}) => {
  const { t, locale } = useT()
  const [params, setParams] = useSearchParams()
  const customerId = params.get("explain")
  const { data, isFetching } = useExplanation(segmentId, customerId)
  const catalogue = useConditionCatalogue()
  const byType = new Map(
    (catalogue.data?.conditions ?? []).map((e) => [e.type, e])
  )
  const explanation = data?.explanation

  return (
    <Container
      className="flex flex-col gap-y-3 px-6 py-4"
      id="explain"
      data-testid="explain"
    >
      <div>
        <Heading level="h2">{t("explain.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("explain.hint")}
        </Text>
      </div>
      <CustomerSearch
        onPick={(customer) => {
          const next = new URLSearchParams(params)
          next.set("explain", customer.id)
          setParams(next, { replace: true })
        }}
      />
      {customerId && !explanation && isFetching && (
        <Skeleton className="h-24 w-full" />
      )}
      {explanation && (
        <div className="flex flex-col gap-y-2" aria-live="polite">
          <Text size="small" weight="plus">
            {explanation.is_member
              ? t("explain.member", {
                  name: customerName(explanation.customer),
                  since: day(explanation.member_since!, locale),
                })
              : t("explain.notMember", {
                  name: customerName(explanation.customer),
                })}{" "}
            {explanation.matches
              ? t("explain.matchesNow")
              : t("explain.noMatchNow")}
          </Text>
          {!explanation.in_audience && (
            <Text size="small" className="text-ui-fg-error">
              {t("explain.outsideAudience", {
                audience: t(`audiences.${audience}`),
              })}
            </Text>
          )}
          <ExplainedGroupView
            group={explanation.rule}
            rule={rule}
            byType={byType}
            customer={explanation.customer}
          />
        </div>
      )}
    </Container>
  )
}

const Verdict = ({ held }: { held: boolean }) => {
  const { t } = useT()
  return held ? (
    <CheckCircleSolid
      className="text-ui-tag-green-icon shrink-0"
      aria-label={t("explain.held")}
    />
  ) : (
    <XCircleSolid
      className="text-ui-tag-red-icon shrink-0"
      aria-label={t("explain.notHeld")}
    />
  )
}

type ViewProps = {
  byType: Map<string, CatalogueEntry>
  customer: ExplainedCustomer
}

const ExplainedGroupView = ({
  group,
  rule,
  ...props
}: ViewProps & { group: ExplainedGroup; rule: RuleGroup }) => {
  const { t } = useT()
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-1.5">
        <Verdict held={group.held} />
        <Text size="small" weight="plus">
          {groupHeading(group, t)}
        </Text>
      </div>
      <ul className="border-ui-border-base ml-2 flex flex-col gap-y-1.5 border-l pl-3">
        {group.conditions.map((node, i) => {
          const source: RuleNode = rule.conditions[i]
          return (
            <li key={node.path}>
              {node.kind === "group" && isGroup(source) ? (
                <ExplainedGroupView group={node} rule={source} {...props} />
              ) : (
                <ExplainedConditionView
                  node={node as ExplainedCondition}
                  condition={source as RuleCondition}
                  {...props}
                />
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

const ExplainedConditionView = ({
  node,
  condition,
  byType,
  customer,
}: ViewProps & { node: ExplainedCondition; condition: RuleCondition }) => {
  const { t, locale } = useT()
  const entry = byType.get(condition.type)
  const actual = observedValue(node, condition, entry, customer, locale, {
    yes: t("common.yes"),
    no: t("common.no"),
  })

  return (
    <div className="flex items-start gap-x-1.5" data-held={node.held}>
      <Verdict held={node.held} />
      <div className="flex flex-col">
        <ConditionWords condition={condition} entry={entry} />
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("explain.actual", { value: actual ?? t("explain.noValue") })}
        </Text>
      </div>
    </div>
  )
}
