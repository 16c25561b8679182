import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  cancelOrderWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  markPaymentCollectionAsPaid,
  refundPaymentWorkflow,
} from "@medusajs/core-flows"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"
import { syncOrderHistoryWorkflow } from "../../src/workflows"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let service: CustomerSegmentModuleService
    let store: {
      regionId: string
      variantId: string
      productId: string
      categoryId: string
      customerId: string
    }

    beforeAll(async () => {
      container = getContainer()
      service = container.resolve(CUSTOMER_SEGMENT_MODULE)
      store = await seedStore(container)
    })

    const placeOrder = async (quantity = 2) => {
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: store.regionId,
          customer_id: store.customerId,
          email: "shopper@example.com",
          currency_code: "usd",
          items: [
            { variant_id: store.variantId, quantity, title: "Trail shoe" },
          ],
        },
      })
      return result
    }

    describe("syncOrderHistoryWorkflow", () => {
      it("should copy an order with its lines, product categories included", async () => {
        const order = await placeOrder()

        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })

        const [row] = await service.snapshotOrderHistory([order.id])
        expect(row).toMatchObject({
          id: order.id,
          customer_id: store.customerId,
          currency_code: "usd",
          status: "pending",
          source: "medusa",
        })
        expect(Number(row.total)).toBe(80)
        expect(row.lines).toEqual([
          expect.objectContaining({
            product_id: store.productId,
            variant_id: store.variantId,
            category_ids: [store.categoryId],
            quantity: 2,
          }),
        ])
      })

      it("should never double count an order synced twice", async () => {
        const order = await placeOrder()

        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })
        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })
        await syncOrderHistoryWorkflow(container).run({ input: {} })
        // The same event delivered twice at once.
        await Promise.all([
          syncOrderHistoryWorkflow(container).run({
            input: { order_ids: [order.id] },
          }),
          syncOrderHistoryWorkflow(container).run({
            input: { order_ids: [order.id] },
          }),
        ])

        const rows = await service.listOrderHistory({
          customer_id: store.customerId,
        })
        expect(rows.map((r) => r.id)).toEqual([order.id])
        const [snapshot] = await service.snapshotOrderHistory([order.id])
        expect(snapshot.lines).toHaveLength(1)
      })

      it("should record a cancellation, so the order stops counting", async () => {
        const order = await placeOrder()
        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })

        await cancelOrderWorkflow(container).run({
          input: { order_id: order.id },
        })
        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })

        const [row] = await service.snapshotOrderHistory([order.id])
        expect(row.status).toBe("canceled")
        const preview = await service.previewRule({
          rule: {
            match: "all",
            conditions: [{ type: "order_count", operator: "gte", value: 1 }],
          },
        })
        expect(preview.count).toBe(0)
      })

      it("should reduce what was spent by what was refunded", async () => {
        const order = await placeOrder()
        const payment = await payInFull(container, order.id, 80)
        await syncOrderHistoryWorkflow(container).run({
          input: { order_ids: [order.id] },
        })

        // The payment.refunded subscriber re-syncs the order on its own.
        await refundPaymentWorkflow(container).run({
          input: { payment_id: payment.id, amount: 30 },
        })
        await waitFor(async () => {
          const [row] = await service.listOrderHistory({
            order_ids: [order.id],
          })
          return Number(row.refunded_total) === 30
        })

        const [row] = await service.listOrderHistory({ order_ids: [order.id] })
        expect(Number(row.net_total)).toBe(50)
        const spent = await service.previewRule({
          rule: {
            match: "all",
            conditions: [
              {
                type: "total_spent",
                operator: "eq",
                value: 50,
                currency: "usd",
              },
            ],
          },
        })
        expect(spent.customer_ids).toEqual([store.customerId])
      })

      it("should sync an order when Medusa emits order.placed", async () => {
        const order = await placeOrder()
        const eventBus = container.resolve(Modules.EVENT_BUS)

        await eventBus.emit({ name: "order.placed", data: { id: order.id } })
        await waitFor(
          async () =>
            (await service.listOrderHistory({ order_ids: [order.id] }))
              .length === 1
        )

        const rows = await service.listOrderHistory({ order_ids: [order.id] })
        expect(rows).toHaveLength(1)
      })
    })
  },
})

async function seedStore(container: MedusaContainer) {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "US", currency_code: "usd", countries: ["us"] }],
    },
  })
  const {
    result: [category],
  } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Outdoor", is_active: true }] },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Trail shoe",
          status: "published",
          category_ids: [category.id],
          options: [{ title: "Size", values: ["42"] }],
          variants: [
            {
              title: "42",
              options: { Size: "42" },
              manage_inventory: false,
              prices: [{ amount: 40, currency_code: "usd" }],
            },
          ],
        },
      ],
    },
  })
  const customer = await container
    .resolve(Modules.CUSTOMER)
    .createCustomers({ email: "shopper@example.com", has_account: true })
  return {
    regionId: region.id,
    categoryId: category.id,
    productId: product.id,
    variantId: product.variants[0].id,
    customerId: customer.id,
  }
}

async function payInFull(
  container: MedusaContainer,
  orderId: string,
  amount: number
) {
  const {
    result: [collection],
  } = await createOrderPaymentCollectionWorkflow(container).run({
    input: { order_id: orderId, amount },
  })
  await markPaymentCollectionAsPaid(container).run({
    input: { order_id: orderId, payment_collection_id: collection.id },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [paid],
  } = await query.graph({
    entity: "payment_collection",
    fields: ["payments.id"],
    filters: { id: collection.id },
  })
  return paid.payments[0]
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}
