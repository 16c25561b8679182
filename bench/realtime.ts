import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createOrderWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import { CUSTOMER_SEGMENT_MODULE } from "../src/modules/customer-segment/constants"
import type CustomerSegmentModuleService from "../src/modules/customer-segment/service"
import customerChangedSubscriber from "../src/subscribers/customer-changed"
import orderHistorySubscriber from "../src/subscribers/order-history"

/**
 * Real-time cost, run in a migrated, otherwise empty store:
 *
 *   DATABASE_URL=... npx medusa exec bench/realtime.ts [samples]
 *
 * `medusa exec` loads no subscribers, so the script calls the plugin's
 * subscribers itself, as the event bus would, and times them:
 *
 * - order.placed to membership: the order-history subscriber (sync the
 *   order, note the change, wait `realtime.debounceMs`, evaluate) with 50
 *   real-time segments, 40 of which read orders;
 * - a customer update: `updateCustomersWorkflow` alone (what the store pays
 *   without the plugin), and the plugin's customer.updated subscriber run
 *   after it, with 10 segments reading customer fields and with none.
 */

type Sample = number[]

const SEGMENTS = 50

export default async function realtimeBench({ container, args }: ExecArgs) {
  const samples = Number(args[0] ?? 30)
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const customerModule = container.resolve(Modules.CUSTOMER)
  const { debounceMs } = service.getOptions().realtime
  const store = await seed(container)
  const segments = await createSegments(service)
  const target = segments[0]

  const placedToMember: Sample = []
  for (let i = 0; i < samples; i++) {
    const customer = await customerModule.createCustomers({
      email: `bench-${Date.now()}-${i}@example.com`,
      first_name: "Bench",
      has_account: true,
    })
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: store.regionId,
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: store.variantId, quantity: 1, title: "Shoe" }],
      },
    })

    const started = performance.now()
    await orderHistorySubscriber({
      event: { name: "order.placed", data: { id: order.id } },
      container,
    } as never)
    placedToMember.push(performance.now() - started)

    const [member] = await service.listCustomerSegmentMemberships({
      segment_id: target.id,
      customer_id: customer.id,
    })
    if (!member) {
      throw new Error(`customer ${customer.id} did not join ${target.id}`)
    }
  }

  const customer = await customerModule.createCustomers({
    email: `bench-update-${Date.now()}@example.com`,
    first_name: "Before",
    has_account: true,
  })
  const update = async (withPlugin: boolean, i: number) => {
    const started = performance.now()
    await updateCustomersWorkflow(container).run({
      input: {
        selector: { id: customer.id },
        update: { first_name: `Name ${i}` },
      },
    })
    const workflowMs = performance.now() - started
    if (!withPlugin) {
      return { workflowMs, subscriberMs: 0 }
    }
    const subscriberStarted = performance.now()
    await customerChangedSubscriber({
      event: { name: "customer.updated", data: { id: customer.id } },
      container,
    } as never)
    return { workflowMs, subscriberMs: performance.now() - subscriberStarted }
  }

  const without: Sample = []
  const withReading: Sample = []
  const withNoneReading: Sample = []
  for (let i = 0; i < samples; i++) {
    without.push((await update(false, i)).workflowMs)
    withReading.push((await update(true, i)).subscriberMs - debounceMs)
  }
  await service.updateCustomerSegments(
    segments
      .filter((segment) => segment.reads === "customer")
      .map((segment) => ({ id: segment.id, refresh_mode: "manual" as const }))
  )
  for (let i = 0; i < samples; i++) {
    withNoneReading.push((await update(true, i)).subscriberMs)
  }

  const rows: [string, Sample][] = [
    [
      `order.placed -> member, ${SEGMENTS} real-time segments (incl. ${debounceMs} ms debounce)`,
      placedToMember,
    ],
    ["customer update, workflow only (no plugin)", without],
    [
      `customer.updated subscriber, 10 segments read names (excl. debounce)`,
      withReading,
    ],
    [
      "customer.updated subscriber, no segment reads customers",
      withNoneReading,
    ],
  ]
  process.stdout.write(
    `\n| measure (${samples} samples) | median ms | p95 ms |\n| --- | ---: | ---: |\n` +
      rows
        .map(
          ([label, sample]) =>
            `| ${label} | ${percentile(sample, 50).toFixed(1)} | ${percentile(sample, 95).toFixed(1)} |`
        )
        .join("\n") +
      "\n\n"
  )
}

async function seed(container: ExecArgs["container"]) {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "US", currency_code: "usd", countries: ["us"] }],
    },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Shoe",
          status: "published",
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
  return { regionId: region.id, variantId: product.variants[0].id }
}

/** 40 segments over order history, 10 over names; the first is the target. */
async function createSegments(service: CustomerSegmentModuleService) {
  const specs = Array.from({ length: SEGMENTS }, (_, i) => {
    if (i % 5 === 4) {
      return {
        reads: "customer",
        rule: {
          match: "all",
          conditions: [
            { type: "first_name", operator: "starts_with", value: `N${i}` },
          ],
        },
      }
    }
    const condition =
      i % 2 === 0
        ? { type: "order_count", operator: "gte", value: 1 + (i % 3) }
        : {
            type: "total_spent",
            operator: "gte",
            value: 10 * i,
            currency: "usd",
          }
    return { reads: "orders", rule: { match: "all", conditions: [condition] } }
  })
  const created = await service.createCustomerSegments(
    specs.map((spec, i) => ({
      name: `bench ${i}`,
      refresh_mode: "realtime" as const,
      rule: spec.rule,
    }))
  )
  return created.map((segment, i) => ({
    id: segment.id,
    reads: specs[i].reads,
  }))
}

function percentile(sample: Sample, p: number) {
  const sorted = [...sample].sort((a, b) => a - b)
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1
  )
  return sorted[Math.max(0, index)]
}
