import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { createCustomers, ordersFor, writeOrders } from "../helpers/fixtures"
import { expectHttpError } from "../helpers/requests"

jest.setTimeout(240000)

// Refreshes are asked for and counted exactly here, so none runs in the
// background after a save. Read by medusa-config.ts, which the runner loads
// before it applies its own `env` option.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

const VIP_RULE = {
  match: "any",
  conditions: [
    { type: "order_count", operator: "gte", value: 10 },
    {
      type: "total_spent",
      operator: "gt",
      value: 10000,
      currency: "usd",
      window: { last: { amount: 2, unit: "years" } },
    },
  ],
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let ids: Record<string, string>

    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(container)
      ids = await createCustomers(container, [
        { key: "alice", email: "alice@acme.com", country_code: "us" },
        { key: "bob", email: "bob@example.org", country_code: "de" },
        { key: "carol", email: "carol@example.org", has_account: false },
        { key: "dave", email: "dave@acme.com" },
        { key: "erin", email: "erin@example.org" },
        { key: "frank", email: "frank@example.org" },
      ])
      await writeOrders(container, [
        // 12 small orders: VIP by count.
        ...ordersFor(ids.alice, 12, { total: 50 }),
        // 2 large USD orders within 2 years: VIP by spend.
        ...ordersFor(ids.bob, 2, { total: 6000, daysAgo: 300 }),
        // Big spend, but in EUR: never adds up to USD spend.
        ...ordersFor(ids.carol, 2, { total: 9000, currency_code: "eur" }),
        // Big USD spend, but 3 years ago: outside the window.
        ...ordersFor(ids.dave, 1, { total: 20000, daysAgo: 3 * 366 }),
        // 10 orders, but one canceled: 9 count.
        ...ordersFor(ids.frank, 9, { total: 10 }),
        ...ordersFor(ids.frank, 1, { total: 10, status: "canceled" }),
        // 20 orders, but soft-deleted below.
        ...ordersFor(ids.erin, 20),
      ])
      await container.resolve(Modules.CUSTOMER).softDeleteCustomers([ids.erin])
    })

    const createSegment = async (body: Record<string, unknown>) =>
      (await api.post("/admin/customer-segments", body, admin)).data
        .customer_segment

    describe("GET /admin/customer-segments/conditions", () => {
      it("should list every condition type with its operators", async () => {
        const response = await api.get(
          "/admin/customer-segments/conditions",
          admin
        )

        expect(response.status).toBe(200)
        const types = response.data.conditions.map(
          (c: { type: string }) => c.type
        )
        expect(types).toEqual(
          expect.arrayContaining([
            "email",
            "has_account",
            "metadata",
            "customer_group",
            "address_country",
            "order_count",
            "total_spent",
            "average_order_value",
            "days_since_last_order",
            "purchased_category",
          ])
        )
        const spent = response.data.conditions.find(
          (c: { type: string }) => c.type === "total_spent"
        )
        expect(spent).toMatchObject({
          value_type: "money",
          currency: "required",
          window: true,
        })
        expect(spent.operators.map((o: { id: string }) => o.id)).toEqual([
          "eq",
          "neq",
          "gt",
          "gte",
          "lt",
          "lte",
          "between",
        ])
      })

      it("should refuse a request without an admin token", async () => {
        await expectHttpError(
          api.get("/admin/customer-segments/conditions"),
          401
        )
      })
    })

    describe("POST /admin/customer-segments", () => {
      it("should create a segment with defaults", async () => {
        const segment = await createSegment({ name: "VIP", rule: VIP_RULE })

        expect(segment).toMatchObject({
          id: expect.stringMatching(/^cseg_/),
          name: "VIP",
          refresh_mode: "manual",
          audience: "all",
          is_active: true,
          member_count: 0,
          last_refreshed_at: null,
        })
      })

      const invalid: [string, unknown, RegExp][] = [
        [
          "an unknown condition type",
          {
            match: "all",
            conditions: [{ type: "shoe_size", operator: "eq", value: 1 }],
          },
          /rule\.conditions\[0\]\.type: unknown condition type "shoe_size"; allowed: email/,
        ],
        [
          "an operator the type does not have",
          {
            match: "all",
            conditions: [{ type: "email", operator: "gte", value: "x" }],
          },
          /rule\.conditions\[0\]\.operator: "gte" is not an operator of email; allowed: eq, neq/,
        ],
        [
          "a value of the wrong type",
          {
            match: "all",
            conditions: [
              { type: "order_count", operator: "gte", value: "ten" },
            ],
          },
          /rule\.conditions\[0\]\.value: .*number.*"ten"/,
        ],
        [
          "an empty group",
          { match: "all", conditions: [{ match: "any", conditions: [] }] },
          /rule\.conditions\[0\]\.conditions: a group needs at least one condition/,
        ],
        [
          "an empty list for in",
          {
            match: "all",
            conditions: [{ type: "customer_group", operator: "in", value: [] }],
          },
          /rule\.conditions\[0\]\.value: must list at least one value/,
        ],
        [
          "a money condition without currency",
          {
            match: "all",
            conditions: [{ type: "total_spent", operator: "gt", value: 5 }],
          },
          /rule\.conditions\[0\]\.currency: is required/,
        ],
        [
          "groups nested deeper than 5",
          nest(6),
          /rule(\.conditions\[0\]){5}: groups are nested 6 deep; at most 5 levels are allowed/,
        ],
        [
          "more than 50 conditions",
          {
            match: "all",
            conditions: Array.from({ length: 51 }, () => ({
              type: "has_account",
              operator: "is",
              value: true,
            })),
          },
          /rule: has 51 conditions; at most 50 are allowed/,
        ],
      ]

      it.each(invalid)(
        "should reject %s with a 400 naming the path",
        async (_, rule, message) => {
          const error = await expectHttpError(
            api.post("/admin/customer-segments", { name: "Bad", rule }, admin),
            400
          )

          expect(error.type).toBe("invalid_data")
          expect(error.message).toMatch(message)
          const list = await api.get("/admin/customer-segments", admin)
          expect(list.data.count).toBe(0)
        }
      )

      it("should reject an invalid cron expression naming the value", async () => {
        const error = await expectHttpError(
          api.post(
            "/admin/customer-segments",
            {
              name: "Nightly",
              rule: VIP_RULE,
              refresh_mode: "scheduled",
              cron: "61 * * * *",
            },
            admin
          ),
          400
        )
        expect(error.message).toContain(
          'cron "61 * * * *" is not a five-field cron expression'
        )
      })

      it("should reject an unknown refresh mode listing the allowed ones", async () => {
        const error = await expectHttpError(
          api.post(
            "/admin/customer-segments",
            { name: "X", rule: VIP_RULE, refresh_mode: "hourly" },
            admin
          ),
          400
        )
        expect(error.message).toContain("refresh_mode")
        expect(error.message).toContain("manual, scheduled, realtime")
        expect(error.message).toContain("hourly")
      })
    })

    describe("bad input anywhere", () => {
      it("should refuse a NUL character with a 400 naming where it is", async () => {
        const body = await expectHttpError(
          api.post(
            "/admin/customer-segments",
            { name: "a\u0000b", rule: VIP_RULE },
            admin
          ),
          400
        )
        expect(body.message).toBe(
          "body.name must not contain the NUL character (U+0000)"
        )
        const query = await expectHttpError(
          api.get("/admin/customer-segments?q=a%00b", admin),
          400
        )
        expect(query.message).toContain("query.q")
      })

      it("should refuse list parameters out of range, naming what is allowed", async () => {
        const limit = await expectHttpError(
          api.get("/admin/customer-segments?limit=-1", admin),
          400
        )
        expect(limit.message).toContain(
          "Value for field 'limit' too small, expected at least: '1'"
        )
        const order = await expectHttpError(
          api.get("/admin/customer-segments?order=unknown_field", admin),
          400
        )
        expect(order.message).toContain(
          'order "unknown_field" is not sortable; allowed: name, created_at'
        )
      })

      it("should check segment references in a preview as a save does", async () => {
        const unknown = await expectHttpError(
          api.post(
            "/admin/customer-segments/preview",
            {
              rule: {
                match: "all",
                conditions: [
                  { type: "in_segment", operator: "in", value: ["cseg_nope"] },
                ],
              },
            },
            admin
          ),
          400
        )
        expect(unknown.message).toContain('segment "cseg_nope" does not exist')
        await expectHttpError(
          api.post(
            "/admin/customer-segments/preview",
            { segment_id: "cseg_nope", rule: VIP_RULE },
            admin
          ),
          404
        )
      })

      it("should answer 404 for the segments of an unknown customer", async () => {
        const error = await expectHttpError(
          api.get("/admin/customers/cus_nope/customer-segments", admin),
          404
        )
        expect(error.message).toBe("Customer with id: cus_nope was not found")
      })
    })

    describe("GET /admin/customer-segments", () => {
      it("should search, filter, paginate and select fields", async () => {
        await createSegment({ name: "VIP gold", rule: VIP_RULE })
        await createSegment({
          name: "VIP silver",
          rule: VIP_RULE,
          is_active: false,
        })
        await createSegment({
          name: "Dormant",
          rule: VIP_RULE,
          refresh_mode: "realtime",
        })

        const search = await api.get(
          "/admin/customer-segments?q=vip&order=name",
          admin
        )
        expect(
          search.data.customer_segments.map((s: { name: string }) => s.name)
        ).toEqual(["VIP gold", "VIP silver"])
        expect(search.data).toMatchObject({ count: 2, offset: 0, limit: 20 })

        const inactive = await api.get(
          "/admin/customer-segments?is_active=false",
          admin
        )
        expect(
          inactive.data.customer_segments.map((s: { name: string }) => s.name)
        ).toEqual(["VIP silver"])

        const realtime = await api.get(
          "/admin/customer-segments?refresh_mode=realtime",
          admin
        )
        expect(realtime.data.count).toBe(1)

        const page = await api.get(
          "/admin/customer-segments?order=name&limit=1&offset=1&fields=id,name",
          admin
        )
        expect(page.data).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(Object.keys(page.data.customer_segments[0]).sort()).toEqual([
          "id",
          "name",
        ])
        expect(page.data.customer_segments[0].name).toBe("VIP gold")
      })
    })

    describe("POST /admin/customer-segments/:id/refresh", () => {
      it("should compute exactly the matching, live customers", async () => {
        const segment = await createSegment({ name: "VIP", rule: VIP_RULE })

        const response = await api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )

        expect(response.data.refresh).toMatchObject({
          added: 2,
          removed: 0,
          total: 2,
        })
        const members = await api.get(
          `/admin/customer-segments/${segment.id}/customers`,
          admin
        )
        expect(
          members.data.customers.map((c: { id: string }) => c.id).sort()
        ).toEqual([ids.alice, ids.bob].sort())
        expect(members.data.customers[0].member_since).toBeTruthy()
        const refreshed = await api.get(
          `/admin/customer-segments/${segment.id}`,
          admin
        )
        expect(refreshed.data.customer_segment.member_count).toBe(2)
        expect(refreshed.data.customer_segment.last_refreshed_at).toBeTruthy()
      })

      it("should apply only the difference and write a history row each time", async () => {
        const segment = await createSegment({ name: "VIP", rule: VIP_RULE })
        await api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )
        const again = await api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )
        expect(again.data.refresh).toMatchObject({
          added: 0,
          removed: 0,
          total: 2,
        })

        await api.post(
          `/admin/customer-segments/${segment.id}`,
          {
            rule: {
              match: "all",
              conditions: [{ type: "order_count", operator: "gte", value: 9 }],
            },
          },
          admin
        )
        const changed = await api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )
        // alice (12) and frank (9 counted) match; bob (2) leaves.
        expect(changed.data.refresh).toMatchObject({
          added: 1,
          removed: 1,
          total: 2,
        })

        const service = getContainer().resolve("customer_segment")
        const history = await service.listCustomerSegmentRefreshes(
          { segment_id: segment.id },
          { order: { started_at: "ASC" } }
        )
        expect(
          history.map(
            (h: { added: number; removed: number; total: number }) => [
              h.added,
              h.removed,
              h.total,
            ]
          )
        ).toEqual([
          [2, 0, 2],
          [0, 0, 2],
          [1, 1, 2],
        ])
        expect(
          history.every(
            (h: { finished_at: Date | null; error: string | null }) =>
              h.finished_at && !h.error
          )
        ).toBe(true)
        const [memberships, count] =
          await service.listAndCountCustomerSegmentMemberships({
            segment_id: segment.id,
          })
        expect(count).toBe(2)
        expect(
          new Set(
            memberships.map((m: { customer_id: string }) => m.customer_id)
          )
        ).toEqual(new Set([ids.alice, ids.frank]))
      })

      it("should answer 404 for an unknown segment", async () => {
        const error = await expectHttpError(
          api.post("/admin/customer-segments/cseg_missing/refresh", {}, admin),
          404
        )
        expect(error.message).toBe(
          "Customer segment with id: cseg_missing was not found"
        )
      })
    })

    describe("POST /admin/customer-segments/preview", () => {
      it("should count and sample without saving", async () => {
        const response = await api.post(
          "/admin/customer-segments/preview",
          {
            rule: {
              match: "all",
              conditions: [
                { type: "email", operator: "ends_with", value: "@ACME.com" },
              ],
            },
          },
          admin
        )

        expect(response.data.count).toBe(2)
        expect(
          response.data.customers.map((c: { email: string }) => c.email).sort()
        ).toEqual(["alice@acme.com", "dave@acme.com"])
        const list = await api.get("/admin/customer-segments", admin)
        expect(list.data.count).toBe(0)
      })

      it("should report what a change would add and remove", async () => {
        const segment = await createSegment({ name: "VIP", rule: VIP_RULE })
        await api.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )

        const response = await api.post(
          "/admin/customer-segments/preview",
          {
            segment_id: segment.id,
            rule: {
              match: "all",
              conditions: [{ type: "order_count", operator: "gte", value: 9 }],
            },
          },
          admin
        )

        expect(response.data).toMatchObject({ count: 2, added: 1, removed: 1 })
      })

      it("should honour the audience", async () => {
        const response = await api.post(
          "/admin/customer-segments/preview",
          {
            audience: "guests",
            rule: {
              match: "all",
              conditions: [{ type: "order_count", operator: "gte", value: 1 }],
            },
          },
          admin
        )
        expect(
          response.data.customers.map((c: { id: string }) => c.id)
        ).toEqual([ids.carol])
      })
    })

    describe("GET /admin/customers/:id/customer-segments", () => {
      it("should list the segments a customer belongs to", async () => {
        const vip = await createSegment({ name: "VIP", rule: VIP_RULE })
        const acme = await createSegment({
          name: "Acme",
          rule: {
            match: "all",
            conditions: [
              { type: "email", operator: "ends_with", value: "acme.com" },
            ],
          },
        })
        await api.post(`/admin/customer-segments/${vip.id}/refresh`, {}, admin)
        await api.post(`/admin/customer-segments/${acme.id}/refresh`, {}, admin)

        const alice = await api.get(
          `/admin/customers/${ids.alice}/customer-segments`,
          admin
        )
        expect(
          alice.data.customer_segments
            .map((s: { name: string }) => s.name)
            .sort()
        ).toEqual(["Acme", "VIP"])
        expect(alice.data.customer_segments[0].member_since).toBeTruthy()
        expect(alice.data.count).toBe(2)

        const dave = await api.get(
          `/admin/customers/${ids.dave}/customer-segments`,
          admin
        )
        expect(
          dave.data.customer_segments.map((s: { name: string }) => s.name)
        ).toEqual(["Acme"])
      })
    })

    describe("POST, PUT and DELETE /admin/customer-segments/:id", () => {
      it("should update, replace and delete", async () => {
        const segment = await createSegment({
          name: "VIP",
          rule: VIP_RULE,
          description: "Best",
        })

        const updated = await api.post(
          `/admin/customer-segments/${segment.id}`,
          { name: "VIP+", audience: "registered" },
          admin
        )
        expect(updated.data.customer_segment).toMatchObject({
          name: "VIP+",
          audience: "registered",
          description: "Best",
        })

        const replaced = await api.put(
          `/admin/customer-segments/${segment.id}`,
          { name: "Replaced", rule: VIP_RULE },
          admin
        )
        expect(replaced.data.customer_segment).toMatchObject({
          name: "Replaced",
          audience: "all",
          description: null,
        })

        const deleted = await api.delete(
          `/admin/customer-segments/${segment.id}`,
          admin
        )
        expect(deleted.data).toEqual({
          id: segment.id,
          object: "customer_segment",
          deleted: true,
        })
        await expectHttpError(
          api.get(`/admin/customer-segments/${segment.id}`, admin),
          404
        )
      })

      it("should not write an update whose rule is invalid", async () => {
        const segment = await createSegment({ name: "VIP", rule: VIP_RULE })

        await expectHttpError(
          api.post(
            `/admin/customer-segments/${segment.id}`,
            { name: "Broken", rule: { match: "all", conditions: [] } },
            admin
          ),
          400
        )

        const after = await api.get(
          `/admin/customer-segments/${segment.id}`,
          admin
        )
        expect(after.data.customer_segment).toMatchObject({
          name: "VIP",
          rule: VIP_RULE,
        })
      })
    })
  },
})

function nest(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = {
    match: "all",
    conditions: [{ type: "has_account", operator: "is", value: true }],
  }
  for (let i = 1; i < depth; i++) {
    node = { match: "all", conditions: [node] }
  }
  return node
}
