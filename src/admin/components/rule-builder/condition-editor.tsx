import { Input, Select, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import {
  defaultValue,
  newCondition,
  operatorsOf,
  valueKindOf,
} from "../../lib/rule-draft"
import type { RuleCondition } from "../../lib/types"
import { useBuilder } from "./context"
import { ConditionTypeSelect } from "./condition-type-select"
import { CurrencyField } from "./currency-field"
import { NodeIssuesList } from "./node-issues"
import { ValueInput } from "./value-input"
import { WindowField } from "./window-field"

const METADATA_TYPES = ["text", "number", "boolean", "date"] as const

type ConditionEditorProps = {
  nodeKey: string
  condition: RuleCondition
  onChange: (condition: RuleCondition) => void
}

/**
 * One condition: its type, operator and value inputs all come from the
 * catalogue entry of its type.
 */
export const ConditionEditor = ({
  nodeKey,
  condition,
  onChange,
}: ConditionEditorProps) => {
  const { t } = useT()
  const { catalogue, byType, currencies, issues } = useBuilder()
  const entry = byType.get(condition.type)
  const problems = issues[nodeKey] ?? []

  if (!entry) {
    return <NodeIssuesList issues={[`${condition.type}: ?`, ...problems]} />
  }
  const kind = valueKindOf(entry, condition)
  const operators = operatorsOf(entry, condition)
  const operator =
    operators.find((o) => o.id === condition.operator) ?? operators[0]

  const setOperator = (id: string) => {
    const next = operators.find((o) => o.id === id)!
    const { value: _value, ...rest } = condition
    const keepValue = next.value === operator.value
    const value = keepValue ? condition.value : defaultValue(kind, next)
    onChange({ ...rest, operator: id, ...(value !== undefined && { value }) })
  }

  const setValueType = (valueType: RuleCondition["value_type"]) => {
    const ops = entry.value_types?.[valueType ?? "text"] ?? entry.operators
    const { value: _value, ...rest } = condition
    const value = defaultValue(valueType ?? "text", ops[0])
    onChange({
      ...rest,
      value_type: valueType,
      operator: ops[0].id,
      ...(value !== undefined && { value }),
    })
  }

  return (
    <div className="flex flex-col gap-y-2" data-condition={condition.type}>
      <div className="flex flex-wrap items-start gap-2">
        <ConditionTypeSelect
          catalogue={catalogue}
          value={condition.type}
          label={t("builder.conditionType")}
          className="w-[200px]"
          onChange={(type) => {
            if (type !== condition.type) {
              onChange(newCondition(byType.get(type)!, currencies))
            }
          }}
        />
        {entry.extra_fields.includes("key") && (
          <>
            <Input
              size="small"
              className="w-[150px]"
              aria-label={t("builder.metadataKey")}
              placeholder={t("builder.metadataKeyPlaceholder")}
              value={condition.key ?? ""}
              onChange={(event) =>
                onChange({ ...condition, key: event.target.value })
              }
            />
            <Select
              size="small"
              value={condition.value_type ?? "text"}
              onValueChange={(v) =>
                setValueType(v as RuleCondition["value_type"])
              }
            >
              <Select.Trigger
                className="w-[110px]"
                aria-label={t("builder.valueType")}
              >
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {METADATA_TYPES.map((type) => (
                  <Select.Item key={type} value={type}>
                    {t(`builder.valueTypes.${type}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </>
        )}
        {operators.length > 1 ? (
          <Select size="small" value={operator.id} onValueChange={setOperator}>
            <Select.Trigger
              className="w-[170px]"
              aria-label={t("builder.operator")}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {operators.map((o) => (
                <Select.Item key={o.id} value={o.id}>
                  {t(`catalogue.operators.${o.id}`, { defaultValue: o.label })}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        ) : (
          <Text size="small" className="text-ui-fg-subtle self-center">
            {t(`catalogue.operators.${operator.id}`, {
              defaultValue: operator.label,
            })}
          </Text>
        )}
        <ValueInput
          kind={kind}
          operator={operator}
          picker={entry.picker}
          unit={entry.unit}
          value={condition.value}
          invalid={problems.length > 0}
          onChange={(value) => {
            const { value: _old, ...rest } = condition
            onChange(value === undefined ? rest : { ...rest, value })
          }}
        />
        {entry.extra_fields.includes("min_times") &&
          condition.operator === "bought" && (
            <div className="flex items-center gap-x-2">
              <Text size="small" className="text-ui-fg-subtle">
                {t("builder.minTimes")}
              </Text>
              <Input
                size="small"
                type="number"
                min={1}
                className="w-[70px]"
                aria-label={t("builder.minTimes")}
                value={String(condition.min_times ?? 1)}
                onChange={(event) => {
                  const { min_times: _old, ...rest } = condition
                  const n = Number(event.target.value)
                  onChange(n > 1 ? { ...rest, min_times: n } : rest)
                }}
              />
            </div>
          )}
      </div>
      {(entry.window || entry.currency !== "none") && (
        <div className="flex flex-wrap items-center gap-2">
          {entry.window && (
            <WindowField
              value={condition.window}
              onChange={(window) => {
                const { window: _old, ...rest } = condition
                onChange(window ? { ...rest, window } : rest)
              }}
            />
          )}
          {entry.currency !== "none" && (
            <CurrencyField
              required={entry.currency === "required"}
              currencies={currencies}
              value={condition.currency}
              onChange={(currency) => {
                const { currency: _old, ...rest } = condition
                onChange(currency ? { ...rest, currency } : rest)
              }}
            />
          )}
        </div>
      )}
      <NodeIssuesList issues={problems} />
    </div>
  )
}
