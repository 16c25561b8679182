import { Input, Text, clx } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useId, useState } from "react"
import { useDebounced } from "../../hooks/use-debounced"
import { useT } from "../../hooks/use-t"
import { customerName } from "../../lib/format"
import { sdk } from "../../lib/sdk"

type Found = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/** Finds one customer by name or email through Medusa's customer list. */
export const CustomerSearch = ({
  onPick,
}: {
  onPick: (customer: Found) => void
}) => {
  const { t } = useT()
  const listId = useId()
  const [q, setQ] = useState("")
  const [active, setActive] = useState(0)
  const search = useDebounced(q.trim(), 250)
  const { data = [] } = useQuery({
    queryKey: ["customer-segments", "customer-search", search],
    queryFn: async () =>
      (
        await sdk.client.fetch<{ customers: Found[] }>("/admin/customers", {
          query: {
            q: search,
            limit: 8,
            fields: "id,email,first_name,last_name",
          },
        })
      ).customers,
    enabled: search.length > 0,
  })
  const open = search.length > 0 && q.length > 0

  const pick = (customer: Found) => {
    onPick(customer)
    setQ("")
  }

  return (
    <div className="relative w-full max-w-md">
      <Input
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        placeholder={t("explain.pick")}
        value={q}
        onChange={(event) => {
          setQ(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault()
            setActive((i) => Math.min(i + 1, data.length - 1))
          } else if (event.key === "ArrowUp") {
            event.preventDefault()
            setActive((i) => Math.max(i - 1, 0))
          } else if (event.key === "Enter" && data[active]) {
            event.preventDefault()
            pick(data[active])
          } else if (event.key === "Escape") {
            setQ("")
          }
        }}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-50 mt-1 w-full rounded-lg p-1"
        >
          {data.length === 0 && (
            <li className="px-2 py-1.5">
              <Text size="small" className="text-ui-fg-muted">
                {t("builder.noOptions")}
              </Text>
            </li>
          )}
          {data.map((customer, i) => (
            <li
              key={customer.id}
              role="option"
              aria-selected={i === active}
              className={clx(
                "flex cursor-pointer flex-col rounded-md px-2 py-1.5",
                i === active && "bg-ui-bg-base-hover"
              )}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(event) => {
                event.preventDefault()
                pick(customer)
              }}
            >
              <span className="txt-compact-small-plus">
                {customerName(customer)}
              </span>
              <span className="txt-compact-xsmall text-ui-fg-subtle">
                {customer.email}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
