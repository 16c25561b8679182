import type {
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
} from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import type { SegmentListQuery } from "../../lib/api"

export const PAGE_SIZE = 20

/**
 * Search, filters, sorting and page live in the URL, as in Medusa's own
 * lists, so a filtered list can be bookmarked and survives a reload.
 */
export const useListParams = () => {
  const [params, setParams] = useSearchParams()

  const update = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key)
      if (Array.isArray(value)) {
        value.forEach((v) => next.append(key, v))
      } else if (value) {
        next.set(key, value)
      }
    }
    if (!("page" in changes)) {
      next.delete("page")
    }
    setParams(next, { replace: true })
  }

  const search = params.get("q") ?? ""
  const order = params.get("order")
  const page = Math.max(0, Number(params.get("page") ?? 1) - 1)
  const filtering: DataTableFilteringState = {
    ...(params.getAll("refresh_mode").length && {
      refresh_mode: params.getAll("refresh_mode"),
    }),
    ...(params.getAll("audience").length && {
      audience: params.getAll("audience"),
    }),
    ...(params.get("is_active") && { is_active: params.get("is_active") }),
  }
  const sorting: DataTableSortingState | null = order
    ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") }
    : null
  const pagination: DataTablePaginationState = {
    pageIndex: page,
    pageSize: PAGE_SIZE,
  }

  const query: SegmentListQuery = {
    q: search || undefined,
    refresh_mode: filtering.refresh_mode as string[] | undefined,
    audience: filtering.audience as string[] | undefined,
    is_active:
      filtering.is_active === undefined
        ? undefined
        : filtering.is_active === "true",
    order: order ?? "-created_at",
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  }

  return {
    query,
    search,
    filtering,
    sorting,
    pagination,
    isFiltered: !!search || Object.keys(filtering).length > 0,
    setSearch: (q: string) => update({ q }),
    setFiltering: (state: DataTableFilteringState) =>
      update({
        refresh_mode: (state.refresh_mode as string[]) ?? null,
        audience: (state.audience as string[]) ?? null,
        is_active: (state.is_active as string) ?? null,
      }),
    setSorting: (state: DataTableSortingState) =>
      update({ order: `${state.desc ? "-" : ""}${state.id}` }),
    setPagination: (state: DataTablePaginationState) =>
      update({ page: state.pageIndex ? String(state.pageIndex + 1) : null }),
  }
}
