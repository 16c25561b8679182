import axios, { type AxiosInstance } from "axios"
import { Client } from "pg"
import { generateJwtToken } from "@medusajs/framework/utils"
import type { AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/requests"
import {
  placeOrder,
  registerShopper,
  seedStorefront,
  sleep,
  waitFor,
  type Shopper,
  type Storefront,
} from "../helpers/storefront"
import { databaseUrl, REDIS_URL, redisReachable, TwoProcessStore } from "./app"

// Creating the database, migrating it and booting two stores from source
// takes about a minute on two cores.
jest.setTimeout(180000)

const HAS_ORDERED = {
  match: "all",
  conditions: [{ type: "order_count", operator: "gte", value: 1 }],
}

const reachable = redisReachable()
if (!reachable) {
  // Jest prints nothing for a skipped file on its own; say why it skipped.
  process.stderr.write(
    `[server-worker.spec] skipped: no Redis at ${REDIS_URL} (set SEGMENTS_REDIS_URL)\n`
  )
}
const describeWithRedis = reachable ? describe : describe.skip

type HistoryRow = {
  id: string
  trigger: string
  finished_at: Date | null
  added: number
  total: number
}

describeWithRedis("a server and a worker sharing Redis", () => {
  const store = new TwoProcessStore()
  let server: AxiosInstance
  let admin: AdminHeaders
  let storefront: Storefront
  let shopper: Shopper
  let serverOutput: () => string
  let workerOutput: () => string

  beforeAll(async () => {
    await store.prepare()
    const [serverProcess, workerProcess] = await Promise.all([
      store.start("server"),
      store.start("worker"),
    ])
    serverOutput = serverProcess.output
    workerOutput = workerProcess.output
    server = axios.create({ baseURL: `http://127.0.0.1:${serverProcess.port}` })

    // A bearer token signed as the store signs its own; the admin routes
    // used here read only the token's claims.
    const token = generateJwtToken(
      {
        actor_id: "user_redis_spec",
        actor_type: "user",
        auth_identity_id: "authid_redis_spec",
        app_metadata: { user_id: "user_redis_spec" },
        user_metadata: {},
      },
      { secret: "supersecret", expiresIn: "1h" }
    )
    admin = { headers: { authorization: `Bearer ${token}` } }
    storefront = await seedStorefront(server, admin)
    shopper = await registerShopper(server, storefront, {
      email: "sam@example.com",
      first_name: "Sam",
      last_name: "Shopper",
    })
  })

  afterAll(async () => {
    await store.stop()
  })

  const history = (segmentId: string) =>
    store.sql<HistoryRow>(
      "SELECT * FROM customer_segment_refresh WHERE segment_id = $1 ORDER BY started_at",
      [segmentId]
    )

  const createSegment = async (body: Record<string, unknown>) => {
    const {
      data: { customer_segment: segment },
    } = await server.post("/admin/customer-segments", body, admin)
    await waitFor(
      async () =>
        (await history(segment.id)).some(
          (row) => row.trigger === "created" && row.finished_at
        ),
      "the worker's refresh after creation",
      20000
    )
    return segment as { id: string }
  }

  /** Holds the segment's advisory lock, so a refresh that starts waits. */
  const blockRefreshes = async (segmentId: string) => {
    const client = new Client({ connectionString: databaseUrl(store.database) })
    await client.connect()
    await client.query("BEGIN")
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))",
      [segmentId]
    )
    return async () => {
      await client.query("COMMIT")
      await client.end()
    }
  }

  /** How many customer_segment.updated events the worker has taken up. */
  const savesReceived = () =>
    workerOutput().match(/Processing customer_segment\.updated /g)?.length ?? 0

  const touchRule = (segmentId: string, value: number) =>
    server.post(
      `/admin/customer-segments/${segmentId}`,
      {
        rule: {
          match: "all",
          conditions: [{ type: "order_count", operator: "gte", value }],
        },
      },
      admin
    )

  describe("an order placed through the server's store API", () => {
    it("should add the customer to a real-time segment from the worker", async () => {
      const segment = await createSegment({
        name: "Has ordered",
        refresh_mode: "realtime",
        rule: HAS_ORDERED,
      })

      await placeOrder(server, storefront, shopper)

      await waitFor(
        async () =>
          (
            await store.sql(
              "SELECT 1 FROM customer_segment_membership WHERE segment_id = $1 AND customer_id = $2 AND deleted_at IS NULL",
              [segment.id, shopper.customerId]
            )
          ).length === 1,
        "the shopper to join",
        20000
      )
      expect(await history(segment.id)).toEqual([
        expect.objectContaining({ trigger: "created", total: 0 }),
        expect.objectContaining({ trigger: "realtime", added: 1, total: 1 }),
      ])
      // Subscribers run only in the worker.
      expect(workerOutput()).toContain(
        `refreshed segment=${segment.id} trigger=realtime`
      )
      expect(serverOutput()).not.toContain(`refreshed segment=${segment.id}`)
    })
  })

  describe("a refresh requested of both processes at once", () => {
    it("should make the server answer 409 naming the worker's running refresh", async () => {
      const segment = await createSegment({ name: "VIP", rule: HAS_ORDERED })
      const release = await blockRefreshes(segment.id)

      try {
        // Saving the rule makes the worker refresh the segment.
        await touchRule(segment.id, 2)
        await waitFor(
          async () =>
            (await history(segment.id)).some(
              (row) => row.trigger === "updated" && !row.finished_at
            ),
          "the worker's refresh to start",
          20000
        )
        const running = (await history(segment.id)).find(
          (row) => row.trigger === "updated"
        )!

        const { message } = await expectHttpError(
          server.post(
            `/admin/customer-segments/${segment.id}/refresh`,
            {},
            admin
          ),
          409
        )

        expect(message).toContain(
          `is already being refreshed by a updated refresh started at`
        )
        expect(message).toContain(`(${running.id})`)
      } finally {
        await release()
      }

      await waitFor(
        async () => (await history(segment.id)).every((row) => row.finished_at),
        "the worker's refresh to finish",
        20000
      )
      expect((await history(segment.id)).map((row) => row.trigger)).toEqual([
        "created",
        "updated",
      ])
    })

    it("should make the worker's refresh after a save wait for the server's", async () => {
      const segment = await createSegment({ name: "VIP", rule: HAS_ORDERED })
      const release = await blockRefreshes(segment.id)

      let manual: Promise<{ status: number }>
      try {
        manual = server.post(
          `/admin/customer-segments/${segment.id}/refresh`,
          {},
          admin
        )
        await waitFor(
          async () =>
            (await history(segment.id)).some(
              (row) => row.trigger === "manual" && !row.finished_at
            ),
          "the server's refresh to start",
          20000
        )
        const received = savesReceived()
        await touchRule(segment.id, 2)
        await waitFor(
          async () => savesReceived() > received,
          "the worker to receive the save",
          20000
        )
        // Time for its subscriber to find the lock taken.
        await sleep(1000)
      } finally {
        await release()
      }

      expect((await manual!).status).toBe(200)
      // The save's refresh runs once the server's ends, never beside it.
      await waitFor(
        async () =>
          (await history(segment.id)).some(
            (row) => row.trigger === "updated" && row.finished_at
          ),
        "the worker's refresh after the save",
        20000
      )
      const rows = await history(segment.id)
      expect(rows.map((row) => row.trigger)).toEqual([
        "created",
        "manual",
        "updated",
      ])
      const manualRow = rows.find((row) => row.trigger === "manual")!
      const updatedRow = rows.find((row) => row.trigger === "updated")!
      expect(new Date(updatedRow.started_at).getTime()).toBeGreaterThanOrEqual(
        new Date(manualRow.finished_at!).getTime()
      )
    })
  })
})
