import { parse } from "csv-parse/sync"
import { csvColumns, csvRecord, csvStringifier } from "../csv"
import { neutraliseFormula } from "../neutralise"
import type { MemberRow } from "../rows"

const member = (overrides: Partial<MemberRow> = {}): MemberRow => ({
  customer_id: "cus_1",
  email: "ann@example.com",
  first_name: "Ann",
  last_name: "Lee",
  phone: null,
  company_name: null,
  has_account: true,
  member_since: new Date("2024-03-31T22:30:00Z"),
  orders: 3,
  total_spent: { usd: -12.5 },
  last_order_at: null,
  ...overrides,
})

async function toCsv(rows: MemberRow[], currencies: string[], bom = false) {
  const stringifier = csvStringifier(csvColumns(currencies), bom)
  const chunks: Buffer[] = []
  stringifier.on("data", (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => stringifier.on("end", resolve))
  rows.forEach((row) => stringifier.write(csvRecord(row, currencies, "UTC")))
  stringifier.end()
  await done
  return Buffer.concat(chunks).toString("utf8")
}

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+49 30 1234", "-2", "@SUM(A1)", "\tx", "\rx"])(
    "should prefix %j with a quote",
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`)
    }
  )

  it.each(["Ann", "a=b", " =1", "", "'quoted"])(
    "should leave %j as it is",
    (value) => {
      expect(neutraliseFormula(value)).toBe(value)
    }
  )

  it("should keep null", () => {
    expect(neutraliseFormula(null)).toBeNull()
  })
})

describe("member CSV", () => {
  it("should give each currency its own spend column", () => {
    expect(csvColumns(["eur", "usd"])).toEqual([
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
    ])
  })

  it("should quote hostile text and leave numbers and dates alone", async () => {
    const text = await toCsv(
      [
        member({
          first_name: '=HYPERLINK("http://x","a, b")',
          last_name: "Line\nbreak",
          company_name: "Ça va ☃",
        }),
      ],
      ["eur", "usd"]
    )

    const [header, row] = parse(text) as string[][]
    expect(header[9]).toBe("total_spent_eur")
    expect(row).toEqual([
      "cus_1",
      "ann@example.com",
      `'=HYPERLINK("http://x","a, b")`,
      "Line\nbreak",
      "",
      "Ça va ☃",
      "true",
      "2024-03-31 22:30:00",
      "3",
      "0",
      "-12.5",
      "",
    ])
    expect(text.endsWith("\r\n")).toBe(true)
  })

  it("should start with a byte-order mark only when asked", async () => {
    expect((await toCsv([member()], [], true)).startsWith("\ufeff")).toBe(true)
    expect((await toCsv([member()], [])).startsWith("customer_id")).toBe(true)
  })
})
