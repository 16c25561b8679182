import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { backendUrl, sdk } from "./sdk"
import type {
  Audience,
  CatalogueEntry,
  Explanation,
  ListResponse,
  Member,
  Preview,
  Refresh,
  RuleGroup,
  Segment,
  SegmentInput,
} from "./types"

const BASE = "/admin/customer-segments"

export const segmentKeys = {
  all: ["customer-segments"] as const,
  list: (query: Record<string, unknown>) =>
    [...segmentKeys.all, "list", query] as const,
  detail: (id: string) => [...segmentKeys.all, "detail", id] as const,
  members: (id: string, query: Record<string, unknown>) =>
    [...segmentKeys.detail(id), "members", query] as const,
  refreshes: (id: string) => [...segmentKeys.detail(id), "refreshes"] as const,
  explain: (id: string, customerId: string) =>
    [...segmentKeys.detail(id), "explain", customerId] as const,
  ofCustomer: (customerId: string) =>
    [...segmentKeys.all, "of-customer", customerId] as const,
}

export type SegmentListQuery = {
  q?: string
  refresh_mode?: string[]
  is_active?: boolean
  audience?: string[]
  order?: string
  limit: number
  offset: number
}

export const useSegments = (query: SegmentListQuery) =>
  useQuery({
    queryKey: segmentKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<ListResponse<"customer_segments", Segment>>(BASE, {
        query,
      }),
    placeholderData: keepPreviousData,
  })

export const useSegment = (id: string) =>
  useQuery({
    queryKey: segmentKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<{ customer_segment: Segment }>(`${BASE}/${id}`),
  })

export const useConditionCatalogue = () =>
  useQuery({
    queryKey: [...segmentKeys.all, "conditions"],
    queryFn: () =>
      sdk.client.fetch<{ conditions: CatalogueEntry[] }>(`${BASE}/conditions`),
    staleTime: Infinity,
  })

export const useMembers = (
  id: string,
  query: { limit: number; offset: number; q?: string }
) =>
  useQuery({
    queryKey: segmentKeys.members(id, query),
    queryFn: () =>
      sdk.client.fetch<ListResponse<"customers", Member>>(
        `${BASE}/${id}/customers`,
        { query }
      ),
    placeholderData: keepPreviousData,
  })

export const useRefreshes = (id: string) =>
  useQuery({
    queryKey: segmentKeys.refreshes(id),
    queryFn: () =>
      sdk.client.fetch<ListResponse<"refreshes", Refresh>>(
        `${BASE}/${id}/refreshes`,
        { query: { limit: 100 } }
      ),
  })

export const useExplanation = (id: string, customerId: string | null) =>
  useQuery({
    queryKey: segmentKeys.explain(id, customerId ?? ""),
    queryFn: () =>
      sdk.client.fetch<{ explanation: Explanation }>(
        `${BASE}/${id}/explain/${customerId}`
      ),
    enabled: !!customerId,
  })

export const useCustomerSegments = (customerId: string) =>
  useQuery({
    queryKey: segmentKeys.ofCustomer(customerId),
    queryFn: () =>
      sdk.client.fetch<
        ListResponse<"customer_segments", Segment & { member_since: string }>
      >(`/admin/customers/${customerId}/customer-segments`, {
        query: { limit: 50 },
      }),
  })

/** The segments whose managed customer groups are among `groupIds`. */
export const useSegmentsOfGroups = (groupIds: string[]) =>
  useQuery({
    queryKey: [...segmentKeys.all, "of-groups", groupIds] as const,
    queryFn: () =>
      sdk.client.fetch<ListResponse<"customer_segments", Segment>>(BASE, {
        query: { customer_group_id: groupIds, limit: 100, order: "name" },
      }),
    enabled: groupIds.length > 0,
  })

export const useSchedule = (cron: string | null) =>
  useQuery({
    queryKey: [...segmentKeys.all, "schedule", cron],
    queryFn: () =>
      sdk.client.fetch<{ timezone: string; next_runs: string[] }>(
        `${BASE}/schedule`,
        { query: { cron } }
      ),
    enabled: !!cron,
    retry: false,
  })

export const fetchPreview = (body: {
  rule: RuleGroup
  audience: Audience
  segment_id?: string
  limit: number
}) => sdk.client.fetch<Preview>(`${BASE}/preview`, { method: "POST", body })

export const useSaveSegment = (id?: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: SegmentInput) =>
      sdk.client.fetch<{ customer_segment: Segment }>(
        id ? `${BASE}/${id}` : BASE,
        { method: "POST", body }
      ),
    onSuccess: (data) => {
      // The detail page opens next: show the saved segment at once.
      client.setQueryData(segmentKeys.detail(data.customer_segment.id), data)
      return client.invalidateQueries({ queryKey: segmentKeys.all })
    },
  })
}

export const useRefreshSegment = (id: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{
        refresh: { added: number; removed: number; total: number }
      }>(`${BASE}/${id}/refresh`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  })
}

export const useDeleteSegment = (id: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ id: string }>(`${BASE}/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  })
}

/** Link target of the members CSV export (another route of the plugin). */
export const exportUrl = (id: string) =>
  `${backendUrl.replace(/\/$/, "")}${BASE}/${id}/customers/export?format=csv`
