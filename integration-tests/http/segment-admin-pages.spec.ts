import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { createCustomers, ordersFor, writeOrders } from "../helpers/fixtures"
import { expectHttpError } from "../helpers/requests"

jest.setTimeout(240000)

// The routes the admin pages read besides the segment API itself: explain,
// refresh history, schedule preview and member search.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

const RULE = {
  match: "all",
  conditions: [
    {
      type: "order_count",
      operator: "gte",
      value: 3,
      window: { last: { amount: 90, unit: "days" } },
    },
    {
      match: "any",
      negate: true,
      conditions: [{ type: "email", operator: "ends_with", value: "acme.com" }],
    },
  ],
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let ids: Record<string, string>
    let segmentId: string

    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(container)
      ids = await createCustomers(container, [
        { key: "alice", email: "alice@example.org", first_name: "Alice" },
        { key: "bob", email: "bob@acme.com", first_name: "Bob" },
        { key: "carol", email: "carol@example.org", first_name: "Carol" },
      ])
      await writeOrders(container, [
        ...ordersFor(ids.alice, 4, { daysAgo: 10 }),
        ...ordersFor(ids.bob, 5, { daysAgo: 10 }),
        // Two recent orders and two outside the 90-day window.
        ...ordersFor(ids.carol, 2, { daysAgo: 10 }),
        ...ordersFor(ids.carol, 2, { daysAgo: 200 }),
      ])
      segmentId = (
        await api.post(
          "/admin/customer-segments",
          { name: "Recent regulars", rule: RULE },
          admin
        )
      ).data.customer_segment.id
      await api.post(`/admin/customer-segments/${segmentId}/refresh`, {}, admin)
    })

    describe("GET /admin/customer-segments/:id/explain/:customer_id", () => {
      const explain = async (key: string) =>
        (
          await api.get(
            `/admin/customer-segments/${segmentId}/explain/${ids[key]}`,
            admin
          )
        ).data.explanation

      it("should show each condition of a member holding", async () => {
        const explanation = await explain("alice")

        expect(explanation).toMatchObject({
          customer_id: ids.alice,
          in_audience: true,
          matches: true,
          is_member: true,
          customer: { email: "alice@example.org" },
        })
        expect(explanation.rule).toEqual({
          kind: "group",
          path: "rule",
          match: "all",
          negate: false,
          held: true,
          conditions: [
            {
              kind: "condition",
              path: "rule.conditions[0]",
              type: "order_count",
              held: true,
              observed: { order_count: 4 },
            },
            {
              kind: "group",
              path: "rule.conditions[1]",
              match: "any",
              negate: true,
              held: true,
              conditions: [
                {
                  kind: "condition",
                  path: "rule.conditions[1].conditions[0]",
                  type: "email",
                  held: false,
                  observed: {},
                },
              ],
            },
          ],
        })
      })

      it("should show the negated group failing for an excluded domain", async () => {
        const explanation = await explain("bob")

        expect(explanation.matches).toBe(false)
        expect(explanation.is_member).toBe(false)
        expect(explanation.rule.conditions[0].held).toBe(true)
        expect(explanation.rule.conditions[1].held).toBe(false)
        expect(explanation.rule.conditions[1].conditions[0].held).toBe(true)
      })

      it("should count only the orders inside the window", async () => {
        const explanation = await explain("carol")

        expect(explanation.rule.conditions[0]).toMatchObject({
          held: false,
          observed: { order_count: 2 },
        })
        expect(explanation.matches).toBe(false)
      })

      it("should agree with the refresh for every customer", async () => {
        const members = (
          await api.get(`/admin/customer-segments/${segmentId}/customers`, admin)
        ).data.customers.map((c: { id: string }) => c.id)

        for (const key of Object.keys(ids)) {
          const explanation = await explain(key)
          expect(explanation.matches).toBe(members.includes(ids[key]))
          expect(explanation.rule.held).toBe(explanation.matches)
        }
      })

      it("should answer 404 for an unknown customer", async () => {
        const error = await expectHttpError(
          api.get(
            `/admin/customer-segments/${segmentId}/explain/cus_missing`,
            admin
          ),
          404
        )
        expect(error.message).toBe("Customer with id: cus_missing was not found")
      })
    })

    describe("GET /admin/customer-segments/:id/refreshes", () => {
      it("should list the refreshes newest first", async () => {
        await api.post(`/admin/customer-segments/${segmentId}/refresh`, {}, admin)

        const response = await api.get(
          `/admin/customer-segments/${segmentId}/refreshes`,
          admin
        )

        expect(response.status).toBe(200)
        expect(response.data.count).toBe(2)
        const [latest, first] = response.data.refreshes
        expect(first).toMatchObject({ trigger: "manual", added: 1, total: 1 })
        expect(latest).toMatchObject({ added: 0, removed: 0, total: 1 })
        expect(new Date(latest.started_at) >= new Date(first.started_at)).toBe(
          true
        )
      })
    })

    describe("GET /admin/customer-segments/schedule", () => {
      it("should give the next runs of a cron in the store timezone", async () => {
        const response = await api.get(
          "/admin/customer-segments/schedule?cron=0%202%20*%20*%20*",
          admin
        )

        expect(response.data.timezone).toBe("UTC")
        expect(response.data.next_runs).toHaveLength(3)
        for (const run of response.data.next_runs) {
          expect(run).toMatch(/T02:00:00\.000Z$/)
        }
      })

      it("should refuse an expression that is not cron", async () => {
        const error = await expectHttpError(
          api.get("/admin/customer-segments/schedule?cron=often", admin),
          400
        )
        expect(error.message).toBe(
          'cron "often" is not a five-field cron expression such as "0 2 * * *"'
        )
      })
    })

    describe("GET /admin/customer-segments?customer_group_id=", () => {
      it("should find the segments that manage the given groups", async () => {
        const other = (
          await api.post(
            "/admin/customer-segments",
            { name: "Acme buyers", rule: RULE },
            admin
          )
        ).data.customer_segment
        const first = (
          await api.get(`/admin/customer-segments/${segmentId}`, admin)
        ).data.customer_segment
        expect(first.customer_group_id).toEqual(expect.any(String))
        expect(other.customer_group_id).toEqual(expect.any(String))

        const one = await api.get(
          `/admin/customer-segments?customer_group_id=${first.customer_group_id}`,
          admin
        )
        const both = await api.get(
          "/admin/customer-segments?order=name" +
            `&customer_group_id[]=${first.customer_group_id}` +
            `&customer_group_id[]=${other.customer_group_id}`,
          admin
        )
        const none = await api.get(
          "/admin/customer-segments?customer_group_id=cusgroup_missing",
          admin
        )

        expect(one.data.count).toBe(1)
        expect(one.data.customer_segments[0]).toMatchObject({
          id: segmentId,
          customer_group_id: first.customer_group_id,
        })
        expect(
          both.data.customer_segments.map((s: { id: string }) => s.id)
        ).toEqual([other.id, segmentId])
        expect(none.data).toMatchObject({ customer_segments: [], count: 0 })

        await api.delete(`/admin/customer-segments/${other.id}`, admin)
      })
    })

    describe("GET /admin/customer-segments/:id/customers?q=", () => {
      it("should find members by name or email", async () => {
        const found = await api.get(
          `/admin/customer-segments/${segmentId}/customers?q=alice`,
          admin
        )
        const none = await api.get(
          `/admin/customer-segments/${segmentId}/customers?q=carol`,
          admin
        )

        expect(found.data.customers.map((c: { id: string }) => c.id)).toEqual([
          ids.alice,
        ])
        expect(none.data).toMatchObject({ customers: [], count: 0 })
      })
    })
  },
})
