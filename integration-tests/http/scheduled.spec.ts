import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import refreshDueSegmentsJob from "../../src/jobs/refresh-due-segments"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { createCustomers } from "../helpers/fixtures"
import { expectHttpError } from "../helpers/requests"
import { waitFor } from "../helpers/storefront"

jest.setTimeout(240000)

// This file runs with the configuration's default, refreshOnSave on: saving a
// segment refreshes it in the background.

const EXAMPLE_ORG = {
  match: "all",
  conditions: [{ type: "email", operator: "ends_with", value: "example.org" }],
}

type HistoryRow = {
  id: string
  trigger: string
  started_at: Date
  finished_at: Date | null
  added: number
  removed: number
  total: number
  error: string | null
}

type KnexLike = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
  transaction: () => Promise<
    KnexLike & { commit: () => Promise<void>; rollback: () => Promise<void> }
  >
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    const db = dbConnection as unknown as KnexLike

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdminHeaders(container)
      await createCustomers(container, [
        { key: "ann", email: "ann@example.org" },
        { key: "ben", email: "ben@example.org" },
        { key: "cat", email: "cat@example.com" },
      ])
    })

    const history = async (segmentId: string): Promise<HistoryRow[]> =>
      (
        await db.raw(
          "SELECT * FROM customer_segment_refresh WHERE segment_id = ? ORDER BY started_at",
          [segmentId]
        )
      ).rows

    const membershipRows = async (segmentId: string) =>
      (
        await db.raw(
          "SELECT customer_id FROM customer_segment_membership WHERE segment_id = ? AND deleted_at IS NULL",
          [segmentId]
        )
      ).rows

    /** Creates a segment and waits for the refresh its creation starts. */
    const createRefreshedSegment = async (body: Record<string, unknown>) => {
      const {
        data: { customer_segment: segment },
      } = await api.post("/admin/customer-segments", body, admin)
      await waitFor(
        async () =>
          (await history(segment.id)).some(
            (row) => row.trigger === "created" && row.finished_at
          ),
        "the refresh after creation"
      )
      return segment as { id: string }
    }

    const setLastRefreshed = (segmentId: string, interval: string | null) =>
      db.raw(
        `UPDATE customer_segment SET last_refreshed_at = ${
          interval === null ? "now()" : "now() - ?::interval"
        } WHERE id = ?`,
        interval === null ? [segmentId] : [interval, segmentId]
      )

    const scheduledRuns = async (segmentId: string) =>
      (await history(segmentId)).filter((row) => row.trigger === "scheduled")

    describe("POST /admin/customer-segments", () => {
      it("should refresh a new segment in the background, with trigger created", async () => {
        const {
          data: { customer_segment: segment },
        } = await api.post(
          "/admin/customer-segments",
          { name: "example.org", rule: EXAMPLE_ORG },
          admin
        )

        await waitFor(
          async () =>
            (await history(segment.id)).some((row) => row.finished_at),
          "the refresh after creation"
        )
        const rows = await history(segment.id)
        expect(rows).toEqual([
          expect.objectContaining({
            trigger: "created",
            added: 2,
            removed: 0,
            total: 2,
            error: null,
          }),
        ])
        const { data } = await api.get(
          `/admin/customer-segments/${segment.id}`,
          admin
        )
        expect(data.customer_segment.member_count).toBe(2)
        expect(data.customer_segment.last_refreshed_at).not.toBeNull()
      })

      it("should refresh a segment whose rule was changed, with trigger updated", async () => {
        const segment = await createRefreshedSegment({
          name: "example.org",
          rule: EXAMPLE_ORG,
        })

        await api.post(
          `/admin/customer-segments/${segment.id}`,
          {
            rule: {
              match: "all",
              conditions: [
                { type: "email", operator: "ends_with", value: "example.com" },
              ],
            },
          },
          admin
        )

        await waitFor(
          async () =>
            (await history(segment.id)).some(
              (row) => row.trigger === "updated" && row.finished_at
            ),
          "the refresh after the update"
        )
        const updated = (await history(segment.id)).find(
          (row) => row.trigger === "updated"
        )
        expect(updated).toMatchObject({ added: 1, removed: 2, total: 1 })
      })
    })

    describe("refresh-due-segments job", () => {
      it("should refresh a scheduled segment whose cron fired since its last refresh", async () => {
        const segment = await createRefreshedSegment({
          name: "Nightly",
          refresh_mode: "scheduled",
          cron: "0 2 * * *",
          rule: EXAMPLE_ORG,
        })
        await createCustomers(container, [
          { key: "dan", email: "dan@example.org" },
        ])
        await setLastRefreshed(segment.id, "2 days")

        await refreshDueSegmentsJob(container)

        await waitFor(
          async () => (await scheduledRuns(segment.id)).length > 0,
          "a scheduled refresh"
        )
        expect(await scheduledRuns(segment.id)).toEqual([
          expect.objectContaining({ added: 1, total: 3, error: null }),
        ])
        const { data } = await api.get(
          `/admin/customer-segments/${segment.id}`,
          admin
        )
        expect(data.customer_segment.member_count).toBe(3)
        expect(
          Date.now() - Date.parse(data.customer_segment.last_refreshed_at)
        ).toBeLessThan(60000)
      })

      it("should not refresh a scheduled segment refreshed after the cron last fired", async () => {
        const segment = await createRefreshedSegment({
          name: "Nightly",
          refresh_mode: "scheduled",
          cron: "0 2 * * *",
          rule: EXAMPLE_ORG,
        })
        await createCustomers(container, [
          { key: "dan", email: "dan@example.org" },
        ])
        await setLastRefreshed(segment.id, null)

        await refreshDueSegmentsJob(container)

        expect(await scheduledRuns(segment.id)).toEqual([])
        expect(await membershipRows(segment.id)).toHaveLength(2)
      })

      it("should refresh a time-dependent real-time segment daily, but not other real-time or manual segments", async () => {
        const dormant = await createRefreshedSegment({
          name: "No order for 30 days",
          refresh_mode: "realtime",
          rule: {
            match: "all",
            conditions: [
              { type: "days_since_last_order", operator: "gt", value: 30 },
            ],
          },
        })
        const byEmail = await createRefreshedSegment({
          name: "example.org, real-time",
          refresh_mode: "realtime",
          rule: EXAMPLE_ORG,
        })
        const manual = await createRefreshedSegment({
          name: "example.org, manual",
          rule: EXAMPLE_ORG,
        })
        for (const segment of [dormant, byEmail, manual]) {
          await setLastRefreshed(segment.id, "2 days")
        }

        await refreshDueSegmentsJob(container)

        await waitFor(
          async () => (await scheduledRuns(dormant.id)).length > 0,
          "the daily refresh of the time-dependent segment"
        )
        expect(await scheduledRuns(byEmail.id)).toEqual([])
        expect(await scheduledRuns(manual.id)).toEqual([])
      })
    })

    describe("POST /admin/customer-segments/:id/refresh", () => {
      it("should run two refreshes requested together once: one 200 and one 409 naming the running refresh", async () => {
        const segment = await createRefreshedSegment({
          name: "example.org",
          rule: EXAMPLE_ORG,
        })
        await createCustomers(container, [
          { key: "dan", email: "dan@example.org" },
          { key: "eve", email: "eve@example.org" },
        ])
        // Holding the segment's advisory lock keeps the first refresh
        // inside its statement, so the second surely finds it running.
        const blocker = await db.transaction()
        await blocker.raw(
          "SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))",
          [segment.id]
        )

        const requests = [1, 2].map(() =>
          api
            .post(`/admin/customer-segments/${segment.id}/refresh`, {}, admin)
            .then(
              (response: { status: number; data: any }) => ({
                status: response.status,
                data: response.data,
              }),
              (error: { response?: { status: number; data: any } }) => ({
                status: error.response?.status,
                data: error.response?.data,
              })
            )
        )
        const first = await Promise.race(requests)
        await blocker.commit()
        const responses = await Promise.all(requests)

        expect(first.status).toBe(409)
        const statuses = responses.map((r) => r.status).sort()
        expect(statuses).toEqual([200, 409])
        const ok = responses.find((r) => r.status === 200)!
        const conflict = responses.find((r) => r.status === 409)!
        expect(ok.data.refresh).toMatchObject({ added: 2, total: 4 })
        expect(conflict.data.message).toContain(
          `Customer segment ${segment.id} is already being refreshed by a manual refresh`
        )
        expect(conflict.data.message).toContain(
          `(${ok.data.refresh.refresh_id})`
        )

        const manualRuns = (await history(segment.id)).filter(
          (row) => row.trigger === "manual"
        )
        expect(manualRuns).toHaveLength(1)
        const rows = await membershipRows(segment.id)
        expect(rows).toHaveLength(4)
        expect(new Set(rows.map((row) => row.customer_id)).size).toBe(4)
      })

      it("should answer 409 to a refresh while another is running", async () => {
        const segment = await createRefreshedSegment({
          name: "example.org",
          rule: EXAMPLE_ORG,
        })
        const blocker = await db.transaction()
        await blocker.raw(
          "SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))",
          [segment.id]
        )
        const running = api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )
        await waitFor(
          async () =>
            (await history(segment.id)).some(
              (row) => row.trigger === "manual" && !row.finished_at
            ),
          "the first refresh to start"
        )

        const { message, type } = await expectHttpError(
          api.post(`/admin/customer-segments/${segment.id}/refresh`, {}, admin),
          409
        ).finally(() => blocker.commit())

        expect(type).toBe("conflict")
        expect(message).toMatch(
          /is already being refreshed by a manual refresh started at \S+ \(csegr_\w+\); try again when it finishes/
        )
        expect((await running).status).toBe(200)
      })
    })
  },
})
