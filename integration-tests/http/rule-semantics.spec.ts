import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type {
  CatalogueEntry,
  CatalogueOperator,
} from "../../src/modules/customer-segment/rules/catalogue"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"
import { createCustomers, ordersFor, writeOrders } from "../helpers/fixtures"

jest.setTimeout(240000)

// Every condition type evaluated against Medusa's real customer tables and
// the plugin's read model, checked customer by customer.
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let service: CustomerSegmentModuleService
    let ids: Record<string, string>
    let keyOf: Map<string, string>
    let wholesaleId: string

    beforeAll(async () => {
      container = getContainer()
      service = container.resolve(CUSTOMER_SEGMENT_MODULE)
      ids = await createCustomers(container, [
        {
          key: "ann",
          email: "ann@acme.com",
          metadata: {
            gender: "f",
            vip_level: 3,
            newsletter: true,
            date_of_birth: "1990-05-17",
          },
          country_code: "us",
          city: "New York",
          postal_code: "10001",
        },
        {
          key: "ben",
          email: "BEN@Example.org",
          metadata: { vip_level: "12", date_of_birth: "not a date" },
          country_code: "de",
          city: "Berlin",
        },
        { key: "cat", email: "cat@acme.com", has_account: false },
        { key: "dan", email: "dan@example.net" },
      ])
      keyOf = new Map(Object.entries(ids).map(([key, id]) => [id, key]))

      const customerModule = container.resolve(Modules.CUSTOMER)
      const group = await customerModule.createCustomerGroups({
        name: "Wholesale",
      })
      wholesaleId = group.id
      await customerModule.addCustomerToGroup({
        customer_id: ids.ann,
        customer_group_id: group.id,
      })

      const line = (
        product_id: string,
        extra: Record<string, unknown> = {}
      ) => [{ product_id, quantity: 1, amount: 1, ...extra }]
      await writeOrders(container, [
        ...ordersFor(ids.ann, 1, {
          total: 100,
          daysAgo: 5,
          lines: line("p1", { category_ids: ["c1"] }),
        }),
        ...ordersFor(ids.ann, 1, {
          total: 200,
          daysAgo: 40,
          lines: line("p1", { category_ids: ["c1"] }),
        }),
        ...ordersFor(ids.ann, 1, {
          total: 300,
          daysAgo: 400,
          lines: line("p3"),
        }),
        ...ordersFor(ids.ben, 1, {
          total: 1000,
          currency_code: "eur",
          daysAgo: 10,
          lines: line("p2", { category_ids: ["c2"], tag_ids: ["t1"] }),
        }),
        ...ordersFor(ids.ben, 1, {
          total: 50,
          status: "canceled",
          lines: line("p1"),
        }),
        ...ordersFor(ids.cat, 1, {
          total: 70,
          daysAgo: 100,
          lines: line("p1"),
        }),
      ])
    })

    const members = async (
      conditions: Record<string, unknown>[],
      group: Record<string, unknown> = { match: "all" },
      audience?: "registered" | "guests" | "all"
    ) => {
      const preview = await service.previewRule({
        rule: { ...group, conditions },
        audience,
        limit: 100,
      })
      return preview.customer_ids.map((id) => keyOf.get(id)).sort()
    }

    const cases: [string, Record<string, unknown>, string[]][] = [
      [
        "email ends with, case-insensitive",
        { type: "email", operator: "ends_with", value: "ACME.COM" },
        ["ann", "cat"],
      ],
      [
        "email equals, case-insensitive",
        { type: "email", operator: "eq", value: "ben@example.org" },
        ["ben"],
      ],
      [
        "email does not contain",
        { type: "email", operator: "not_contains", value: "acme" },
        ["ben", "dan"],
      ],
      [
        "email with LIKE wildcards taken literally",
        { type: "email", operator: "contains", value: "%" },
        [],
      ],
      [
        "guests",
        { type: "has_account", operator: "is", value: false },
        ["cat"],
      ],
      [
        "metadata text",
        { type: "metadata", key: "gender", operator: "eq", value: "F" },
        ["ann"],
      ],
      [
        "metadata number, stored as a number or as text",
        {
          type: "metadata",
          key: "vip_level",
          value_type: "number",
          operator: "gte",
          value: 3,
        },
        ["ann", "ben"],
      ],
      [
        "metadata boolean",
        {
          type: "metadata",
          key: "newsletter",
          value_type: "boolean",
          operator: "is",
          value: true,
        },
        ["ann"],
      ],
      [
        "metadata date, ignoring malformed values",
        {
          type: "metadata",
          key: "date_of_birth",
          value_type: "date",
          operator: "before",
          value: "2000-01-01",
        },
        ["ann"],
      ],
      [
        "metadata key not set",
        { type: "metadata", key: "gender", operator: "is_not_set" },
        ["ben", "cat", "dan"],
      ],
      [
        "address country, any case",
        { type: "address_country", operator: "in", value: ["US"] },
        ["ann"],
      ],
      [
        "address country none of, including no address",
        { type: "address_country", operator: "not_in", value: ["us"] },
        ["ben", "cat", "dan"],
      ],
      [
        "address city",
        { type: "address_city", operator: "eq", value: "berlin" },
        ["ben"],
      ],
      [
        "address city is not",
        { type: "address_city", operator: "neq", value: "berlin" },
        ["ann", "cat", "dan"],
      ],
      [
        "postal code prefix",
        { type: "address_postal_code", operator: "starts_with", value: "100" },
        ["ann"],
      ],
      [
        "order count, canceled orders never count",
        { type: "order_count", operator: "eq", value: 0 },
        ["dan"],
      ],
      [
        "order count in one currency",
        { type: "order_count", operator: "gte", value: 1, currency: "eur" },
        ["ben"],
      ],
      [
        "order count in the last 30 days",
        {
          type: "order_count",
          operator: "gte",
          value: 1,
          window: { last: { amount: 30, unit: "days" } },
        },
        ["ann", "ben"],
      ],
      [
        "total spent",
        { type: "total_spent", operator: "gte", value: 600, currency: "usd" },
        ["ann"],
      ],
      [
        "total spent in a window",
        {
          type: "total_spent",
          operator: "eq",
          value: 300,
          currency: "usd",
          window: { last: { amount: 60, unit: "days" } },
        },
        ["ann"],
      ],
      [
        "total spent never mixes currencies",
        { type: "total_spent", operator: "gt", value: 500, currency: "usd" },
        ["ann"],
      ],
      [
        "total spent below, including customers without orders",
        { type: "total_spent", operator: "lt", value: 100, currency: "usd" },
        ["ben", "cat", "dan"],
      ],
      [
        "average order value",
        {
          type: "average_order_value",
          operator: "eq",
          value: 200,
          currency: "usd",
        },
        ["ann"],
      ],
      [
        "average order value needs an order",
        {
          type: "average_order_value",
          operator: "lt",
          value: 100,
          currency: "usd",
        },
        ["cat"],
      ],
      [
        "first order date",
        {
          type: "first_order_date",
          operator: "not_within_last",
          value: { amount: 300, unit: "days" },
        },
        ["ann"],
      ],
      [
        "last order date",
        {
          type: "last_order_date",
          operator: "within_last",
          value: { amount: 7, unit: "days" },
        },
        ["ann"],
      ],
      [
        "days since last order",
        { type: "days_since_last_order", operator: "gte", value: 50 },
        ["cat"],
      ],
      [
        "bought a product",
        { type: "purchased_product", operator: "bought", value: ["p1"] },
        ["ann", "cat"],
      ],
      [
        "bought a product at least twice",
        {
          type: "purchased_product",
          operator: "bought",
          value: ["p1"],
          min_times: 2,
        },
        ["ann"],
      ],
      [
        "bought a product recently",
        {
          type: "purchased_product",
          operator: "bought",
          value: ["p1"],
          window: { last: { amount: 30, unit: "days" } },
        },
        ["ann"],
      ],
      [
        "never bought, including customers without orders",
        { type: "purchased_product", operator: "not_bought", value: ["p1"] },
        ["ben", "dan"],
      ],
      [
        "bought from a category",
        { type: "purchased_category", operator: "bought", value: ["c2"] },
        ["ben"],
      ],
      [
        "bought a tag",
        { type: "purchased_tag", operator: "bought", value: ["t1"] },
        ["ben"],
      ],
    ]

    describe("each condition type", () => {
      it.each(cases)("should match %s", async (_, condition, expected) => {
        expect(await members([condition])).toEqual(expected)
      })

      it("should match customer groups, in and not in", async () => {
        const inGroup = {
          type: "customer_group",
          operator: "in",
          value: [wholesaleId],
        }
        const notInGroup = { ...inGroup, operator: "not_in" }
        expect(await members([inGroup])).toEqual(["ann"])
        expect(await members([notInGroup])).toEqual(["ben", "cat", "dan"])
      })
    })

    describe("groups", () => {
      it("should negate a group, including customers where a value is missing", async () => {
        expect(
          await members(
            [{ type: "email", operator: "ends_with", value: "acme.com" }],
            {
              match: "all",
              negate: true,
            }
          )
        ).toEqual(["ben", "dan"])
      })

      it("should combine with any", async () => {
        expect(
          await members(
            [
              { type: "order_count", operator: "gte", value: 3 },
              { type: "has_account", operator: "is", value: false },
            ],
            { match: "any" }
          )
        ).toEqual(["ann", "cat"])
      })

      it("should restrict to the audience", async () => {
        const anyOrder = [{ type: "email", operator: "is_set" }]
        expect(await members(anyOrder, { match: "all" }, "registered")).toEqual(
          ["ann", "ben", "dan"]
        )
        expect(await members(anyOrder, { match: "all" }, "guests")).toEqual([
          "cat",
        ])
      })
    })

    describe("the adapter over Medusa's tables", () => {
      it("should run every operator of every catalogued condition against the real schema", async () => {
        const catalogue = service.getConditionCatalogue()
        // List values must be real where the rule checks them: a country
        // code, and a segment that exists.
        const [segment] = await service.createCustomerSegments([
          {
            name: "Sample",
            rule: {
              match: "all",
              conditions: [
                { type: "has_account", operator: "is", value: true },
              ],
            },
          },
        ])
        const listFor = (picker: string | null) =>
          picker === "country"
            ? ["us"]
            : picker === "segment"
              ? [segment.id]
              : ["sample"]
        const conditions = catalogue.flatMap((entry) =>
          samplesOf(entry, listFor(entry.picker))
        )

        for (const condition of conditions) {
          await expect(
            service.previewRule({
              rule: { match: "all", conditions: [condition] },
            })
          ).resolves.toMatchObject({ count: expect.any(Number) })
        }
        expect(conditions.length).toBeGreaterThan(150)
      })
    })
  },
})

function samplesOf(
  entry: CatalogueEntry,
  list: string[]
): Record<string, unknown>[] {
  const kinds = entry.value_types ?? { [entry.value_type]: entry.operators }
  return Object.entries(kinds).flatMap(([kind, operators]) =>
    operators.map((operator) => ({
      type: entry.type,
      operator: operator.id,
      ...sampleValue(kind, operator, list),
      ...(entry.value_types && { key: "sample", value_type: kind }),
      ...(entry.currency === "required" && { currency: "usd" }),
    }))
  )
}

function sampleValue(
  kind: string,
  operator: CatalogueOperator,
  list: string[]
) {
  const single: Record<string, unknown> = {
    text: "sample",
    number: 1,
    money: 1,
    date: "2024-01-01",
    boolean: true,
  }
  const pair: Record<string, unknown> = {
    number: [0, 10],
    money: [0, 10],
    date: ["2024-01-01", "2024-12-31"],
  }
  switch (operator.value) {
    case "none":
      return {}
    case "single":
      return { value: single[kind] }
    case "pair":
      return { value: pair[kind] }
    case "list":
      return { value: list }
    case "span":
      return { value: { amount: 30, unit: "days" } }
  }
}
