import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  Heading,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { useSegments } from "../../lib/api"
import { dateTime, relativeTime } from "../../lib/format"
import type { Segment } from "../../lib/types"
import { useListParams } from "./use-list-params"

const columnHelper = createDataTableColumnHelper<Segment>()
const filterHelper = createDataTableFilterHelper<Segment>()

/** The segments, with search, filters, sorting and pages in the URL. */
export const SegmentListTable = () => {
  const { t, locale } = useT()
  const navigate = useNavigate()
  const params = useListParams()
  const { data, isLoading, isError, error } = useSegments(params.query)

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("fields.name"),
        enableSorting: true,
        sortLabel: t("list.sortName"),
        cell: ({ row }) => (
          <div className="flex flex-col py-1">
            <Text size="small" weight="plus">
              {row.original.name}
            </Text>
            {row.original.description && (
              <Text
                size="xsmall"
                className="text-ui-fg-subtle max-w-[360px] truncate"
              >
                {row.original.description}
              </Text>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("member_count", {
        header: t("fields.members"),
        enableSorting: true,
        sortLabel: t("list.sortMembers"),
        align: "right",
        headerAlign: "right",
        cell: ({ getValue }) => (
          <span className="tabular-nums">{getValue().toLocaleString()}</span>
        ),
      }),
      columnHelper.accessor("refresh_mode", {
        header: t("fields.refreshMode"),
        cell: ({ getValue }) => (
          <Badge size="2xsmall">{t(`refreshModes.${getValue()}`)}</Badge>
        ),
      }),
      columnHelper.accessor("last_refreshed_at", {
        header: t("fields.lastRefreshed"),
        enableSorting: true,
        sortLabel: t("list.sortLastRefreshed"),
        cell: ({ getValue }) => {
          const value = getValue()
          return value ? (
            <span title={dateTime(value, locale)}>
              {relativeTime(value, locale)}
            </span>
          ) : (
            <span className="text-ui-fg-muted">{t("common.never")}</span>
          )
        },
      }),
      columnHelper.accessor("is_active", {
        header: t("fields.active"),
        cell: ({ getValue }) => (
          <StatusBadge color={getValue() ? "green" : "grey"}>
            {getValue() ? t("status.active") : t("status.inactive")}
          </StatusBadge>
        ),
      }),
    ],
    [t, locale]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("is_active", {
        type: "radio",
        label: t("list.filterActive"),
        options: [
          { label: t("status.active"), value: "true" },
          { label: t("status.inactive"), value: "false" },
        ],
      }),
      filterHelper.accessor("refresh_mode", {
        type: "multiselect",
        label: t("list.filterMode"),
        options: (["manual", "scheduled", "realtime"] as const).map((m) => ({
          label: t(`refreshModes.${m}`),
          value: m,
        })),
      }),
      filterHelper.accessor("audience", {
        type: "multiselect",
        label: t("list.filterAudience"),
        options: (["all", "registered", "guests"] as const).map((a) => ({
          label: t(`audiences.${a}`),
          value: a,
        })),
      }),
    ],
    [t]
  )

  const table = useDataTable({
    data: data?.customer_segments ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_, row) => navigate(`/customer-segments/${row.id}`),
    search: {
      state: params.search,
      onSearchChange: params.setSearch,
      debounce: 300,
    },
    filtering: {
      state: params.filtering,
      onFilteringChange: params.setFiltering,
    },
    sorting: { state: params.sorting, onSortingChange: params.setSorting },
    pagination: {
      state: params.pagination,
      onPaginationChange: params.setPagination,
    },
  })

  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading level="h1">{t("list.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("list.subtitle")}
            </Text>
          </div>
          <div className="flex w-full items-center gap-2 md:w-auto">
            <DataTable.Search placeholder={t("list.search")} />
            <DataTable.FilterMenu />
            <DataTable.SortingMenu />
            <Button size="small" variant="secondary" asChild>
              <Link to="/customer-segments/create">{t("common.create")}</Link>
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: t("list.emptyHeading"),
              description: t("list.emptyDescription"),
            },
            filtered: {
              heading: t("list.filteredHeading"),
              description: t("list.filteredDescription"),
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
