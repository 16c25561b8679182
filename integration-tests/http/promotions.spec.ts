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
} from "../helpers/sdk-storefront"

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

    describe("when membership changes", () => {
      it("should take the discount away from a member who leaves the segment", async () => {
        const cart = await cartWithItem(store, member)
        expect(appliedCodes(cart)).toEqual(["VIP10"])

        await setTier(member, "regular")
        const result = await refresh(vip.id)
        expect(result).toMatchObject({ removed: 1, total: 0, warnings: [] })
        expect(await groupMemberIds(vip.customer_group_id)).toEqual([])

        // Re-priced by the plugin after the membership event, before the
        // shopper touches the cart again.
        await waitFor(
          async () => appliedCodes(await getCart(member, cart.id)).length === 0,
          "the open cart to lose VIP10"
        )
        await member.sdk.store.cart.updateLineItem(cart.id, cart.items![0].id, {
          quantity: 2,
        })
        const changed = await getCart(member, cart.id)
        expect(appliedCodes(changed)).toEqual([])
        expect(changed.total).toBe(2 * PRICE)
      })

      it("should give the discount to an open cart of a customer who joins", async () => {
        const cart = await cartWithItem(store, outsider)
        expect(appliedCodes(cart)).toEqual([])

        await setTier(outsider, "vip")
        await refresh(vip.id)

        await waitFor(
          async () =>
            appliedCodes(await getCart(outsider, cart.id)).includes("VIP10"),
          "the open cart to gain VIP10"
        )
      })
    })

    describe("a manual edit of the managed group", () => {
      it("should be undone by the next refresh, with a warning", async () => {
        const groupId = vip.customer_group_id
        await api.post(
          `/admin/customer-groups/${groupId}/customers`,
          { add: [outsider.customerId], remove: [member.customerId] },
          admin
        )
        expect(await groupMemberIds(groupId)).toEqual([outsider.customerId])

        const result = await refresh(vip.id)

        expect(result).toMatchObject({ added: 0, removed: 0, total: 1 })
        expect(result.warnings).toEqual([
          expect.stringContaining(
            `customer group ${groupId} was edited outside segment ${vip.id}: 1 removed customer(s) put back and 1 added customer(s) taken out`
          ),
        ])
        expect(await groupMemberIds(groupId)).toEqual([member.customerId])
      })

      it("should never add a customer who is already in the group twice", async () => {
        await refresh(vip.id)
        await refresh(vip.id)

        expect(await groupMemberIds(vip.customer_group_id)).toEqual([
          member.customerId,
        ])
      })
    })

    describe("renaming and deleting the segment", () => {
      it("should rename the group with the segment", async () => {
        await api.post(
          `/admin/customer-segments/${vip.id}`,
          { name: "VIP Gold" },
          admin
        )

        const group = await getContainer()
          .resolve(Modules.CUSTOMER)
          .retrieveCustomerGroup(vip.customer_group_id)
        expect(group.name).toBe("VIP Gold")
      })

      it("should leave promotions that named its group matching nobody", async () => {
        await api.delete(`/admin/customer-segments/${vip.id}`, admin)

        const [group] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomerGroups(
            { id: vip.customer_group_id },
            { withDeleted: true }
          )
        expect(group.deleted_at).not.toBeNull()
        expect(await groupMemberIds(vip.customer_group_id)).toEqual([])

        // Medusa keeps the rule as it was: it names a group nobody is in.
        const {
          data: { promotions },
        } = await api.get(
          "/admin/promotions?code=VIP10&fields=*rules,*rules.values",
          admin
        )
        expect(promotions[0].rules).toEqual([
          expect.objectContaining({
            attribute: "customer.groups.id",
            operator: "in",
            values: [expect.objectContaining({ value: vip.customer_group_id })],
          }),
        ])

        for (const shopper of [member, outsider, visitor]) {
          const cart = await cartWithItem(store, shopper)
          await shopper.sdk.store.cart.update(cart.id, {
            promo_codes: ["VIP15"],
          })
          expect(appliedCodes(await getCart(shopper, cart.id))).toEqual([])
        }
      })
    })

    describe("promotions on 'not in segment' (operator ne)", () => {
      const shoppers = () =>
        [
          ["member", member],
          ["outsider", outsider],
          ["visitor", visitor],
        ] as const

      it("should apply a coded one to non-members, including customers in no group and guests", async () => {
        await createPromotion("NOTVIP5", 5, {
          automatic: false,
          operator: "ne",
          groupId: vip.customer_group_id,
        })

        const codes: Record<string, string[]> = {}
        for (const [name, shopper] of shoppers()) {
          const cart = await cartWithItem(store, shopper)
          await shopper.sdk.store.cart.update(cart.id, {
            promo_codes: ["NOTVIP5"],
          })
          codes[name] = appliedCodes(await getCart(shopper, cart.id))
        }

        expect(codes).toEqual({
          member: ["VIP10"],
          outsider: ["NOTVIP5"],
          visitor: ["NOTVIP5"],
        })
      })

      // Medusa 2.21 still has this bug for automatic promotions: its
      // prefilter drops any automatic promotion with a rule on an attribute
      // the cart context lacks, and a customer in no group has no
      // `customer.groups.id`. This test fails once Medusa fixes it; until
      // then `segmentPromotionContext` (promotions-context.spec.ts) is the
      // workaround.
      it("should not apply an automatic one to customers in no group without the promotion-context handler", async () => {
        await createPromotion("NOTVIP5", 5, {
          automatic: true,
          operator: "ne",
          groupId: vip.customer_group_id,
        })
        const {
          data: { customer_group: other },
        } = await api.post(
          "/admin/customer-groups",
          { name: "Newsletter" },
          admin
        )
        const third = await registerCustomer(store, "third@shop.test")
        await api.post(
          `/admin/customer-groups/${other.id}/customers`,
          { add: [third.customerId] },
          admin
        )

        const codes: Record<string, string[]> = {}
        for (const [name, shopper] of [
          ...shoppers(),
          ["in another group", third],
        ]) {
          codes[name as string] = appliedCodes(
            await cartWithItem(store, shopper as Shopper)
          )
        }

        expect(codes).toEqual({
          member: ["VIP10"],
          outsider: [],
          visitor: [],
          "in another group": ["NOTVIP5"],
        })
      })
    })

    describe("draft orders created by an admin", () => {
      const draftOrderWithCode = async (shopper: Shopper, code: string) => {
        const {
          data: { draft_order: draft },
        } = await api.post(
          "/admin/draft-orders",
          {
            email: shopper.email,
            customer_id: shopper.customerId,
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            items: [{ variant_id: store.variantId, quantity: 1 }],
          },
          admin
        )
        await api.post(`/admin/draft-orders/${draft.id}/edit`, {}, admin)
        await api.post(
          `/admin/draft-orders/${draft.id}/edit/promotions`,
          { promo_codes: [code] },
          admin
        )
        await api.post(
          `/admin/draft-orders/${draft.id}/edit/confirm`,
          {},
          admin
        )
        const {
          data: { draft_order: confirmed },
        } = await api.get(
          `/admin/draft-orders/${draft.id}?fields=id,total,discount_total,*promotions`,
          admin
        )
        return confirmed
      }

      it("should give a member's draft order the segment promotion", async () => {
        const draft = await draftOrderWithCode(member, "VIP15")

        expect(appliedCodes(draft)).toContain("VIP15")
        expect(draft.discount_total).toBeGreaterThan(0)
        expect(draft.total).toBeLessThan(PRICE)
      })

      it("should not discount a non-member's draft order", async () => {
        const draft = await draftOrderWithCode(outsider, "VIP15")

        // Medusa links a code to a draft order even when its rules do not
        // match, but computes no adjustment from it.
        expect(draft.discount_total).toBe(0)
        expect(draft.total).toBe(PRICE)
      })
    })
  },
})
