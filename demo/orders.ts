import { faker } from "@faker-js/faker"
import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

import type { CatalogProduct, CatalogVariant, SeededCatalog } from "./catalog"
import type { PlannedCustomer } from "./customers"
import {
  chance,
  DAY_MS,
  dateBetween,
  daysAgo,
  exponential,
  pareto,
  roundMoney,
  unit,
  WeightedPicker,
} from "./random"
import type { SeededStore } from "./store"

export type PlannedLine = {
  product: CatalogProduct
  variant: CatalogVariant
  quantity: number
}

export type PlannedOrder = {
  customer: PlannedCustomer
  placed_at: Date
  status: "pending" | "completed" | "canceled"
  canceled_at?: Date
  lines: PlannedLine[]
  shipping: { name: string; amount: number }
  total: number
  refund?: number
}

export type OrderPlanOptions = {
  now: Date
  count: number
  cancelRate: number
  refundRate: number
}

/** Share of sales per category; the rest of each order is spread evenly. */
const CATEGORY_POPULARITY: Record<string, number> = {
  Apparel: 0.3,
  Shoes: 0.2,
  Outdoor: 0.18,
  Home: 0.17,
  Electronics: 0.15,
}

/** Holiday peak and January slump, as weights on the month of an order. */
const SEASON = [0.8, 0.85, 0.95, 1, 1, 1, 0.95, 0.95, 1, 1.05, 1.5, 1.7]
const PEAK_SEASON = Math.max(...SEASON)

const FREE_SHIPPING_FROM = { usd: 75, eur: 70 }
const SHIPPING = {
  standard: { usd: 4.99, eur: 4.9 },
  express: { usd: 14.99, eur: 13.9 },
}

/** Orders newer than this are still waiting for fulfilment. */
const PENDING_DAYS = 10

const seasonalDate = (from: Date, to: Date): Date => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const date = dateBetween(from, to)
    if (unit() * PEAK_SEASON < SEASON[date.getUTCMonth()]) {
      return date
    }
  }
  return dateBetween(from, to)
}

class ProductPicker {
  private readonly all: WeightedPicker
  private readonly byCategory = new Map<
    string,
    { products: CatalogProduct[]; picker: WeightedPicker }
  >()
  private readonly premium: CatalogProduct[]

  constructor(
    private readonly products: CatalogProduct[],
    categoryIds: Record<string, string>
  ) {
    // A Zipf-like curve over a shuffled catalogue: a few hits, a long tail.
    const ranks = faker.helpers.shuffle(products.map((_, i) => i))
    const weights = products.map(
      (_, i) => 1 / Math.pow(ranks.indexOf(i) + 2, 0.9)
    )
    this.all = new WeightedPicker(weights)
    for (const [name, id] of Object.entries(categoryIds)) {
      const inCategory = products.filter((p) => p.categoryId === id)
      this.byCategory.set(name, {
        products: inCategory,
        picker: new WeightedPicker(
          inCategory.map((p) => weights[products.indexOf(p)])
        ),
      })
    }
    const byPrice = [...products].sort(
      (a, b) => b.variants[0].prices.usd - a.variants[0].prices.usd
    )
    this.premium = byPrice.slice(0, Math.ceil(products.length / 3))
  }

  pick(favorite: string | undefined, premium: boolean): CatalogProduct {
    if (premium) {
      return faker.helpers.arrayElement(this.premium)
    }
    const category = favorite ? this.byCategory.get(favorite) : undefined
    if (category && chance(0.55)) {
      return category.products[category.picker.pick()]
    }
    return this.products[this.all.pick()]
  }
}

type Profile = {
  customer: PlannedCustomer
  from: Date
  to: Date
  favorite: string
  orders: number
}

/**
 * Each registered buyer is active for a while and then may drift away, which
 * is what makes "dormant" customers; a third stay active until today.
 */
const activeWindow = (
  customer: PlannedCustomer,
  now: Date,
  historyStart: Date
): { from: Date; to: Date } => {
  const from = new Date(
    Math.max(customer.created_at.getTime(), historyStart.getTime()) +
      faker.number.int({ min: 5, max: 600 }) * 60_000
  )
  if (customer.kind === "heavy" || chance(0.35)) {
    return { from, to: now }
  }
  const lifetime = Math.max(30, exponential(420)) * DAY_MS
  const to = new Date(Math.min(now.getTime(), from.getTime() + lifetime))
  return { from: from < to ? from : daysAgo(to, 1), to }
}

