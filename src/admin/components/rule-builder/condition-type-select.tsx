import { Select } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import type { CatalogueEntry } from "../../lib/types"

type ConditionTypeSelectProps = {
  catalogue: CatalogueEntry[]
  value?: string
  placeholder?: string
  onChange: (type: string) => void
  className?: string
  label: string
}

/** The catalogue's condition types, grouped by category. */
export const ConditionTypeSelect = ({
  catalogue,
  value,
  placeholder,
  onChange,
  className,
  label,
}: ConditionTypeSelectProps) => {
  const { t } = useT()
  const categories = [...new Set(catalogue.map((entry) => entry.category))]

  return (
    <Select size="small" value={value ?? ""} onValueChange={onChange}>
      <Select.Trigger className={className} aria-label={label}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {categories.map((category) => (
          <Select.Group key={category}>
            <Select.Label>
              {t(`builder.categories.${category}`, { defaultValue: category })}
            </Select.Label>
            {catalogue
              .filter((entry) => entry.category === category)
              .map((entry) => (
                <Select.Item key={entry.type} value={entry.type}>
                  {t(`catalogue.conditions.${entry.type}`, {
                    defaultValue: entry.label,
                  })}
                </Select.Item>
              ))}
          </Select.Group>
        ))}
      </Select.Content>
    </Select>
  )
}
