import { Button, Hint, Input, Label, Text } from "@medusajs/ui"
import cronstrue from "cronstrue"
import { useDebounced } from "../../hooks/use-debounced"
import { useT } from "../../hooks/use-t"
import { useSchedule } from "../../lib/api"
import { dateTime, relativeTime } from "../../lib/format"

const PRESETS = [
  { cron: "0 2 * * *", label: "cron.presetDaily" },
  { cron: "0 * * * *", label: "cron.presetHourly" },
  { cron: "0 6 * * 1", label: "cron.presetWeekly" },
]

const describeCron = (cron: string, locale: string): string | null => {
  try {
    return cronstrue.toString(cron, {
      use24HourTimeFormat: true,
      locale: locale.split("-")[0],
      throwExceptionOnParseError: true,
    })
  } catch {
    return null
  }
}

type CronFieldProps = {
  value: string
  onChange: (value: string) => void
  error?: string
}

/**
 * A cron expression with what it means in words and the next runs, which
 * the server computes in the store's timezone.
 */
export const CronField = ({ value, onChange, error }: CronFieldProps) => {
  const { t, locale } = useT()
  const cron = useDebounced(value.trim(), 300)
  const words = cron ? describeCron(cron, locale) : null
  const schedule = useSchedule(words ? cron : null)

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor="segment-cron" size="small" weight="plus">
        {t("fields.cron")}
      </Label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id="segment-cron"
          className="w-[200px] font-mono"
          placeholder={t("cron.placeholder")}
          value={value}
          aria-invalid={!!error || (!!cron && !words)}
          onChange={(event) => onChange(event.target.value)}
        />
        {PRESETS.map((preset) => (
          <Button
            key={preset.cron}
            type="button"
            size="small"
            variant="secondary"
            onClick={() => onChange(preset.cron)}
          >
            {t(preset.label)}
          </Button>
        ))}
      </div>
      <Hint>{t("cron.hint")}</Hint>
      {error && <Hint variant="error">{error}</Hint>}
      {cron && !words && <Hint variant="error">{t("cron.invalid")}</Hint>}
      {words && (
        <div className="flex flex-col gap-y-1" aria-live="polite">
          <Text size="small" weight="plus">
            {words}
          </Text>
          {schedule.data && (
            <>
              <Text size="small" className="text-ui-fg-subtle">
                {t("cron.nextRuns", { timezone: schedule.data.timezone })}
              </Text>
              <ul className="text-ui-fg-subtle txt-small list-inside list-disc">
                {schedule.data.next_runs.map((run) => (
                  <li key={run}>
                    {dateTime(run, locale, schedule.data.timezone)} (
                    {relativeTime(run, locale)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  )
}
