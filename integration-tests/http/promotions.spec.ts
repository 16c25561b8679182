import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import {
  appliedCodes,
  cartWithItem,
  completeCart,
  getCart,
  guest,
  PRICE,
  registerCustomer,
  seedStore,
  type Shopper,
  type Store,
  waitFor,
} from "./promotions-storefront"

jest.setTimeout(240000)

// Refreshes are asked for explicitly here, so none runs in the background
// after a save. Read by medusa-config.ts.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

const VIP_RULE = {
  match: "all",
  conditions: [
    {
      type: "metadata",
      key: "tier",
      value_type: "text",
      operator: "eq",
      value: "vip",
    },
  ],
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: Store
    let member: Shopper
    let outsider: Shopper
    let visitor: Shopper
    let vip: { id: string; customer_group_id: string }

    const setTier = (shopper: Shopper, tier: string) =>
      api.post(
        `/admin/customers/${shopper.customerId}`,
        { metadata: { tier } },
        admin
      )
    const refresh = async (segmentId: string) =>
      (
        await api.post(
          `/admin/customer-segments/${segmentId}/refresh`,
          {},
          admin
        )
      ).data.refresh
    const groupMemberIds = async (groupId: string) => {
      const rows = await getContainer()
        .resolve(Modules.CUSTOMER)
        .listCustomerGroupCustomers(
          { customer_group_id: groupId },
          { select: ["customer_id"], take: null }
        )
      return rows.map((row) => row.customer_id).sort()
    }
    const createPromotion = async (
      code: string,
      value: number,
      options: {
        automatic: boolean
        operator?: "in" | "ne"
        groupId: string
      }
    ) =>
      (
        await api.post(
          "/admin/promotions",
          {
            code,
            type: "standard",
            status: "active",
            is_automatic: options.automatic,
            application_method: {
              type: "percentage",
              target_type: "order",
              allocation: "across",
              value,
              currency_code: "usd",
            },
            rules: [
              {
                attribute: "customer.groups.id",
                operator: options.operator ?? "in",
                values: [options.groupId],
              },
            ],
          },
          admin
        )
      ).data.promotion

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      store = await seedStore(api, admin)
      member = await registerCustomer(store, "member@shop.test")
      outsider = await registerCustomer(store, "outsider@shop.test")
      visitor = guest(store, "visitor@shop.test")
      await setTier(member, "vip")
      await setTier(outsider, "regular")

      const {
        data: { customer_segment: segment },
      } = await api.post(
        "/admin/customer-segments",
        { name: "VIP", rule: VIP_RULE },
        admin
      )
      vip = segment
      await refresh(vip.id)
      await createPromotion("VIP10", 10, {
        automatic: true,
        groupId: vip.customer_group_id,
      })
      await createPromotion("VIP15", 15, {
        automatic: false,
        groupId: vip.customer_group_id,
      })
    })

    describe("the managed customer group", () => {
      it("should be created with the segment, named after it and marked managed", async () => {
        const group = await getContainer()
          .resolve(Modules.CUSTOMER)
          .retrieveCustomerGroup(vip.customer_group_id)

        expect(group).toMatchObject({
          name: "VIP",
          metadata: {
            managed_by: "medusa-customer-segments",
            customer_segment_id: vip.id,
          },
        })
        expect(await groupMemberIds(vip.customer_group_id)).toEqual([
          member.customerId,
        ])
      })
    })

    describe("promotions on customer.groups.id", () => {
      it("should give a member the automatic 10% and the coded 15%", async () => {
        const cart = await cartWithItem(store, member)
        expect(appliedCodes(cart)).toEqual(["VIP10"])

        const { cart: coded } = await member.sdk.store.cart.update(cart.id, {
          promo_codes: ["VIP15"],
        })
        const withCode = await getCart(member, coded.id)
        expect(appliedCodes(withCode)).toEqual(["VIP10", "VIP15"])
        expect(withCode.discount_total).toBeGreaterThan(0)
        expect(withCode.total).toBeLessThan(PRICE)

        const order = await completeCart(member, cart.id)
        expect(order.discount_total).toBe(withCode.discount_total)
      })

      it.each([
        ["a registered non-member", () => outsider],
        ["a guest", () => visitor],
      ])("should give %s neither promotion", async (_, shopper) => {
        const cart = await cartWithItem(store, shopper())
        expect(appliedCodes(cart)).toEqual([])

        await shopper().sdk.store.cart.update(cart.id, {
          promo_codes: ["VIP15"],
        })
        const after = await getCart(shopper(), cart.id)
        expect(appliedCodes(after)).toEqual([])
        expect(after.total).toBe(PRICE)
      })
    })
  },
})
