import { Select } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"

const ANY = "__any"

type CurrencyFieldProps = {
  required: boolean
  currencies: string[]
  value?: string
  onChange: (currency: string | undefined) => void
}

/** The currency of a money condition; spend never adds up across them. */
export const CurrencyField = ({
  required,
  currencies,
  value,
  onChange,
}: CurrencyFieldProps) => {
  const { t } = useT()
  const options =
    value && !currencies.includes(value) ? [value, ...currencies] : currencies

  return (
    <Select
      size="small"
      value={value ?? ANY}
      onValueChange={(v) => onChange(v === ANY ? undefined : v)}
    >
      <Select.Trigger className="w-[130px]" aria-label={t("builder.currency")}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {!required && (
          <Select.Item value={ANY}>{t("builder.anyCurrency")}</Select.Item>
        )}
        {options.map((code) => (
          <Select.Item key={code} value={code}>
            {code.toUpperCase()}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
