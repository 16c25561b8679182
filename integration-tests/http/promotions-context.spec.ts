import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { segmentPromotionContext } from "../../src/workflows/promotion-context/segment-promotion-context"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import {
  appliedCodes,
  cartWithItem,
  guest,
  registerCustomer,
  seedStore,
  type Shopper,
  type Store,
} from "../helpers/sdk-storefront"

jest.setTimeout(240000)

process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

// What a store does to opt in; the workflow object is shared with the app
// this file boots, so every cart below is priced with the handler.
updateCartPromotionsWorkflow.hooks.setPromotionContext(segmentPromotionContext)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: Store
    let member: Shopper
    let outsider: Shopper
    let visitor: Shopper
    let vip: { id: string; customer_group_id: string }

    const automaticPromotion = (
      code: string,
      rule: { attribute: string; operator: "in" | "ne"; values: string[] }
    ) =>
      api.post(
        "/admin/promotions",
        {
          code,
          type: "standard",
          status: "active",
          is_automatic: true,
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: 5,
            currency_code: "usd",
          },
          rules: [rule],
        },
        admin
      )

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      store = await seedStore(api, admin)
      member = await registerCustomer(store, "member@shop.test")
      outsider = await registerCustomer(store, "outsider@shop.test")
      visitor = guest(store, "visitor@shop.test")
      const {
        data: { customer_segment: segment },
      } = await api.post(
        "/admin/customer-segments",
        {
          name: "VIP",
          rule: {
            match: "all",
            conditions: [
              { type: "email", operator: "eq", value: "member@shop.test" },
            ],
          },
        },
        admin
      )
      vip = segment
      await api.post(`/admin/customer-segments/${vip.id}/refresh`, {}, admin)
    })

    const codesByShopper = async () => {
      const codes: Record<string, string[]> = {}
      for (const [name, shopper] of [
        ["member", member],
        ["outsider", outsider],
        ["visitor", visitor],
      ] as const) {
        codes[name] = appliedCodes(await cartWithItem(store, shopper))
      }
      return codes
    }

    describe("with segmentPromotionContext registered", () => {
      it("should apply an automatic 'not in group' promotion to customers in no group", async () => {
        await automaticPromotion("NOTVIP5", {
          attribute: "customer.groups.id",
          operator: "ne",
          values: [vip.customer_group_id],
        })

        expect(await codesByShopper()).toEqual({
          member: [],
          outsider: ["NOTVIP5"],
          visitor: ["NOTVIP5"],
        })
      })

      it("should gate promotions on customer.segments.id", async () => {
        await automaticPromotion("SEG5", {
          attribute: "customer.segments.id",
          operator: "in",
          values: [vip.id],
        })
        await automaticPromotion("NOTSEG5", {
          attribute: "customer.segments.id",
          operator: "ne",
          values: [vip.id],
        })

        expect(await codesByShopper()).toEqual({
          member: ["SEG5"],
          outsider: ["NOTSEG5"],
          visitor: ["NOTSEG5"],
        })
      })
    })
  },
})
