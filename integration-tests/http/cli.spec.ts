import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { parse } from "csv-parse/sync"
import fs from "fs"
import os from "os"
import path from "path"
import { BIN_BUILD, BIN_SOURCE, ROOT, runCli } from "../cli/run-cli"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { ordersFor, writeOrders } from "../helpers/fixtures"
import { expectHttpError } from "../helpers/requests"

jest.setTimeout(240000)

// Refreshes are asked for and counted exactly here. Read by
// medusa-config.ts, in this process and in the CLI's, which inherits it.
process.env.SEGMENTS_REFRESH_ON_SAVE = "false"
afterAll(() => {
  delete process.env.SEGMENTS_REFRESH_ON_SAVE
})

type Person = {
  key: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
}

// Every text field a customer sets, made hostile: formula starts (= + - @
// tab CR), quotes, commas, line breaks and non-ASCII.
const PEOPLE: Person[] = [
  {
    key: "formula",
    email: "=1+1@hostile.test",
    first_name: '=HYPERLINK("http://evil.example","click")',
    last_name: 'O"Brien, Jr.',
    phone: "+49 30 123456",
    company_name: "+Plus, Co",
    has_account: true,
  },
  {
    key: "minus",
    email: "minus@hostile.test",
    first_name: "-2+3",
    last_name: "Multi\nline\r\nname",
    phone: "\t0123",
    company_name: "@SUM(A1:A9)",
    has_account: true,
  },
  {
    key: "unicode",
    email: "zoe@hostile.test",
    first_name: "\rCR",
    last_name: "Zoë Łódź 東京 🎉",
    phone: null,
    company_name: 'Comma, "Quoted" Inc.',
    has_account: false,
  },
  {
    key: "plain",
    email: "ann@plain.test",
    first_name: "Ann",
    last_name: null,
    phone: null,
    company_name: null,
    has_account: true,
  },
]

const at = (iso: string) => new Date(iso)

const EVERYONE = {
  match: "all",
  conditions: [{ type: "email", operator: "is_set" }],
}

/** What a spreadsheet shows: customer text with formula starts quoted. */
const cell = (value: string | null) =>
  value === null ? "" : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