const planLines = (
  profile: Profile,
  products: ProductPicker
): PlannedLine[] => {
  const kind = profile.customer.kind
  const count =
    kind === "heavy"
      ? faker.number.int({ min: 2, max: 4 })
      : kind === "wholesale"
        ? faker.number.int({ min: 2, max: 4 })
        : faker.helpers.weightedArrayElement([
            { weight: 55, value: 1 },
            { weight: 28, value: 2 },
            { weight: 12, value: 3 },
            { weight: 5, value: 4 },
          ])
  const lines = new Map<string, PlannedLine>()
  for (let i = 0; i < count; i++) {
    const product = products.pick(profile.favorite, kind === "heavy")
    const variant = faker.helpers.arrayElement(product.variants)
    const quantity =
      kind === "wholesale"
        ? faker.number.int({ min: 2, max: 8 })
        : kind === "heavy"
          ? faker.number.int({ min: 1, max: 2 })
          : faker.helpers.weightedArrayElement([
              { weight: 82, value: 1 },
              { weight: 14, value: 2 },
              { weight: 4, value: 3 },
            ])
    const existing = lines.get(variant.id)
    if (existing) {
      existing.quantity += quantity
    } else {
      lines.set(variant.id, { product, variant, quantity })
    }
  }
  return [...lines.values()]
}

/**
 * Spreads `count` orders over the customers: guests buy once or twice,
 * heavy spenders dozens of times, and registered buyers along a Pareto
 * curve, so a minority places most orders.
 */
export const planOrders = (
  customers: PlannedCustomer[],
  catalog: SeededCatalog,
  options: OrderPlanOptions
): PlannedOrder[] => {
  const { now } = options
  const historyStart = daysAgo(now, 3 * 365)
  const products = new ProductPicker(catalog.products, catalog.categoryIds)
  const categories = Object.keys(CATEGORY_POPULARITY)
  const categoryPicker = new WeightedPicker(
    categories.map((name) => CATEGORY_POPULARITY[name])
  )

  const profiles: Profile[] = []
  for (const customer of customers) {
    const favorite = categories[categoryPicker.pick()]
    if (customer.kind === "guest") {
      const from = dateBetween(historyStart, now)
      // A guest's customer record is created at their first checkout.
      customer.created_at = new Date(
        from.getTime() - faker.number.int({ min: 2, max: 40 }) * 60_000
      )
      profiles.push({
        customer,
        from,
        to: new Date(Math.min(now.getTime(), from.getTime() + 400 * DAY_MS)),
        favorite,
        orders: faker.helpers.weightedArrayElement([
          { weight: 78, value: 1 },
          { weight: 16, value: 2 },
          { weight: 6, value: 3 },
        ]),
      })
      continue
    }
    if (!customer.buys) {
      continue
    }
    const window = activeWindow(customer, now, historyStart)
    profiles.push({
      customer,
      ...window,
      favorite,
      orders:
        customer.kind === "heavy" ? faker.number.int({ min: 45, max: 80 }) : 1,
    })
  }

  // Longer active windows leave room for more orders.
  const buyers = profiles.filter(
    (p) => p.customer.kind !== "guest" && p.customer.kind !== "heavy"
  )
  const picker = new WeightedPicker(
    buyers.map((p) => {
      const years = (p.to.getTime() - p.from.getTime()) / (365 * DAY_MS)
      const appetite = p.customer.kind === "wholesale" ? 1.5 : 1
      return pareto(1.6, 12) * appetite * Math.sqrt(Math.max(years, 0.05))
    })
  )
  const assigned = profiles.reduce((sum, p) => sum + p.orders, 0)
  for (let i = assigned; i < options.count; i++) {
    buyers[picker.pick()].orders++
  }

  const orders: PlannedOrder[] = []
  for (const profile of profiles) {
    const { customer } = profile
    const currency = customer.country.currency
    for (let n = 0; n < profile.orders; n++) {
      // A guest's first order is the one that created them.
      const placed_at =
        customer.kind === "guest" && n === 0
          ? profile.from
          : seasonalDate(profile.from, profile.to)
      const lines = planLines(profile, products)
      const subtotal = lines.reduce(
        (sum, line) => sum + line.variant.prices[currency] * line.quantity,
        0
      )
      const express = chance(0.1)
      const shipping = express
        ? { name: "Express Shipping", amount: SHIPPING.express[currency] }
        : subtotal >= FREE_SHIPPING_FROM[currency]
          ? { name: "Free Shipping", amount: 0 }
          : { name: "Standard Shipping", amount: SHIPPING.standard[currency] }
      const total = roundMoney(subtotal + shipping.amount)
      const ageDays = (now.getTime() - placed_at.getTime()) / DAY_MS

      const order: PlannedOrder = {
        customer,
        placed_at,
        status: ageDays < PENDING_DAYS ? "pending" : "completed",
        lines,
        shipping,
        total,
      }
      if (chance(options.cancelRate)) {
        order.status = "canceled"
        order.canceled_at = new Date(
          Math.min(
            now.getTime(),
            placed_at.getTime() +
              faker.number.int({ min: 1, max: 48 }) * 3600_000
          )
        )
      } else if (order.status === "completed" && chance(options.refundRate)) {
        // Half are whole-order refunds, half one returned line.
        const line = faker.helpers.arrayElement(lines)
        order.refund = chance(0.5)
          ? total
          : roundMoney(line.variant.prices[currency] * line.quantity)
      }
      orders.push(order)
    }
  }
  return orders.sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime())
}

