import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/requests"
import {
  registerShopper,
  seedStorefront,
  waitFor,
  type Shopper,
  type Storefront,
} from "../helpers/storefront"

jest.setTimeout(240000)

// A small budget so the rate limit can be reached quickly; read by
// medusa-config.ts before the runner loads it.
const RATE = 40
process.env.SEGMENTS_ACTIVITY_RATE = String(RATE)
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_ACTIVITY_RATE
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: Storefront
    let ann: Shopper
    let bob: Shopper
    let productId: string
    let categoryId: string
    let service: CustomerSegmentModuleService

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      store = await seedStorefront(api, admin)
      ann = await registerShopper(api, store, {
        email: "ann@example.com",
        first_name: "Ann",
        last_name: "Archer",
      })
      bob = await registerShopper(api, store, {
        email: "bob@example.com",
        first_name: "Bob",
        last_name: "Baker",
      })
      const { data } = await api.get("/admin/products?fields=id", admin)
      productId = data.products[0].id
      const {
        data: { product_category },
      } = await api.post(
        "/admin/product-categories",
        { name: "Outdoor", is_active: true },
        admin
      )
      categoryId = product_category.id
      await api.post(
        `/admin/product-categories/${categoryId}/products`,
        { add: [productId] },
        admin
      )
      service = getContainer().resolve(CUSTOMER_SEGMENT_MODULE)
    })

    const as = (shopper: Shopper, withKey = true) => ({
      headers: {
        authorization: `Bearer ${shopper.token}`,
        ...(withKey && { "x-publishable-api-key": store.publishableKey }),
      },
    })
    const members = async (condition: Record<string, unknown>) =>
      (
        await service.previewRule({
          rule: { match: "all", conditions: [condition] },
        })
      ).customer_ids
    const addToCart = async (shopper: Shopper, quantity: number) => {
      const {
        data: { cart },
      } = await api.post(
        "/store/carts",
        { region_id: store.regionId, sales_channel_id: store.salesChannelId },
        as(shopper)
      )
      await api.post(
        `/store/carts/${cart.id}/line-items`,
        { variant_id: store.variantId, quantity },
        as(shopper)
      )
      return cart.id as string
    }

    describe("POST /store/customers/me/activity", () => {
      it("should record views that viewed_* conditions count", async () => {
        for (let i = 0; i < 2; i++) {
          const response = await api.post(
            "/store/customers/me/activity",
            { type: "product_view", product_id: productId },
            as(ann)
          )
          expect(response.status).toBe(201)
          expect(response.data.activity).toMatchObject({
            customer_id: ann.customerId,
            kind: "product_view",
            product_id: productId,
          })
        }
        await api.post(
          "/store/customers/me/activity",
          { type: "category_view", category_id: categoryId },
          as(bob)
        )

        const twice = {
          type: "viewed_product",
          operator: "viewed",
          value: [productId],
          min_times: 2,
        }
        expect(await members(twice)).toEqual([ann.customerId])
        expect(
          await members({
            type: "viewed_category",
            operator: "viewed",
            value: [categoryId],
          })
        ).toEqual([bob.customerId])
        expect(
          await members({
            type: "viewed_product",
            operator: "not_viewed",
            value: [productId],
          })
        ).toEqual([bob.customerId])
      })

      it("should reject an unknown type, naming the allowed ones", async () => {
        const error = await expectHttpError(
          api.post(
            "/store/customers/me/activity",
            { type: "page_view", product_id: productId },
            as(ann)
          ),
          400
        )
        expect(error.message).toContain("product_view")
        expect(error.message).toContain("category_view")
        expect(error.message).toContain("page_view")
      })

      it("should name the id a view type needs", async () => {
        const error = await expectHttpError(
          api.post(
            "/store/customers/me/activity",
            { type: "category_view", product_id: productId },
            as(ann)
          ),
          400
        )
        expect(error.message).toContain(
          "category_id is required when type is category_view"
        )
      })

      it("should answer 404 for a product that does not exist", async () => {
        const error = await expectHttpError(
          api.post(
            "/store/customers/me/activity",
            { type: "product_view", product_id: "prod_nope" },
            as(ann)
          ),
          404
        )
        expect(error.message).toBe("Product with id: prod_nope was not found")
      })

      it("should require a logged-in customer and a publishable key", async () => {
        await expectHttpError(
          api.post(
            "/store/customers/me/activity",
            { type: "product_view", product_id: productId },
            { headers: { "x-publishable-api-key": store.publishableKey } }
          ),
          401
        )
        await expectHttpError(
          api.post(
            "/store/customers/me/activity",
            { type: "product_view", product_id: productId },
            as(ann, false)
          ),
          400
        )
      })

      it("should answer 429 past the per-minute budget", async () => {
        const body = { type: "product_view", product_id: productId }
        let status = 0
        let retryAfter: string | undefined
        for (let i = 0; i <= RATE && status !== 429; i++) {
          await api.post("/store/customers/me/activity", body, as(bob)).then(
            (r) => (status = r.status),
            (e) => {
              status = e.response.status
              retryAfter = e.response.headers["retry-after"]
            }
          )
        }
        expect(status).toBe(429)
        expect(Number(retryAfter)).toBeGreaterThan(0)
      })
    })

    describe("/store/customers/me/wishlist", () => {
      it("should add, list and remove, and feed the wishlist conditions", async () => {
        await api.post(
          "/store/customers/me/wishlist",
          { product_id: productId },
          as(ann)
        )
        await api.post(
          "/store/customers/me/wishlist",
          { product_id: productId },
          as(ann)
        )

        const list = await api.get("/store/customers/me/wishlist", as(ann))
        expect(list.data).toMatchObject({ count: 1, offset: 0, limit: 50 })
        expect(list.data.wishlist_items[0].product_id).toBe(productId)
        expect(
          await members({
            type: "has_wishlist_items",
            operator: "is",
            value: true,
          })
        ).toEqual([ann.customerId])
        expect(
          await members({
            type: "wishlisted_product",
            operator: "in",
            value: [productId],
          })
        ).toEqual([ann.customerId])

        const removed = await api.delete(
          `/store/customers/me/wishlist/${productId}`,
          as(ann)
        )
        expect(removed.data).toEqual({
          id: productId,
          object: "wishlist_item",
          deleted: true,
        })
        expect(
          await members({
            type: "has_wishlist_items",
            operator: "is",
            value: true,
          })
        ).toEqual([])
        await expectHttpError(
          api.delete(`/store/customers/me/wishlist/${productId}`, as(ann)),
          404
        )
      })
    })

    describe("cart conditions", () => {
      it("should read the customer's own open cart", async () => {
        await addToCart(ann, 2)

        expect(
          await members({ type: "has_open_cart", operator: "is", value: true })
        ).toEqual([ann.customerId])
        expect(
          await members({
            type: "cart_subtotal",
            operator: "eq",
            value: 80,
            currency: "usd",
          })
        ).toEqual([ann.customerId])
        expect(
          await members({
            type: "cart_subtotal",
            operator: "gt",
            value: 1,
            currency: "eur",
          })
        ).toEqual([])
        expect(
          await members({ type: "cart_item_count", operator: "eq", value: 2 })
        ).toEqual([ann.customerId])
        expect(
          await members({
            type: "cart_contains_product",
            operator: "in",
            value: [productId],
          })
        ).toEqual([ann.customerId])
        expect(
          await members({
            type: "cart_contains_category",
            operator: "in",
            value: [categoryId],
          })
        ).toEqual([ann.customerId])
        expect(
          await members({ type: "cart_idle_hours", operator: "lt", value: 1 })
        ).toEqual([ann.customerId])
        expect(
          await members({ type: "cart_idle_hours", operator: "gte", value: 1 })
        ).toEqual([])
      })

      it("should move a customer into a real-time cart segment when they add to a cart", async () => {
        const {
          data: { customer_segment: segment },
        } = await api.post(
          "/admin/customer-segments",
          {
            name: "Has a cart",
            refresh_mode: "realtime",
            rule: {
              match: "all",
              conditions: [
                { type: "has_open_cart", operator: "is", value: true },
              ],
            },
          },
          admin
        )

        await addToCart(bob, 1)

        await waitFor(async () => {
          const { data } = await api.get(
            `/admin/customer-segments/${segment.id}/customers`,
            admin
          )
          return data.customers.some(
            (c: { id: string }) => c.id === bob.customerId
          )
        }, "bob in the cart segment")
      })
    })

    describe("in_segment", () => {
      const create = async (body: Record<string, unknown>) =>
        (await api.post("/admin/customer-segments", body, admin)).data
          .customer_segment

      it("should follow another segment's members, in real time", async () => {
        const annOnly = await create({
          name: "Ann",
          rule: {
            match: "all",
            conditions: [
              { type: "email", operator: "eq", value: "ann@example.com" },
            ],
          },
        })
        const follower = await create({
          name: "Follows Ann",
          refresh_mode: "realtime",
          rule: {
            match: "all",
            conditions: [
              { type: "in_segment", operator: "in", value: [annOnly.id] },
            ],
          },
        })

        await api.post(
          `/admin/customer-segments/${annOnly.id}/refresh`,
          {},
          admin
        )

        await waitFor(async () => {
          const { data } = await api.get(
            `/admin/customer-segments/${follower.id}/customers`,
            admin
          )
          return data.count === 1 && data.customers[0].id === ann.customerId
        }, "ann in the following segment")
      })

      it("should refuse a cycle, a self-reference and an unknown segment", async () => {
        const a = await create({
          name: "A",
          rule: {
            match: "all",
            conditions: [{ type: "has_account", operator: "is", value: true }],
          },
        })
        const b = await create({
          name: "B",
          rule: {
            match: "all",
            conditions: [{ type: "in_segment", operator: "in", value: [a.id] }],
          },
        })

        const cycle = await expectHttpError(
          api.post(
            `/admin/customer-segments/${a.id}`,
            {
              rule: {
                match: "all",
                conditions: [
                  { type: "in_segment", operator: "in", value: [b.id] },
                ],
              },
            },
            admin
          ),
          400
        )
        expect(cycle.message).toContain(
          `rule.conditions[0].value: ${b.id} already depends on this segment (${a.id} -> ${b.id} -> ${a.id})`
        )

        const self = await expectHttpError(
          api.post(
            `/admin/customer-segments/${a.id}`,
            {
              rule: {
                match: "all",
                conditions: [
                  { type: "in_segment", operator: "not_in", value: [a.id] },
                ],
              },
            },
            admin
          ),
          400
        )
        expect(self.message).toContain(
          `a segment cannot refer to itself (${a.id})`
        )

        const unknown = await expectHttpError(
          api.post(
            "/admin/customer-segments",
            {
              name: "C",
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
      })
    })
  },
})