const spreadsheetDate = (date: Date | null) =>
  date ? date.toISOString().slice(0, 19).replace("T", " ") : ""

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders
    let ids: Record<string, string>
    let segmentId: string
    let tmp: string

    const cli = (args: string[], env?: Record<string, string>) =>
      runCli(args, { databaseUrl: dbConfig.clientUrl, env })
    const knex = () =>
      getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    beforeAll(async () => {
      const container = getContainer()
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-segments-cli-"))
      admin = await createAdminHeaders(container)
      ids = await createPeople(container)
      await writeOrders(container, [
        ...ordersFor(ids.formula, 1, {
          total: 10.5,
          placed_at: at("2025-01-02T03:04:05Z"),
        }),
        ...ordersFor(ids.formula, 1, {
          total: 20,
          placed_at: at("2025-06-30T23:59:59Z"),
        }),
        ...ordersFor(ids.formula, 1, {
          total: 5,
          currency_code: "eur",
          placed_at: at("2024-12-24T12:00:00Z"),
        }),
        // Canceled: neither counted nor summed, nor its date the last.
        ...ordersFor(ids.unicode, 1, {
          total: 7.25,
          currency_code: "eur",
          status: "canceled",
          placed_at: at("2025-08-01T00:00:00Z"),
        }),
        ...ordersFor(ids.unicode, 1, {
          total: 1,
          placed_at: at("2025-03-01T10:00:00Z"),
        }),
      ])
      segmentId = (
        await api.post(
          "/admin/customer-segments",
          { name: "Everyone", rule: EVERYONE },
          admin
        )
      ).data.customer_segment.id
    })

    afterAll(() => {
      fs.rmSync(tmp, { recursive: true, force: true })
    })

    /** The CSV rows the export must write, from the fixtures and the DB. */
    async function expectedRows(): Promise<string[][]> {
      const since = await memberSince(knex(), segmentId)
      const stats: Record<string, [number, number, number, Date | null]> = {
        formula: [3, 5, 30.5, at("2025-06-30T23:59:59Z")],
        minus: [0, 0, 0, null],
        unicode: [1, 0, 1, at("2025-03-01T10:00:00Z")],
        plain: [0, 0, 0, null],
      }
      return PEOPLE.map((p) => {
        const [orders, eur, usd, last] = stats[p.key]
        return [
          ids[p.key],
          cell(p.email),
          cell(p.first_name),
          cell(p.last_name),
          cell(p.phone),
          cell(p.company_name),
          String(p.has_account),
          spreadsheetDate(since[ids[p.key]]),
          String(orders),
          String(eur),
          String(usd),
          spreadsheetDate(last),
        ]
      }).sort((a, b) => (a[0] < b[0] ? -1 : 1))
    }

    const HEADER = [
      "customer_id",
      "email",
      "first_name",
      "last_name",
      "phone",
      "company_name",
      "has_account",
      "member_since",
      "orders",
      "total_spent_eur",
      "total_spent_usd",
      "last_order_date",
    ]

    describe("medusa-segments refresh", () => {
      it("should refresh one segment and report what changed", async () => {
        const run = await cli(["refresh", segmentId])

        expect(run.stderr).toBe("")
        expect(run.code).toBe(0)
        expect(run.stdout).toMatch(
          new RegExp(
            `^${segmentId} "Everyone" added 4, removed 0, total 4 \\([\\d.]+ s\\)\\n$`
          )
        )
        const { data } = await api.get(
          `/admin/customer-segments/${segmentId}`,
          admin
        )
        expect(data.customer_segment.member_count).toBe(4)
        const [history] = (
          await knex().raw(
            "SELECT trigger FROM customer_segment_refresh WHERE segment_id = ?",
            [segmentId]
          )
        ).rows
        expect(history.trigger).toBe("cli")
      })

      it("should refresh every active segment, go on past a failure and exit 1", async () => {
        const create = async (body: Record<string, unknown>) =>
          (await api.post("/admin/customer-segments", body, admin)).data
            .customer_segment.id as string
        const buyers = await create({
          name: "Buyers",
          rule: {
            match: "all",
            conditions: [{ type: "order_count", operator: "gte", value: 1 }],
          },
        })
        const inactive = await create({
          name: "Inactive",
          rule: EVERYONE,
          is_active: false,
        })
        const broken = await create({ name: "Broken", rule: EVERYONE })
        // A rule saved before a condition type was removed: the API would
        // refuse it today, so it is written past the API.
        await knex().raw(
          `UPDATE customer_segment SET rule = '{"match":"all","conditions":[{"type":"gone","operator":"eq","value":1}]}' WHERE id = ?`,
          [broken]
        )

        const run = await cli(["refresh", "--all", "--json"])

        expect(run.code).toBe(1)
        const { refreshed } = JSON.parse(run.stdout)
        expect(refreshed.map((r: { name: string }) => r.name)).toEqual([
          "Broken",
          "Buyers",
          "Everyone",
        ])
        expect(refreshed).toEqual([
          {
            id: broken,
            name: "Broken",
            status: "failed",
            error: expect.stringContaining(
              'rule.conditions[0].type: unknown condition type "gone"'
            ),
            seconds: expect.any(Number),
          },
          {
            id: buyers,
            name: "Buyers",
            status: "refreshed",
            added: 2,
            removed: 0,
            total: 2,
            seconds: expect.any(Number),
          },
          expect.objectContaining({ id: segmentId, added: 4, total: 4 }),
        ])
        const { data } = await api.get(
          `/admin/customer-segments/${inactive}`,
          admin
        )
        expect(data.customer_segment.last_refreshed_at).toBeNull()
      })

      it("should refresh and export to a file with --export", async () => {
        const out = path.join(tmp, "everyone.csv")

        const run = await cli([
          "refresh",
          segmentId,
          "--export",
          "--out",
          out,
          "--bom",
        ])

        expect(run.code).toBe(0)
        expect(run.stdout).toMatch(/added 4, removed 0, total 4/)
        expect(run.stdout).toMatch(
          `exported 4 members of ${segmentId} to ${out}`
        )
        const text = fs.readFileSync(out, "utf8")
        expect(text.startsWith("\ufeff")).toBe(true)
        const [header, ...rows] = parse(text, { bom: true }) as string[][]
        expect(header).toEqual(HEADER)
        expect(rows).toEqual(await expectedRows())
      })
    })

    describe("medusa-segments export", () => {
      beforeEach(async () => {
        await api.post(
          `/admin/customer-segments/${segmentId}/refresh`,
          {},
          admin
        )
      })

      it("should write only the CSV to stdout, with every cell as expected, while Medusa logs", async () => {
        const run = await cli(["export", segmentId, "--format", "csv"], {
          LOG_LEVEL: "info",
        })

        expect(run.code).toBe(0)
        // The logs went somewhere, and not into the CSV.
        expect(run.stderr).toMatch(/info/)
        expect(run.stdout.startsWith("customer_id,")).toBe(true)
        const [header, ...rows] = parse(run.stdout) as string[][]
        expect(header).toEqual(HEADER)
        expect(rows).toEqual(await expectedRows())
        expect(run.stdout.split("\r\n")[0]).toBe(HEADER.join(","))
      })

      it("should export JSON with raw text, ISO dates and spend per currency", async () => {
        const run = await cli(["export", segmentId, "--format", "json"])

        expect(run.code).toBe(0)
        const members = JSON.parse(run.stdout)
        const formula = members.find(
          (m: { customer_id: string }) => m.customer_id === ids.formula
        )
        expect(formula).toEqual({
          customer_id: ids.formula,
          email: "=1+1@hostile.test",
          first_name: '=HYPERLINK("http://evil.example","click")',
          last_name: 'O"Brien, Jr.',
          phone: "+49 30 123456",
          company_name: "+Plus, Co",
          has_account: true,
          member_since: expect.stringMatching(/Z$/),
          orders: 3,
          total_spent: { eur: 5, usd: 30.5 },
          last_order_date: "2025-06-30T23:59:59.000Z",
        })
        expect(members).toHaveLength(4)
      })

      it("should answer an unknown segment id with exit code 2 and no output", async () => {
        const run = await cli(["export", "cseg_missing"])

        expect(run.code).toBe(2)
        expect(run.stdout).toBe("")
        expect(run.stderr).toContain(
          "error: Customer segment with id: cseg_missing was not found"
        )
      })
    })

    describe("medusa-segments usage", () => {
      it("should refuse an unknown segment id before refreshing any", async () => {
        const run = await cli(["refresh", segmentId, "cseg_missing"])

        expect(run.code).toBe(2)
        expect(run.stderr).toContain(
          "Customer segment with id: cseg_missing was not found"
        )
        const { data } = await api.get(
          `/admin/customer-segments/${segmentId}`,
          admin
        )
        expect(data.customer_segment.last_refreshed_at).toBeNull()
      })

      it.each([
        [["refresh", "--frobnicate"], "unknown option '--frobnicate'"],
        [["refresh"], "give one or more segment ids, or --all"],
        [
          ["refresh", "cseg_1", "--all"],
          "give one or more segment ids, or --all",
        ],
        [
          ["refresh", "cseg_1", "--out", "x.csv"],
          "--out only goes with --export",
        ],
        [["export"], "missing required argument 'id'"],
        [
          ["export", "cseg_1", "--format", "xml"],
          "Allowed choices are csv, json, ndjson",
        ],
        [
          ["export", "cseg_1", "--format", "json", "--bom"],
          "--bom only goes with --format csv",
        ],
        [
          ["import-orders", "orders.csv"],
          "required option '--mapping <file>' not specified",
        ],
        [["frobnicate"], "unknown command 'frobnicate'"],
      ])("should reject %j as a usage error", async (args, message) => {
        const run = await cli(args)

        expect(run.code).toBe(64)
        expect(run.stdout).toBe("")
        expect(run.stderr).toContain(message)
      })

      it("should print help for every command without booting the store", async () => {
        for (const command of [
          "refresh",
          "export",
          "list",
          "sync-orders",
          "import-orders",
        ]) {
          const run = await cli([command, "--help"], {
            DATABASE_URL: "postgres://nobody@localhost:1/none",
          })
          expect(run.code).toBe(0)
          expect(run.stdout).toContain(`Usage: medusa-segments ${command}`)
        }
      })

      it("should be the bin that package.json publishes", () => {
        const compiled = path
          .join(".medusa/server", path.relative(ROOT, BIN_SOURCE))
          .replace(/\.ts$/, ".js")
        expect(BIN_BUILD).toBe(compiled)
        expect(fs.readFileSync(BIN_SOURCE, "utf8")).toMatch(
          /^#!\/usr\/bin\/env node\n/
        )
      })
    })

    describe("medusa-segments list", () => {
      it("should list segments with mode, members and last refresh", async () => {
        await api.post(
          `/admin/customer-segments/${segmentId}/refresh`,
          {},
          admin
        )

        const run = await cli(["list", "--json"])

        expect(run.code).toBe(0)
        expect(JSON.parse(run.stdout).customer_segments).toEqual([
          expect.objectContaining({
            id: segmentId,
            name: "Everyone",
            refresh_mode: "manual",
            member_count: 4,
            last_refreshed_at: expect.any(String),
          }),
        ])
      })
    })

    describe("GET /admin/customer-segments/:id/customers/export", () => {
      const url = (query: string) =>
        `/admin/customer-segments/${segmentId}/customers/export${query}`
      // As bytes: axios would strip a byte-order mark from text.
      const raw = { responseType: "arraybuffer" as const }
      const text = (data: ArrayBuffer) => Buffer.from(data).toString("utf8")

      beforeEach(async () => {
        await api.post(
          `/admin/customer-segments/${segmentId}/refresh`,
          {},
          admin
        )
      })

      it("should stream the same CSV, every cell as expected, as a download", async () => {
        const response = await api.get(url("?format=csv&bom=true"), {
          ...admin,
          ...raw,
        })

        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8")
        expect(response.headers["content-disposition"]).toBe(
          `attachment; filename="${segmentId}-members.csv"`
        )
        expect(text(response.data).startsWith("\ufeff")).toBe(true)
        const [header, ...rows] = parse(text(response.data), {
          bom: true,
        }) as string[][]
        expect(header).toEqual(HEADER)
        expect(rows).toEqual(await expectedRows())
      })

      it("should stream JSON lines with format=ndjson", async () => {
        const response = await api.get(url("?format=ndjson"), {
          ...admin,
          ...raw,
        })

        expect(response.headers["content-type"]).toBe(
          "application/x-ndjson; charset=utf-8"
        )
        const lines = text(response.data)
          .trimEnd()
          .split("\n")
          .map((l: string) => JSON.parse(l))
        expect(
          lines.map((m: { customer_id: string }) => m.customer_id)
        ).toEqual(Object.values(ids).sort())
      })

      it("should answer 400 naming the allowed formats", async () => {
        const error = await expectHttpError(
          api.get(url("?format=xml"), admin),
          400
        )

        expect(error.message).toBe(
          "Invalid request: Expected: 'csv, json, ndjson' for field 'format', but got: 'xml'"
        )
      })

      it("should answer 404 for an unknown segment", async () => {
        const error = await expectHttpError(
          api.get(
            "/admin/customer-segments/cseg_missing/customers/export?format=csv",
            admin
          ),
          404
        )

        expect(error.message).toBe(
          "Customer segment with id: cseg_missing was not found"
        )
      })
    })
  },
})

async function createPeople(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  const ids: Record<string, string> = {}
  for (const { key, ...person } of PEOPLE) {
    ids[key] = (await customers.createCustomers(person)).id
  }
  return ids
}

async function memberSince(
  knex: { raw: Function },
  segmentId: string
): Promise<Record<string, Date>> {
  const { rows } = await knex.raw(
    "SELECT customer_id, created_at FROM customer_segment_membership WHERE segment_id = ? AND deleted_at IS NULL",
    [segmentId]
  )
  return Object.fromEntries(
    rows.map((r: { customer_id: string; created_at: Date }) => [
      r.customer_id,
      r.created_at,
    ])
  )
}
