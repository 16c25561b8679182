import { XMarkMini } from "@medusajs/icons"
import { Badge, clx, Input, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { useDebounced } from "../../hooks/use-debounced"
import { useT } from "../../hooks/use-t"
import { usePickerLabels, usePickerSearch } from "../../lib/pickers"

type EntityPickerProps = {
  picker: string
  value: string[]
  onChange: (value: string[]) => void
  invalid?: boolean
}

/**
 * Chooses ids by searching Medusa's own data by name. Arrow keys move
 * through the results, Enter picks, Backspace in an empty search removes the
 * last choice.
 */
export const EntityPicker = ({
  picker,
  value,
  onChange,
  invalid,
}: EntityPickerProps) => {
  const { t } = useT()
  const listId = useId()
  const [q, setQ] = useState("")
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const search = useDebounced(q, 250)
  const { data: options = [], isFetching } = usePickerSearch(picker, search)
  const labels = usePickerLabels(picker, value)
  const choices = options.filter((option) => !value.includes(option.value))

  const pick = (id: string) => {
    onChange([...value, id])
    setQ("")
    setActive(0)
    setOpen(false)
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, choices.length - 1))
    } else if (event.key === "ArrowUp") {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === "Enter" && open && choices[active]) {
      event.preventDefault()
      pick(choices[active].value)
    } else if (event.key === "Escape") {
      setOpen(false)
    } else if (event.key === "Backspace" && !q && value.length) {
      onChange(value.slice(0, -1))
    }
  }

  return (
    <div className="relative flex min-w-[240px] flex-1 flex-col gap-y-1">
      {value.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {value.map((id) => (
            <Badge key={id} size="2xsmall" className="gap-x-0.5 pr-0.5">
              <span className="max-w-[200px] truncate">{labels[id] ?? id}</span>
              <button
                type="button"
                className="text-ui-fg-muted hover:text-ui-fg-subtle rounded-sm"
                aria-label={t("builder.removeValue", {
                  label: labels[id] ?? id,
                })}
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
      <Input
        size="small"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-invalid={invalid}
        placeholder={t("builder.search")}
        value={q}
        onChange={(event) => {
          setQ(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-lg p-1"
        >
          {choices.length === 0 && (
            <li className="px-2 py-1.5">
              <Text size="small" className="text-ui-fg-muted">
                {isFetching ? t("common.loading") : t("builder.noOptions")}
              </Text>
            </li>
          )}
          {choices.map((option, i) => (
            <li
              key={option.value}
              role="option"
              aria-selected={i === active}
              className={clx(
                "txt-compact-small cursor-pointer rounded-md px-2 py-1.5",
                i === active && "bg-ui-bg-base-hover"
              )}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(event) => {
                event.preventDefault()
                pick(option.value)
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
