import { XMarkMini } from "@medusajs/icons"
import { Badge, Input } from "@medusajs/ui"
import { useState } from "react"
import { useT } from "../../hooks/use-t"

type TextListInputProps = {
  value: string[]
  onChange: (value: string[]) => void
  invalid?: boolean
}

/** A list of free-text values: Enter or a comma adds the typed one. */
export const TextListInput = ({
  value,
  onChange,
  invalid,
}: TextListInputProps) => {
  const { t } = useT()
  const [draft, setDraft] = useState("")

  const add = () => {
    const next = draft.trim()
    if (next && !value.includes(next)) {
      onChange([...value, next])
    }
    setDraft("")
  }

  return (
    <div className="flex min-w-[220px] flex-1 flex-col gap-y-1">
      {value.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {value.map((item) => (
            <Badge key={item} size="2xsmall" className="gap-x-0.5 pr-0.5">
              {item}
              <button
                type="button"
                aria-label={t("builder.removeValue", { label: item })}
                className="text-ui-fg-muted hover:text-ui-fg-subtle"
                onClick={() => onChange(value.filter((v) => v !== item))}
              >
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
      <Input
        size="small"
        aria-invalid={invalid}
        placeholder={t("builder.listPlaceholder")}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={add}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === ",") {
            event.preventDefault()
            add()
          } else if (event.key === "Backspace" && !draft && value.length) {
            onChange(value.slice(0, -1))
          }
        }}
      />
    </div>
  )
}
