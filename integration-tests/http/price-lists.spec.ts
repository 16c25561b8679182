import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import {
  cartWithItem,
  getCart,
  guest,
  PRICE,
  registerCustomer,
  seedStore,
  type Shopper,
  type Store,
  waitFor,
} from "../helpers/sdk-storefront"

jest.setTimeout(240000)

// Refreshes are asked for explicitly here. Read by medusa-config.ts.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

const WHOLESALE_PRICE = 70

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: Store
    let trader: Shopper
    let retail: Shopper
    let visitor: Shopper
    let wholesale: { id: string; customer_group_id: string }

    const setTier = (shopper: Shopper, tier: string) =>
      api.post(
        `/admin/customers/${shopper.customerId}`,
        { metadata: { tier } },
        admin
      )
    const refresh = (segmentId: string) =>
      api.post(`/admin/customer-segments/${segmentId}/refresh`, {}, admin)
    const productPagePrice = async (shopper: Shopper) => {
      const { product } = await shopper.sdk.store.product.retrieve(
        store.productId,
        { region_id: store.regionId, fields: "*variants.calculated_price" }
      )
      return product.variants![0].calculated_price!.calculated_amount
    }
    const unitPrice = async (shopper: Shopper, cartId: string) =>
      (await getCart(shopper, cartId)).items![0].unit_price

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      store = await seedStore(api, admin)
      trader = await registerCustomer(store, "trader@shop.test")
      retail = await registerCustomer(store, "retail@shop.test")
      visitor = guest(store, "visitor@shop.test")
      await setTier(trader, "wholesale")

      const {
        data: { customer_segment: segment },
      } = await api.post(
        "/admin/customer-segments",
        {
          name: "wholesale",
          rule: {
            match: "all",
            conditions: [
              {
                type: "metadata",
                key: "tier",
                value_type: "text",
                operator: "eq",
                value: "wholesale",
              },
            ],
          },
        },
        admin
      )
      wholesale = segment
      await refresh(wholesale.id)
      await api.post(
        "/admin/price-lists",
        {
          title: "Wholesale",
          description: "Trade prices for the wholesale segment",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [wholesale.customer_group_id] },
          prices: [
            {
              variant_id: store.variantId,
              amount: WHOLESALE_PRICE,
              currency_code: "usd",
            },
          ],
        },
        admin
      )
    })

    describe("a price list on the segment's customer group", () => {
      it("should give a member the list price on the product page and in the cart", async () => {
        expect(await productPagePrice(trader)).toBe(WHOLESALE_PRICE)

        const cart = await cartWithItem(store, trader)
        expect(cart.items![0].unit_price).toBe(WHOLESALE_PRICE)
        expect(cart.total).toBe(WHOLESALE_PRICE)
      })

      it.each([
        ["a registered non-member", () => retail],
        ["a guest", () => visitor],
      ])("should give %s the regular price", async (_, shopper) => {
        expect(await productPagePrice(shopper())).toBe(PRICE)

        const cart = await cartWithItem(store, shopper())
        expect(cart.items![0].unit_price).toBe(PRICE)
      })

      it("should re-price the open cart of a member who leaves the segment", async () => {
        const cart = await cartWithItem(store, trader)
        expect(cart.items![0].unit_price).toBe(WHOLESALE_PRICE)

        await setTier(trader, "retail")
        await refresh(wholesale.id)

        await waitFor(
          async () => (await unitPrice(trader, cart.id)) === PRICE,
          "the open cart to go back to the regular price"
        )
        expect(await productPagePrice(trader)).toBe(PRICE)
      })

      it("should re-price the open cart of a customer who joins the segment", async () => {
        const cart = await cartWithItem(store, retail)
        expect(cart.items![0].unit_price).toBe(PRICE)

        await setTier(retail, "wholesale")
        await refresh(wholesale.id)

        await waitFor(
          async () => (await unitPrice(retail, cart.id)) === WHOLESALE_PRICE,
          "the open cart to get the list price"
        )
      })

      it("should give nobody the list price once the segment is deleted", async () => {
        await api.delete(`/admin/customer-segments/${wholesale.id}`, admin)

        expect(await productPagePrice(trader)).toBe(PRICE)
        const cart = await cartWithItem(store, trader)
        expect(cart.items![0].unit_price).toBe(PRICE)
      })
    })
  },
})
