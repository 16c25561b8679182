import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

/**
 * Where each value picker of the catalogue searches: Medusa's own admin
 * API, so merchants pick products, categories or groups by name.
 */
type PickerSource = {
  path: string
  key: string
  fields: string
  label: (row: Record<string, any>) => string
}

const SOURCES: Record<string, PickerSource> = {
  product: {
    path: "/admin/products",
    key: "products",
    fields: "id,title",
    label: (r) => r.title,
  },
  variant: {
    path: "/admin/product-variants",
    key: "variants",
    fields: "id,title,sku,product.title",
    label: (r) =>
      [r.product?.title, r.title].filter(Boolean).join(" · ") +
      (r.sku ? ` (${r.sku})` : ""),
  },
  category: {
    path: "/admin/product-categories",
    key: "product_categories",
    fields: "id,name",
    label: (r) => r.name,
  },
  collection: {
    path: "/admin/collections",
    key: "collections",
    fields: "id,title",
    label: (r) => r.title,
  },
  type: {
    path: "/admin/product-types",
    key: "product_types",
    fields: "id,value",
    label: (r) => r.value,
  },
  tag: {
    path: "/admin/product-tags",
    key: "product_tags",
    fields: "id,value",
    label: (r) => r.value,
  },
  customer_group: {
    path: "/admin/customer-groups",
    key: "customer_groups",
    fields: "id,name",
    label: (r) => r.name,
  },
  segment: {
    path: "/admin/customer-segments",
    key: "customer_segments",
    fields: "id,name",
    label: (r) => r.name,
  },
}

export type PickerOption = { value: string; label: string }

export const hasPickerSource = (picker: string | null) =>
  !!picker && (picker in SOURCES || picker === "country")

/** Countries come from the store's regions: those it sells to. */
const useCountries = (enabled: boolean) =>
  useQuery({
    queryKey: ["customer-segments", "picker", "countries"],
    queryFn: async () => {
      const { regions } = await sdk.client.fetch<{
        regions: { countries?: { iso_2: string; display_name: string }[] }[]
      }>("/admin/regions", {
        query: { fields: "countries.iso_2,countries.display_name", limit: 100 },
      })
      const seen = new Map<string, string>()
      regions.forEach((r) =>
        r.countries?.forEach((c) => seen.set(c.iso_2, c.display_name))
      )
      return [...seen].map(([value, label]) => ({
        value,
        label: `${label} (${value.toUpperCase()})`,
      }))
    },
    enabled,
    staleTime: 5 * 60_000,
  })

/** Options matching `q`, searched on the server. */
export const usePickerSearch = (picker: string, q: string) => {
  const source = SOURCES[picker]
  const countries = useCountries(picker === "country")
  const search = useQuery({
    queryKey: ["customer-segments", "picker", picker, q],
    queryFn: async (): Promise<PickerOption[]> => {
      const response = await sdk.client.fetch<Record<string, any>>(
        source.path,
        { query: { q: q || undefined, limit: 20, fields: source.fields } }
      )
      return (response[source.key] as Record<string, any>[]).map((row) => ({
        value: row.id,
        label: source.label(row),
      }))
    },
    enabled: !!source,
    staleTime: 30_000,
  })
  if (picker === "country") {
    const needle = q.toLowerCase()
    return {
      ...countries,
      data: countries.data?.filter((o) =>
        o.label.toLowerCase().includes(needle)
      ),
    }
  }
  return search
}

/** Labels of already chosen ids, so a saved rule reads as names. */
export const usePickerLabels = (picker: string | null, ids: string[]) => {
  const source = picker ? SOURCES[picker] : undefined
  const countries = useCountries(picker === "country" && ids.length > 0)
  const labels = useQuery({
    queryKey: ["customer-segments", "picker-labels", picker, ids],
    queryFn: async (): Promise<Record<string, string>> => {
      const response = await sdk.client.fetch<Record<string, any>>(
        source!.path,
        { query: { id: ids, limit: ids.length, fields: source!.fields } }
      )
      return Object.fromEntries(
        (response[source!.key] as Record<string, any>[]).map((row) => [
          row.id,
          source!.label(row),
        ])
      )
    },
    enabled: !!source && ids.length > 0,
    staleTime: 60_000,
  })
  if (picker === "country") {
    return Object.fromEntries(
      (countries.data ?? []).map((o) => [o.value, o.label])
    )
  }
  return labels.data ?? {}
}

/** The currencies the store sells in, for money conditions. */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: ["customer-segments", "store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{
        stores: { supported_currencies?: { currency_code: string }[] }[]
      }>("/admin/stores", {
        query: { fields: "supported_currencies.currency_code" },
      })
      return (stores[0]?.supported_currencies ?? []).map((c) => c.currency_code)
    },
    staleTime: 5 * 60_000,
  })
