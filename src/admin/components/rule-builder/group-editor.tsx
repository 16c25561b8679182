import { ArrowDownMini, ArrowUpMini, Plus, Trash } from "@medusajs/icons"
import { Button, clx, IconButton, Select, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import {
  type DraftGroup,
  type DraftNode,
  emptyGroup,
  isDraftGroup,
  newCondition,
} from "../../lib/rule-draft"
import { useBuilder } from "./context"
import { ConditionEditor } from "./condition-editor"
import { ConditionTypeSelect } from "./condition-type-select"
import { NodeIssuesList } from "./node-issues"

type MatchChoice = "all" | "any" | "none" | "notAll"

const choiceOf = (group: DraftGroup): MatchChoice =>
  group.negate ? (group.match === "any" ? "none" : "notAll") : group.match

const fromChoice = (choice: MatchChoice) =>
  ({
    all: { match: "all", negate: false },
    any: { match: "any", negate: false },
    none: { match: "any", negate: true },
    notAll: { match: "all", negate: true },
  })[choice] as Pick<DraftGroup, "match" | "negate">

type GroupEditorProps = {
  group: DraftGroup
  depth: number
  onChange: (group: DraftGroup) => void
  /** Actions on this group within its parent; none for the root. */
  controls?: React.ReactNode
}

/** A group of conditions and groups, matched as all / any / none of them. */
export const GroupEditor = ({
  group,
  depth,
  onChange,
  controls,
}: GroupEditorProps) => {
  const { t } = useT()
  const { catalogue, byType, currencies, issues, maxDepth } = useBuilder()

  const setChild = (key: string, next: DraftNode | null) =>
    onChange({
      ...group,
      children: group.children.flatMap((child) =>
        child.key === key ? (next ? [next] : []) : [child]
      ),
    })

  const move = (index: number, by: -1 | 1) => {
    const children = [...group.children]
    ;[children[index], children[index + by]] = [
      children[index + by],
      children[index],
    ]
    onChange({ ...group, children })
  }

  return (
    <div
      className={clx(
        "flex flex-col gap-y-3 rounded-lg border p-3",
        depth === 0 ? "bg-ui-bg-subtle" : "bg-ui-bg-base",
        group.negate && "border-ui-border-error border-dashed"
      )}
      role="group"
      aria-label={t("builder.groupLabel")}
      data-depth={depth}
    >
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus">
            {t("builder.matchLabel")}
          </Text>
          <Select
            size="small"
            value={choiceOf(group)}
            onValueChange={(choice) =>
              onChange({ ...group, ...fromChoice(choice as MatchChoice) })
            }
          >
            <Select.Trigger
              className="w-[160px]"
              aria-label={t("builder.matchLabel")}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(["all", "any", "none", "notAll"] as const).map((choice) => (
                <Select.Item key={choice} value={choice}>
                  {t(`builder.match.${choice}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {controls}
      </div>

      <NodeIssuesList issues={issues[group.key] ?? []} />
      {group.children.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("builder.emptyGroup")}
        </Text>
      )}

      <ol className="flex flex-col gap-y-2">
        {group.children.map((child, index) => {
          const childControls = (
            <NodeControls
              first={index === 0}
              last={index === group.children.length - 1}
              onMove={(by) => move(index, by)}
              onRemove={() => setChild(child.key, null)}
              removeLabel={
                isDraftGroup(child) ? t("builder.removeGroup") : undefined
              }
            />
          )
          return (
            <li key={child.key} className="flex flex-col gap-y-2">
              {index > 0 && (
                <Text
                  size="xsmall"
                  weight="plus"
                  className="text-ui-fg-muted uppercase"
                >
                  {group.match === "all" ? t("describe.and") : t("describe.or")}
                </Text>
              )}
              {isDraftGroup(child) ? (
                <GroupEditor
                  group={child}
                  depth={depth + 1}
                  onChange={(next) => setChild(child.key, next)}
                  controls={childControls}
                />
              ) : (
                <div className="bg-ui-bg-base shadow-borders-base flex items-start justify-between gap-x-2 rounded-md p-2">
                  <ConditionEditor
                    nodeKey={child.key}
                    condition={child.condition}
                    onChange={(condition) =>
                      setChild(child.key, { ...child, condition })
                    }
                  />
                  {childControls}
                </div>
              )}
            </li>
          )
        })}
      </ol>

      <div className="flex items-center gap-x-2">
        <ConditionTypeSelect
          catalogue={catalogue}
          placeholder={t("builder.addCondition")}
          label={t("builder.addCondition")}
          className="w-[200px]"
          onChange={(type) =>
            onChange({
              ...group,
              children: [
                ...group.children,
                {
                  key: emptyGroup().key,
                  condition: newCondition(byType.get(type)!, currencies),
                },
              ],
            })
          }
        />
        {depth + 1 < maxDepth && (
          <Button
            size="small"
            variant="secondary"
            type="button"
            onClick={() =>
              onChange({
                ...group,
                children: [...group.children, emptyGroup()],
              })
            }
          >
            <Plus />
            {t("builder.addGroup")}
          </Button>
        )}
      </div>
    </div>
  )
}

type NodeControlsProps = {
  first: boolean
  last: boolean
  onMove: (by: -1 | 1) => void
  onRemove: () => void
  removeLabel?: string
}

const NodeControls = ({
  first,
  last,
  onMove,
  onRemove,
  removeLabel,
}: NodeControlsProps) => {
  const { t } = useT()
  return (
    <div className="flex shrink-0 items-center gap-x-1">
      <IconButton
        size="small"
        variant="transparent"
        type="button"
        aria-label={t("common.moveUp")}
        disabled={first}
        onClick={() => onMove(-1)}
      >
        <ArrowUpMini />
      </IconButton>
      <IconButton
        size="small"
        variant="transparent"
        type="button"
        aria-label={t("common.moveDown")}
        disabled={last}
        onClick={() => onMove(1)}
      >
        <ArrowDownMini />
      </IconButton>
      <IconButton
        size="small"
        variant="transparent"
        type="button"
        aria-label={removeLabel ?? t("common.remove")}
        onClick={onRemove}
      >
        <Trash />
      </IconButton>
    </div>
  )
}
