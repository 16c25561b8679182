import { DatePicker, Input, Select, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import { formatDay, parseDay } from "../../lib/format"
import { hasPickerSource } from "../../lib/pickers"
import type { CatalogueOperator, RelativeSpan } from "../../lib/types"
import { EntityPicker } from "./entity-picker"
import { SpanInput } from "./span-input"
import { TextListInput } from "./text-list-input"

type ValueInputProps = {
  /** The value kind: text, number, money, date, boolean, id_list, ... */
  kind: string
  operator: CatalogueOperator
  picker: string | null
  unit: string | null
  value: unknown
  onChange: (value: unknown) => void
  invalid?: boolean
}

/** The input that fits the operator's value shape and the value kind. */
export const ValueInput = (props: ValueInputProps) => {
  const { t } = useT()
  const { operator, value, onChange } = props

  switch (operator.value) {
    case "none":
      return null
    case "span":
      return (
        <SpanInput
          value={value as RelativeSpan}
          onChange={onChange}
          invalid={props.invalid}
        />
      )
    case "list":
      if (hasPickerSource(props.picker)) {
        return (
          <EntityPicker
            picker={props.picker!}
            value={Array.isArray(value) ? (value as string[]) : []}
            onChange={onChange}
            invalid={props.invalid}
          />
        )
      }
      return (
        <TextListInput
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
          invalid={props.invalid}
        />
      )
    case "pair": {
      const [from, to] = Array.isArray(value) ? value : [undefined, undefined]
      return (
        <div className="flex items-center gap-x-2">
          <SingleValue
            {...props}
            value={from}
            onChange={(v) => onChange([v, to])}
          />
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.and")}
          </Text>
          <SingleValue
            {...props}
            value={to}
            onChange={(v) => onChange([from, v])}
          />
        </div>
      )
    }
    case "single":
      return <SingleValue {...props} />
  }
}

const SingleValue = ({
  kind,
  unit,
  value,
  onChange,
  invalid,
}: ValueInputProps) => {
  const { t } = useT()

  if (kind === "date") {
    return (
      <div className="w-[170px]">
        <DatePicker
          size="small"
          aria-label={t("builder.value")}
          value={parseDay(value)}
          onChange={(date) => onChange(date ? formatDay(date) : undefined)}
        />
      </div>
    )
  }
  if (kind === "boolean") {
    return (
      <Select
        size="small"
        value={value === false ? "false" : "true"}
        onValueChange={(v) => onChange(v === "true")}
      >
        <Select.Trigger className="w-[100px]" aria-label={t("builder.value")}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="true">{t("common.yes")}</Select.Item>
          <Select.Item value="false">{t("common.no")}</Select.Item>
        </Select.Content>
      </Select>
    )
  }
  if (kind === "number" || kind === "money") {
    return (
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          type="number"
          className="w-[120px]"
          aria-label={t("builder.value")}
          aria-invalid={invalid}
          min={kind === "money" ? 0 : undefined}
          step="any"
          value={typeof value === "number" ? String(value) : ""}
          onChange={(event) =>
            onChange(
              event.target.value === "" ? undefined : Number(event.target.value)
            )
          }
        />
        {unit && unit !== "currency" && (
          <Text size="small" className="text-ui-fg-subtle">
            {unit}
          </Text>
        )}
      </div>
    )
  }
  return (
    <Input
      size="small"
      className="w-[200px]"
      aria-label={t("builder.value")}
      aria-invalid={invalid}
      placeholder={t("builder.valuePlaceholder")}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
