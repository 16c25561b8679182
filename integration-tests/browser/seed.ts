import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"

/**
 * A small store for the browser test, seeded in seconds: 40 customers whose
 * order count is their number mod 8 (so "at least N orders" has a known
 * answer), a few orders in EUR, one category and product, one group.
 * Orders go straight into the plugin's order-history read model; the
 * browser test is about the admin, not about syncing orders.
 */
export const CUSTOMERS = 40
export const ordersOf = (n: number) => n % 8

export default async function seedBrowserStore({ container }: ExecArgs) {
  const storeModule = container.resolve(Modules.STORE)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const segments: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )

  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Segments Browser Test",
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur" },
        ],
      },
    },
  })

  const {
    result: [category],
  } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: [{ name: "Coffee", is_active: true }],
    },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Espresso Beans",
          category_ids: [category.id],
          options: [{ title: "Size", values: ["1 kg"] }],
          variants: [{ title: "1 kg", options: { Size: "1 kg" }, prices: [] }],
        },
      ],
    },
  })
  const [group] = await customerModule.createCustomerGroups([
    { name: "Wholesale" },
  ])

  const customers = await customerModule.createCustomers(
    Array.from({ length: CUSTOMERS }, (_, i) => {
      const n = i + 1
      return {
        email: `shopper${String(n).padStart(2, "0")}@example.com`,
        first_name: "Shopper",
        last_name: String(n).padStart(2, "0"),
        has_account: n % 5 !== 0,
      }
    })
  )
  await customerModule.addCustomerToGroup(
    customers
      .filter((_, i) => (i + 1) % 4 === 0)
      .map((c) => ({ customer_id: c.id, customer_group_id: group.id }))
  )

  const day = 24 * 3600 * 1000
  const now = Date.now()
  await segments.upsertOrderHistory(
    customers.flatMap((customer, i) =>
      Array.from({ length: ordersOf(i + 1) }, (_, k) => ({
        id: `order_browser_${i + 1}_${k}`,
        customer_id: customer.id,
        email: customer.email,
        placed_at: new Date(now - (k * 20 + i) * day).toISOString(),
        currency_code: (i + 1) % 3 === 0 ? "eur" : "usd",
        total: 50 + 10 * k,
        status: "completed",
        source: "medusa" as const,
        lines: [
          {
            product_id: product.id,
            variant_id: product.variants[0].id,
            product_title: product.title,
            category_ids: [category.id],
            quantity: 1,
            amount: 50 + 10 * k,
          },
        ],
      }))
    )
  )
}
