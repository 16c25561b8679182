import { DatePicker, Select, Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import { formatDay, parseDay } from "../../lib/format"
import type { Window } from "../../lib/types"
import { SpanInput } from "./span-input"

type WindowFieldProps = {
  value: Window | undefined
  onChange: (value: Window | undefined) => void
}

type Mode = "all" | "last" | "range"

const modeOf = (window?: Window): Mode =>
  !window ? "all" : "last" in window ? "last" : "range"

/** Which orders an aggregate counts: all, the last N days, or a date range. */
export const WindowField = ({ value, onChange }: WindowFieldProps) => {
  const { t } = useT()
  const mode = modeOf(value)
  const range = value && !("last" in value) ? value : {}

  const setMode = (next: Mode) => {
    if (next === "all") {
      onChange(undefined)
    } else if (next === "last") {
      onChange({ last: { amount: 90, unit: "days" } })
    } else {
      onChange({ from: formatDay(new Date(Date.now() - 365 * 864e5)) })
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Text size="small" className="text-ui-fg-subtle">
        {t("builder.window")}
      </Text>
      <Select
        size="small"
        value={mode}
        onValueChange={(m) => setMode(m as Mode)}
      >
        <Select.Trigger className="w-[150px]" aria-label={t("builder.window")}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {(["all", "last", "range"] as const).map((m) => (
            <Select.Item key={m} value={m}>
              {t(`builder.windows.${m}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {value && "last" in value && (
        <SpanInput value={value.last} onChange={(last) => onChange({ last })} />
      )}
      {mode === "range" && (
        <>
          <div className="w-[160px]">
            <DatePicker
              size="small"
              aria-label={t("builder.from")}
              value={parseDay(range.from)}
              onChange={(date) =>
                onChange({ ...range, from: date ? formatDay(date) : undefined })
              }
            />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.and")}
          </Text>
          <div className="w-[160px]">
            <DatePicker
              size="small"
              aria-label={t("builder.to")}
              value={parseDay(range.to)}
              onChange={(date) =>
                onChange({ ...range, to: date ? formatDay(date) : undefined })
              }
            />
          </div>
        </>
      )}
    </div>
  )
}
