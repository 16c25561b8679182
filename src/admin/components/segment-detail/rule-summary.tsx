import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import { useConditionCatalogue } from "../../lib/api"
import { describeCondition, pickedIds } from "../../lib/describe"
import { usePickerLabels } from "../../lib/pickers"
import type { CatalogueEntry, RuleCondition, RuleGroup } from "../../lib/types"
import { isGroup } from "../../lib/types"

export const groupHeading = (
  group: Pick<RuleGroup, "match" | "negate">,
  t: (key: string) => string
) =>
  group.negate
    ? t(group.match === "any" ? "describe.none" : "describe.notAll")
    : t(group.match === "any" ? "describe.any" : "describe.all")

/** The rule in words, nested the way its groups are. */
export const RuleSummary = ({ rule }: { rule: RuleGroup }) => {
  const { t } = useT()
  const catalogue = useConditionCatalogue()

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">{t("detail.rule")}</Heading>
      {catalogue.data ? (
        <GroupWords
          group={rule}
          byType={new Map(catalogue.data.conditions.map((e) => [e.type, e]))}
        />
      ) : (
        <Skeleton className="h-12 w-full" />
      )}
    </Container>
  )
}

const GroupWords = ({
  group,
  byType,
}: {
  group: RuleGroup
  byType: Map<string, CatalogueEntry>
}) => {
  const { t } = useT()
  return (
    <div className="flex flex-col gap-y-1" data-testid="rule-summary">
      <Text size="small" weight="plus">
        {groupHeading(group, t)}
      </Text>
      <ul className="border-ui-border-base ml-1 flex flex-col gap-y-1 border-l pl-3">
        {group.conditions.map((node, i) => (
          <li key={i} className="flex gap-x-2">
            {i > 0 && (
              <Text
                size="xsmall"
                weight="plus"
                className="text-ui-fg-muted w-8"
              >
                {group.match === "all" ? t("describe.and") : t("describe.or")}
              </Text>
            )}
            {i === 0 && <span className="w-8" />}
            {isGroup(node) ? (
              <GroupWords group={node} byType={byType} />
            ) : (
              <ConditionWords condition={node} entry={byType.get(node.type)} />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

export const ConditionWords = ({
  condition,
  entry,
}: {
  condition: RuleCondition
  entry: CatalogueEntry | undefined
}) => {
  const { t, locale } = useT()
  const labels = usePickerLabels(
    entry?.picker ?? null,
    pickedIds(condition, entry)
  )
  return (
    <Text size="small">
      {describeCondition(condition, entry, { t, locale, labels })}
    </Text>
  )
}
