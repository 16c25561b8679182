import { validateOrderCsvMapping, type OrderCsvMapping } from "../mapping"
import { parseOrderCsv } from "../parse-order-csv"

const NOW = new Date("2026-01-15T12:00:00Z")

const mapping = (overrides: Partial<OrderCsvMapping> = {}): OrderCsvMapping =>
  validateOrderCsvMapping({
    columns: {
      order_id: "Order",
      order_date: "Date",
      customer_external_id: "Customer",
      customer_name: "Name",
      category: "Category",
      quantity: "Qty",
      amount: "Sales",
      country: "Country",
    },
    date_formats: ["MM-dd-yy", "M/d/yyyy"],
    currency_code: "usd",
    ...overrides,
  })

const HEADER = "Order,Date,Customer,Name,Category,Qty,Sales,Country"

const csv = (...rows: string[]) => [HEADER, ...rows].join("\n")

describe("parseOrderCsv", () => {
  describe("when every row is valid", () => {
    it("should group lines into orders in both date formats", () => {
      const parsed = parseOrderCsv(
        "\ufeff" +
          csv(
            "A-1,11-08-16,C-1,Claire Gute,Furniture,2,261.96,United States",
            'A-1,11-08-16,C-1,Claire Gute,Furniture,3,"731.94",United States',
            "B-2,4/15/2017,C-2,Sean O'Donnell,Technology,1,0.1,us"
          ),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.rows).toBe(3)
      expect(parsed.rejected_rows).toEqual([])
      expect(
        parsed.orders.map((o) => [o.id, o.placed_at.toISOString()])
      ).toEqual([
        ["A-1", "2016-11-08T00:00:00.000Z"],
        ["B-2", "2017-04-15T00:00:00.000Z"],
      ])
      expect(parsed.orders[0].lines.map((l) => l.line)).toEqual([2, 3])
      expect(parsed.customers).toEqual([
        expect.objectContaining({
          key: "external_id:C-1",
          first_name: "Claire",
          last_name: "Gute",
          address: expect.objectContaining({ country_code: "us" }),
        }),
        expect.objectContaining({
          key: "external_id:C-2",
          last_name: "O'Donnell",
        }),
      ])
      expect(parsed.category_names).toEqual(["Furniture", "Technology"])
    })

    it("should read dates as wall-clock days in the mapping's timezone", () => {
      const parsed = parseOrderCsv(
        csv("A-1,4/15/2017,C-1,Ann,,1,5,"),
        mapping({ timezone: "America/New_York" }),
        "UTC",
        NOW
      )

      expect(parsed.orders[0].placed_at.toISOString()).toBe(
        "2017-04-15T04:00:00.000Z"
      )
    })

    it("should count a quoted field with a line break from its first line", () => {
      const parsed = parseOrderCsv(
        csv(
          'A-1,4/15/2017,C-1,"Ann\nLee",,1,5,',
          "B-1,4/15/2017,C-1,Ann,,x,5,"
        ),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.orders.map((o) => o.lines[0].line)).toEqual([2])
      expect(parsed.rejected_rows.map((r) => r.line)).toEqual([4])
    })
  })

  describe("when rows are invalid", () => {
    it("should reject each bad row with its line and every reason", () => {
      const parsed = parseOrderCsv(
        csv(
          "A-1,2017-04-15,C-1,Ann,,1,5,",
          ",4/15/2017,C-1,Ann,,1,5,",
          "C-3,4/15/2017,C-1,Ann,,1,12.5 USD,Narnia",
          "D-4,2/30/2017,,Ann,,0,5,"
        ),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.orders).toEqual([])
      expect(parsed.rejected_rows).toMatchInlineSnapshot(`
        [
          {
            "line": 2,
            "reasons": [
              "order_date ("Date") "2017-04-15" matches none of the date formats MM-dd-yy, M/d/yyyy",
              "order "A-1" is not imported: line 2 rejected",
            ],
          },
          {
            "line": 3,
            "reasons": [
              "order_id ("Order") is empty",
            ],
          },
          {
            "line": 4,
            "reasons": [
              "amount ("Sales") "12.5 USD" is not a decimal number such as 261.96",
              "country ("Country") "Narnia" is neither an ISO 3166-1 alpha-2 code nor an English country name",
              "order "C-3" is not imported: line 4 rejected",
            ],
          },
          {
            "line": 5,
            "reasons": [
              "order_date ("Date") "2/30/2017" matches none of the date formats MM-dd-yy, M/d/yyyy",
              "no customer: customer_external_id ("Customer") is empty",
              "quantity ("Qty") "0" is not a whole number from 1 to 2147483647",
              "order "D-4" is not imported: line 5 rejected",
            ],
          },
        ]
      `)
    })

    it("should reject every line of an order that has a bad line", () => {
      const parsed = parseOrderCsv(
        csv(
          "A-1,4/15/2017,C-1,Ann,,1,5,",
          "B-2,4/15/2017,C-2,Bo,,1,5,",
          "A-1,4/15/2017,C-1,Ann,,1,abc,"
        ),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.orders.map((o) => o.id)).toEqual(["B-2"])
      expect(parsed.rejected_rows).toEqual([
        { line: 2, reasons: ['order "A-1" is not imported: line 4 rejected'] },
        {
          line: 4,
          reasons: [
            'amount ("Sales") "abc" is not a decimal number such as 261.96',
            'order "A-1" is not imported: line 4 rejected',
          ],
        },
      ])
    })

    it("should reject an order whose lines disagree on the date or customer", () => {
      const parsed = parseOrderCsv(
        csv("A-1,4/15/2017,C-1,Ann,,1,5,", "A-1,4/16/2017,C-2,Ann,,1,5,"),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.orders).toEqual([])
      expect(parsed.rejected_rows[0].reasons).toEqual([
        'order "A-1" is not imported: its lines disagree on order_date (2017-04-15T00:00:00.000Z, 2017-04-16T00:00:00.000Z)',
        'order "A-1" is not imported: its lines disagree on customer (external_id:C-1, external_id:C-2)',
      ])
    })

    it("should reject a row with more fields than the header", () => {
      const parsed = parseOrderCsv(
        csv("A-1,4/15/2017,C-1,Ann,,1,5,,extra"),
        mapping(),
        "UTC",
        NOW
      )

      expect(parsed.rejected_rows[0].reasons[0]).toBe(
        "has 9 fields; the header has 8"
      )
    })
  })

  describe("when the file cannot be read", () => {
    it("should name a mapped column missing from the header", () => {
      expect(() =>
        parseOrderCsv("Order,Date\nA,1/1/2017", mapping(), "UTC")
      ).toThrow(
        /mapping\.columns\.customer_external_id: column "Customer" is not in the CSV header/
      )
    })

    it("should refuse malformed quoting", () => {
      expect(() =>
        parseOrderCsv(csv('A-1,"4/15/2017,C-1'), mapping(), "UTC")
      ).toThrow(/The CSV cannot be read/)
    })
  })
})

describe("validateOrderCsvMapping", () => {
  it("should name every bad field", () => {
    expect(() =>
      validateOrderCsvMapping({
        columns: { order_id: "Order", order_date: "", sku: "SKU" },
        date_formats: ["M/d/yyyy", "YYYY-MM-DD"],
        timezone: "Mars/Olympus",
      })
    ).toThrow(
      [
        "Invalid order CSV mapping:",
        "mapping.columns.order_date: must name a CSV column;",
        'mapping.columns: Unrecognized key: "sku";',
        'mapping.date_formats[1]: "YYYY-MM-DD" is not a date-fns format such as "M/d/yyyy" (years are y, days d);',
        'mapping.timezone: "Mars/Olympus" is not an IANA timezone such as "Europe/Berlin"',
      ].join(" ")
    )
  })
})