/**
 * `created_at`, `updated_at` and `canceled_at` are not in CreateOrderDTO, but
 * the order module spreads the input into the ORM entity, which keeps given
 * timestamps (see `createOrders_` in @medusajs/order's service).
 */
type CreditLine = { amount: number; reference: string }

type BackdatedOrder = CreateOrderDTO & {
  created_at: Date
  updated_at: Date
  canceled_at?: Date
}

const toOrderInput = (
  order: PlannedOrder,
  customerId: string,
  store: SeededStore
): BackdatedOrder => {
  const { customer } = order
  const currency = customer.country.currency
  const transactions: NonNullable<CreateOrderDTO["transactions"]> = []
  // Pending orders are only authorized; completed ones were captured.
  if (order.status === "completed") {
    transactions.push({
      amount: order.total,
      currency_code: currency,
      reference: "capture",
    })
  }
  // A refund in Medusa 2.21 (core-flows refund-payment) leaves two marks:
  // a negative transaction with reference "refund", which summary's
  // refunded_total sums, and a credit line, which takes it off the total.
  const credit_lines: CreditLine[] = []
  if (order.refund) {
    transactions.push({
      amount: -order.refund,
      currency_code: currency,
      reference: "refund",
    })
    credit_lines.push({ amount: order.refund, reference: "refund" })
  }
  const { address_name, is_default_billing, is_default_shipping, ...address } =
    customer.address

  return {
    region_id: store.regionIds[currency],
    sales_channel_id: store.salesChannelId,
    customer_id: customerId,
    email: customer.email,
    currency_code: currency,
    status: order.status,
    created_at: order.placed_at,
    updated_at: order.canceled_at ?? order.placed_at,
    canceled_at: order.canceled_at,
    shipping_address: address,
    billing_address: address,
    items: order.lines.map((line) => ({
      title: line.product.title,
      subtitle: line.variant.title,
      quantity: line.quantity,
      unit_price: line.variant.prices[currency],
      product_id: line.product.id,
      product_title: line.product.title,
      product_handle: line.product.handle,
      variant_id: line.variant.id,
      variant_sku: line.variant.sku,
      variant_title: line.variant.title,
    })),
    shipping_methods: [order.shipping],
    transactions,
    // createOrders fills in order_id, which the DTO wrongly requires here.
    credit_lines: credit_lines as CreateOrderDTO["credit_lines"],
  }
}

/**
 * The order module's protected bulk writer. The public createOrders calls it
 * and then re-reads every order it wrote with eleven relations, which is
 * about 60% of its time: 10,000 orders took 105 s that way here and 43 s
 * through this (see createOrders in
 * @medusajs/order/dist/services/order-module-service.js). What is skipped is
 * that re-read and the module's "order.created" events, which nothing in the
 * demo store listens to.
 */
type BulkOrderWriter = {
  createOrders_?: (data: CreateOrderDTO[]) => Promise<unknown>
}

/**
 * createOrderWorkflow does a cart's worth of work per order, so orders go in
 * through the module in batches, each in one transaction. A few batches run
 * at once: while one waits on Postgres the next is built.
 */
export const seedOrders = async (
  container: MedusaContainer,
  orders: PlannedOrder[],
  customerIds: Map<string, string>,
  store: SeededStore,
  { batchSize = 250, concurrency = 3 } = {}
): Promise<void> => {
  const orderModule = container.resolve(Modules.ORDER)
  const writer = orderModule as unknown as BulkOrderWriter
  // Falls back to the public method should a later Medusa rename the twin.
  const write = writer.createOrders_
    ? (batch: CreateOrderDTO[]) =>
        writer.createOrders_!.call(orderModule, batch)
    : (batch: CreateOrderDTO[]) => orderModule.createOrders(batch)

  const batches: BackdatedOrder[][] = []
  for (let start = 0; start < orders.length; start += batchSize) {
    batches.push(
      orders
        .slice(start, start + batchSize)
        .map((order) =>
          toOrderInput(order, customerIds.get(order.customer.email)!, store)
        )
    )
  }

  let next = 0
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      await write(batches[next++])
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}
