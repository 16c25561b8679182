import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import {
  placeOrder,
  registerShopper,
  seedStorefront,
  sleep,
  waitFor,
  type Shopper,
  type Storefront,
} from "../helpers/storefront"

jest.setTimeout(240000)

// Every refresh here comes from an event, so none may start in the
// background after a segment is saved and muddy the history being counted.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

// Longer than the debounce (250 ms) plus an evaluation, with room for two
// cores: how long to wait before asserting that nothing happened.
const SETTLE_MS = 2000

const ORDER_COUNT_RULE = {
  match: "all",
  conditions: [{ type: "order_count", operator: "gte", value: 1 }],
}

type KnexLike = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let service: CustomerSegmentModuleService
    let admin: AdminHeaders
    let store: Storefront
    let shopper: Shopper
    const db = dbConnection as unknown as KnexLike

    beforeAll(async () => {
      container = getContainer()
      service = container.resolve(CUSTOMER_SEGMENT_MODULE)
      admin = await createAdminHeaders(container)
      store = await seedStorefront(api, admin)
      shopper = await registerShopper(api, store, {
        email: "sam@example.com",
        first_name: "Sam",
        last_name: "Shopper",
      })
    })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    const createSegment = async (body: Record<string, unknown>) =>
      (
        await api.post(
          "/admin/customer-segments",
          { refresh_mode: "realtime", ...body },
          admin
        )
      ).data.customer_segment as { id: string }

    const memberIds = async (segmentId: string) =>
      (
        await db.raw(
          "SELECT customer_id FROM customer_segment_membership WHERE segment_id = ? AND deleted_at IS NULL ORDER BY customer_id",
          [segmentId]
        )
      ).rows.map((row) => row.customer_id as string)

    const history = async (segmentId: string) =>
      (
        await db.raw(
          "SELECT trigger, added, removed, total FROM customer_segment_refresh WHERE segment_id = ? ORDER BY started_at",
          [segmentId]
        )
      ).rows

    const isMember = async (segmentId: string, customerId: string) =>
      (await memberIds(segmentId)).includes(customerId)

    /** Collects the payloads of an event until the test ends. */
    const recordEvents = (eventName: string) => {
      const received: { segment_id: string; customer_ids: string[] }[] = []
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const subscriberId = `realtime-spec-${eventName}-${Date.now()}`
      const subscriber = async ({ data }: { data: any }) => {
        received.push(data)
      }
      eventBus.subscribe(eventName, subscriber, { subscriberId })
      unsubscribes.push(() =>
        eventBus.unsubscribe(eventName, subscriber, { subscriberId })
      )
      return received
    }
    let unsubscribes: (() => void)[] = []
    afterEach(() => {
      unsubscribes.forEach((unsubscribe) => unsubscribe())
      unsubscribes = []
    })

    describe("an order placed through the store API", () => {
      it("should add the customer to a real-time order-count segment, and cancelling the order should remove them", async () => {
        const segment = await createSegment({
          name: "Has ordered",
          rule: ORDER_COUNT_RULE,
        })
        const added = recordEvents("customer_segment.customers_added")
        const removed = recordEvents("customer_segment.customers_removed")

        const started = Date.now()
        const order = await placeOrder(api, store, shopper)
        await waitFor(
          () => isMember(segment.id, shopper.customerId),
          "the shopper to join after order.placed"
        )
        const joinedMs = Date.now() - started

        const { data } = await api.get(
          `/admin/orders/${order.id}?fields=customer_id`,
          admin
        )
        expect(data.order.customer_id).toBe(shopper.customerId)
        expect(joinedMs).toBeLessThan(10000)
        await waitFor(async () => added.length > 0, "customers_added")
        expect(added).toEqual([
          { segment_id: segment.id, customer_ids: [shopper.customerId] },
        ])

        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        await waitFor(
          async () => !(await isMember(segment.id, shopper.customerId)),
          "the shopper to leave after order.canceled"
        )
        await waitFor(async () => removed.length > 0, "customers_removed")
        expect(removed).toEqual([
          { segment_id: segment.id, customer_ids: [shopper.customerId] },
        ])
        expect(await history(segment.id)).toEqual([
          expect.objectContaining({ trigger: "realtime", added: 1, total: 1 }),
          expect.objectContaining({
            trigger: "realtime",
            removed: 1,
            total: 0,
          }),
        ])
      })

      it("should re-evaluate a spend segment but not a segment that reads only the name", async () => {
        const spend = await createSegment({
          name: "Spent 30 USD",
          rule: {
            match: "all",
            conditions: [
              {
                type: "total_spent",
                operator: "gte",
                value: 30,
                currency: "usd",
              },
            ],
          },
        })
        const byName = await createSegment({
          name: "Called Sam",
          rule: {
            match: "all",
            conditions: [{ type: "first_name", operator: "eq", value: "Sam" }],
          },
        })
        const evaluateSpy = jest.spyOn(service, "evaluateCustomers")

        await placeOrder(api, store, shopper)
        await waitFor(
          () => isMember(spend.id, shopper.customerId),
          "the shopper to join the spend segment"
        )
        await sleep(SETTLE_MS)

        const evaluated = evaluateSpy.mock.calls.flatMap(([segments]) =>
          segments.map((segment) => segment.id)
        )
        expect(evaluated).toContain(spend.id)
        expect(evaluated).not.toContain(byName.id)
        // Sam matches the name rule, but only a change of name may say so.
        expect(await memberIds(byName.id)).toEqual([])
        expect(await history(byName.id)).toEqual([])
      })

      it("should change nothing when the same order.placed is delivered twice", async () => {
        const segment = await createSegment({
          name: "Has ordered",
          rule: ORDER_COUNT_RULE,
        })
        const order = await placeOrder(api, store, shopper)
        await waitFor(
          () => isMember(segment.id, shopper.customerId),
          "the shopper to join"
        )
        await sleep(SETTLE_MS)
        const before = await history(segment.id)

        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit([
          { name: "order.placed", data: { id: order.id } },
          { name: "order.placed", data: { id: order.id } },
        ])
        await sleep(SETTLE_MS)

        expect(await memberIds(segment.id)).toEqual([shopper.customerId])
        expect(await history(segment.id)).toEqual(before)
        const orders = await service.listOrderHistory({
          customer_id: shopper.customerId,
        })
        expect(orders.map((row) => row.id)).toEqual([order.id])
      })
    })

    describe("a change to the customer", () => {
      it("should re-evaluate a name segment when the store API renames the customer", async () => {
        const segment = await createSegment({
          name: "Called Samantha",
          rule: {
            match: "all",
            conditions: [
              { type: "first_name", operator: "eq", value: "Samantha" },
            ],
          },
        })

        await api.post(
          "/store/customers/me",
          { first_name: "Samantha" },
          {
            headers: {
              "x-publishable-api-key": store.publishableKey,
              authorization: `Bearer ${shopper.token}`,
            },
          }
        )

        await waitFor(
          () => isMember(segment.id, shopper.customerId),
          "the renamed shopper to join"
        )
        expect(await history(segment.id)).toEqual([
          expect.objectContaining({ trigger: "realtime", added: 1, total: 1 }),
        ])
      })

      it("should evaluate a burst of five customer.updated events once, and emit the membership event", async () => {
        const segment = await createSegment({
          name: "Called Zed",
          rule: {
            match: "all",
            conditions: [{ type: "first_name", operator: "eq", value: "Zed" }],
          },
        })
        const added = recordEvents("customer_segment.customers_added")
        // Renamed through the module, which emits nothing: the five events
        // below are the only news of it.
        await container
          .resolve(Modules.CUSTOMER)
          .updateCustomers(shopper.customerId, { first_name: "Zed" })
        const evaluateSpy = jest.spyOn(service, "evaluateCustomers")

        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit(
          Array.from({ length: 5 }, () => ({
            name: "customer.updated",
            data: { id: shopper.customerId },
          }))
        )
        await waitFor(
          () => isMember(segment.id, shopper.customerId),
          "Zed to join"
        )
        await sleep(SETTLE_MS)

        expect(evaluateSpy).toHaveBeenCalledTimes(1)
        const [segments, customerIds] = evaluateSpy.mock.calls[0]
        expect(segments.map((s) => s.id)).toEqual([segment.id])
        expect(customerIds).toEqual([shopper.customerId])
        expect(
          (await history(segment.id)).filter((h) => h.trigger === "realtime")
        ).toHaveLength(1)
        expect(added).toEqual([
          { segment_id: segment.id, customer_ids: [shopper.customerId] },
        ])
      })
    })

    describe("DELETE /admin/customers/:id", () => {
      it("should remove the customer from every segment, manual ones too", async () => {
        const realtime = await createSegment({
          name: "Called Sam",
          rule: {
            match: "all",
            conditions: [{ type: "first_name", operator: "eq", value: "Sam" }],
          },
        })
        const manual = await createSegment({
          name: "Everyone at example.com",
          refresh_mode: "manual",
          rule: {
            match: "all",
            conditions: [
              { type: "email", operator: "ends_with", value: "example.com" },
            ],
          },
        })
        for (const segment of [realtime, manual]) {
          await api.post(
            `/admin/customer-segments/${segment.id}/refresh`,
            {},
            admin
          )
          expect(await memberIds(segment.id)).toEqual([shopper.customerId])
        }
        const removed = recordEvents("customer_segment.customers_removed")

        await api.delete(`/admin/customers/${shopper.customerId}`, admin)

        await waitFor(
          async () =>
            !(await isMember(realtime.id, shopper.customerId)) &&
            !(await isMember(manual.id, shopper.customerId)),
          "the deleted customer to leave both segments"
        )
        const { data } = await api.get(
          `/admin/customer-segments/${manual.id}`,
          admin
        )
        expect(data.customer_segment.member_count).toBe(0)
        await waitFor(async () => removed.length === 2, "customers_removed")
        expect(removed).toEqual(
          expect.arrayContaining([
            { segment_id: realtime.id, customer_ids: [shopper.customerId] },
            { segment_id: manual.id, customer_ids: [shopper.customerId] },
          ])
        )
      })
    })
  },
})
