import { Input, Select } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import type { RelativeSpan, WindowUnit } from "../../lib/types"

const UNITS: WindowUnit[] = ["days", "weeks", "months", "years"]

type SpanInputProps = {
  value: RelativeSpan | undefined
  onChange: (value: RelativeSpan) => void
  invalid?: boolean
}

/** "30 days": an amount and a unit, counted back from today. */
export const SpanInput = ({ value, onChange, invalid }: SpanInputProps) => {
  const { t } = useT()
  const span = value ?? { amount: 30, unit: "days" }

  return (
    <div className="flex items-center gap-x-2">
      <Input
        size="small"
        type="number"
        min={1}
        className="w-[80px]"
        aria-label={t("builder.value")}
        aria-invalid={invalid}
        value={Number.isFinite(span.amount) ? String(span.amount) : ""}
        onChange={(event) =>
          onChange({ ...span, amount: Number(event.target.value) })
        }
      />
      <Select
        size="small"
        value={span.unit}
        onValueChange={(unit) =>
          onChange({ ...span, unit: unit as WindowUnit })
        }
      >
        <Select.Trigger className="w-[110px]" aria-label={t("builder.value")}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {UNITS.map((unit) => (
            <Select.Item key={unit} value={unit}>
              {t(`units.${unit}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
