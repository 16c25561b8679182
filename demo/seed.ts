import { faker } from "@faker-js/faker"
import type { ExecArgs, Logger } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"

import { seedCatalog } from "./catalog"
import { seedLocales } from "./countries"
import { countKinds, planCustomers, seedCustomers } from "./customers"
import { planOrders, seedOrders } from "./orders"
import { type SegmentSeedResult, seedSegments } from "./segments"
import { seedStore } from "./store"

/**
 * Same seed, same day: same store. Dates count back from today's midnight
 * (UTC) rather than from this minute, because how many random draws some
 * steps take depends on the dates (an order ten days old is still pending
 * and is never refunded), and one draw more or less reshuffles the rest.
 */
const SEED = 42
const CUSTOMERS = 2400
const GUEST_SHARE = 0.15
const HEAVY_SPENDERS = 6
const ORDERS = 10_000
const CANCEL_RATE = 0.03
const REFUND_RATE = 0.03

const LOG_PREFIX = "[demo seed]"

const timed = async <T>(
  logger: Logger,
  label: string,
  timings: Record<string, number>,
  run: () => Promise<T>
): Promise<T> => {
  const start = Date.now()
  const result = await run()
  timings[label] = Date.now() - start
  logger.info(`${LOG_PREFIX} ${label}: ${timings[label]} ms`)
  return result
}

const assertEmptyStore = async (container: ExecArgs["container"]) => {
  const products = container.resolve(Modules.PRODUCT)
  const [, count] = await products.listAndCountProducts({}, { take: 1 })
  if (count > 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The demo seed needs an empty database; this one holds ${count} ` +
        "products. Run `npm run demo`, which recreates medusa_segments_demo."
    )
  }
}

const printTable = (logger: Logger, result: SegmentSeedResult): void => {
  const width = Math.max(7, ...result.counts.map((row) => row.name.length))
  logger.info(`${LOG_PREFIX} ${"Segment".padEnd(width)}  Members  Refresh`)
  for (const row of result.counts) {
    logger.info(
      `${LOG_PREFIX} ${row.name.padEnd(width)}  ${String(row.total).padStart(
        7
      )}  ${String(row.ms).padStart(5)} ms`
    )
  }
}

export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const timings: Record<string, number> = {}
  const started = Date.now()
  const now = new Date(new Date().setUTCHours(0, 0, 0, 0))

  await assertEmptyStore(container)
  faker.seed(SEED)
  faker.setDefaultRefDate(now)
  seedLocales(SEED)

  const store = await timed(logger, "store and regions", timings, () =>
    seedStore(container)
  )
  const catalog = await timed(logger, "catalog", timings, () =>
    seedCatalog(container, store.salesChannelId)
  )

  const customers = planCustomers({
    now,
    count: CUSTOMERS,
    guestShare: GUEST_SHARE,
    heavySpenders: HEAVY_SPENDERS,
  })
  const orders = planOrders(customers, catalog, {
    now,
    count: ORDERS,
    cancelRate: CANCEL_RATE,
    refundRate: REFUND_RATE,
  })
  const customerIds = await timed(logger, "customers", timings, () =>
    seedCustomers(container, customers)
  )
  await timed(logger, "orders", timings, () =>
    seedOrders(container, orders, customerIds, store)
  )

  const kinds = countKinds(customers)
  const canceled = orders.filter((o) => o.status === "canceled").length
  const refunded = orders.filter((o) => o.refund !== undefined).length
  const inEur = orders.filter((o) => o.customer.country.currency === "eur")
  logger.info(
    `${LOG_PREFIX} ${customers.length} customers (${kinds.guest} guests, ` +
      `${kinds.wholesale} wholesale, ${kinds.press} press, ${kinds.heavy} ` +
      `heavy spenders), ${catalog.products.length} products, ` +
      `${orders.length} orders (${inEur.length} in EUR, ` +
      `${canceled} canceled, ${refunded} refunded)`
  )

  const segments = await timed(logger, "segments", timings, () =>
    seedSegments(container, catalog)
  )
  logger.info(
    `${LOG_PREFIX} order history synced: ${segments.synced} orders in ` +
      `${segments.syncMs} ms`
  )
  printTable(logger, segments)

  logger.info(`${LOG_PREFIX} publishable key: ${store.publishableKey}`)
  logger.info(`${LOG_PREFIX} done in ${Date.now() - started} ms`)
}
