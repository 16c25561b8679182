import { compileRule } from "../compiler/compile"
import { sql, raw } from "../compiler/sql"
import { EvaluationClock } from "../compiler/time"
import type { RuleGroup } from "../types"

const options = {
  audience: "all" as const,
  timezone: "Europe/Berlin",
  orderStatuses: ["pending", "completed"],
  now: new Date("2026-03-29T12:00:00Z"),
}

describe("compileRule", () => {
  it("should bind every value and keep hostile text out of the statement", () => {
    const hostile = "x'); DROP TABLE customer; --"
    const rule: RuleGroup = {
      match: "all",
      conditions: [
        { type: "email", operator: "contains", value: hostile },
        { type: "metadata", key: hostile, operator: "eq", value: hostile },
        { type: "purchased_product", operator: "bought", value: [hostile] },
      ],
    }

    const { text, values } = compileRule(rule, options).toPg()

    expect(text).not.toContain("DROP TABLE")
    expect(values).toEqual(expect.arrayContaining([hostile, [hostile]]))
    expect(text.match(/\$\d+/g)).toHaveLength(values.length)
  })

  it("should scan orders once for conditions with the same window", () => {
    const rule: RuleGroup = {
      match: "any",
      conditions: [
        { type: "order_count", operator: "gte", value: 10 },
        { type: "last_order_date", operator: "after", value: "2026-01-01" },
        {
          type: "total_spent",
          operator: "gt",
          value: 100,
          currency: "usd",
        },
      ],
    }

    const { text } = compileRule(rule, options).toPg()

    expect(text.match(/FROM customer_segment_order o/g)).toHaveLength(1)
    expect(text).toContain("LEFT JOIN agg_0 ON agg_0.customer_id = c.id")
    expect(text).toMatch(
      /sum\(o\.net_total\) FILTER \(WHERE o\.currency_code = \$\d+::text\)\) AS total_spent_2/
    )
  })

  it("should negate a group and keep every condition two-valued", () => {
    const rule: RuleGroup = {
      match: "all",
      negate: true,
      conditions: [{ type: "email", operator: "ends_with", value: "acme.com" }],
    }

    const { text } = compileRule(rule, options).toPg()

    expect(text).toContain("NOT (coalesce((right(lower(c.email)")
  })

  it("should restrict to the audience and to live customers", () => {
    const rule: RuleGroup = {
      match: "all",
      conditions: [{ type: "has_account", operator: "is", value: true }],
    }

    const guests = compileRule(rule, { ...options, audience: "guests" }).toPg()

    expect(guests.text).toContain(
      "WHERE c.deleted_at IS NULL AND c.has_account = false"
    )
  })

  it("should compute window bounds as whole days in the store timezone", () => {
    const rule: RuleGroup = {
      match: "all",
      conditions: [
        {
          type: "order_count",
          operator: "gte",
          value: 1,
          window: { from: "2026-03-29", to: "2026-03-29" },
        },
      ],
    }

    const { values } = compileRule(rule, options).toPg()

    // 29 March 2026 is the day Berlin moves to summer time: 23 hours long.
    expect(values).toEqual(
      expect.arrayContaining([
        "2026-03-28T23:00:00.000Z",
        "2026-03-29T22:00:00.000Z",
      ])
    )
  })
})

describe("EvaluationClock", () => {
  it("should count 'the last N units' from the start of the day N units ago", () => {
    const clock = new EvaluationClock(
      new Date("2026-12-03T23:30:00Z"),
      "Europe/Berlin"
    )

    // 23:30 UTC is already 4 December in Berlin.
    expect(clock.todayDay()).toBe("2026-12-04")
    expect(clock.since({ amount: 30, unit: "days" }).toISOString()).toBe(
      "2026-11-03T23:00:00.000Z"
    )
    expect(clock.sinceDay({ amount: 1, unit: "months" })).toBe("2026-11-04")
    expect(clock.since({ amount: 2, unit: "years" }).toISOString()).toBe(
      "2024-12-03T23:00:00.000Z"
    )
  })
})

describe("sql", () => {
  it("should refuse a literal question mark, which knex would bind", () => {
    expect(() => raw("a ? b")).toThrow('SQL text must not contain "?"')
  })

  it("should splice nested fragments and keep their values in order", () => {
    const inner = sql`b = ${2}`
    const outer = sql`a = ${1} AND ${inner} AND c = ${3}`

    expect(outer.toPg()).toEqual({
      text: "a = $1 AND b = $2 AND c = $3",
      values: [1, 2, 3],
    })
    expect(outer.toKnex()).toEqual({
      text: "a = ? AND b = ? AND c = ?",
      bindings: [1, 2, 3],
    })
  })
})
