import {
  Container,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { useMembers } from "../../lib/api"
import { customerName, dateTime, relativeTime } from "../../lib/format"
import type { Member } from "../../lib/types"

const PAGE_SIZE = 10
const columnHelper = createDataTableColumnHelper<Member>()

/** The members, each row opening the customer's own page. */
export const MembersSection = ({ segmentId }: { segmentId: string }) => {
  const { t, locale } = useT()
  const navigate = useNavigate()
  const [pagination, setPagination] = useState({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const [search, setSearch] = useState("")
  const { data, isLoading } = useMembers(segmentId, {
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    ...(search && { q: search }),
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("email", {
        header: t("fields.customer"),
        cell: ({ row }) => (
          <div className="flex flex-col py-1">
            <span className="txt-compact-small-plus">
              {customerName(row.original)}
            </span>
            <span className="txt-compact-xsmall text-ui-fg-subtle">
              {row.original.email}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("has_account", {
        header: t("fields.account"),
        cell: ({ getValue }) => (getValue() ? t("common.yes") : t("common.no")),
      }),
      columnHelper.accessor("member_since", {
        header: t("fields.memberSince"),
        cell: ({ getValue }) => (
          <span title={dateTime(getValue(), locale)}>
            {relativeTime(getValue(), locale)}
          </span>
        ),
      }),
    ],
    [t, locale]
  )

  const table = useDataTable({
    data: data?.customers ?? [],
    columns,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_, row) => navigate(`/customers/${row.id}`),
    search: {
      state: search,
      onSearchChange: (q) => {
        setSearch(q)
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
      debounce: 300,
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="members">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("detail.members")}</Heading>
          <DataTable.Search placeholder={t("detail.membersSearch")} />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: t("detail.membersEmpty"),
              description: t("detail.membersEmptyDescription"),
            },
            filtered: { heading: t("list.filteredHeading") },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
