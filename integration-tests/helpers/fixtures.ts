import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import type CustomerSegmentModuleService from "../../src/modules/customer-segment/service"
import type { OrderHistoryInput } from "../../src/modules/customer-segment/types"

export type CustomerSpec = {
  key: string
  email: string
  first_name?: string
  last_name?: string
  has_account?: boolean
  created_at?: Date
  metadata?: Record<string, unknown>
  country_code?: string
  city?: string
  postal_code?: string
}

/** Creates customers and returns their ids by key. */
export async function createCustomers(
  container: MedusaContainer,
  specs: CustomerSpec[]
): Promise<Record<string, string>> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const ids: Record<string, string> = {}
  for (const spec of specs) {
    const customer = await customerModule.createCustomers({
      email: spec.email,
      first_name: spec.first_name ?? spec.key,
      last_name: spec.last_name ?? "Test",
      has_account: spec.has_account ?? true,
      metadata: spec.metadata,
      addresses: spec.country_code
        ? [
            {
              country_code: spec.country_code,
              city: spec.city ?? null,
              postal_code: spec.postal_code ?? null,
              address_1: "1 Main Street",
            },
          ]
        : [],
    })
    ids[spec.key] = customer.id
  }
  return ids
}

let orderSeq = 0

/** Order-history rows for a customer: `count` orders of `total` each. */
export function ordersFor(
  customerId: string,
  count: number,
  options: Partial<OrderHistoryInput> & { daysAgo?: number } = {}
): OrderHistoryInput[] {
  const { daysAgo = 10, ...rest } = options
  return Array.from({ length: count }, () => {
    orderSeq += 1
    return {
      id: `order_fixture_${orderSeq}`,
      customer_id: customerId,
      placed_at: new Date(Date.now() - daysAgo * 86_400_000),
      currency_code: "usd",
      total: 100,
      status: "completed",
      source: "import" as const,
      lines: [{ product_id: "prod_fixture", quantity: 1, amount: 100 }],
      ...rest,
    }
  })
}

export async function writeOrders(
  container: MedusaContainer,
  orders: OrderHistoryInput[]
) {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  await service.upsertOrderHistory(orders)
}
