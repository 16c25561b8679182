import { validateRule } from "../schema"

const limits = { maxDepth: 5, maxConditions: 50 }
const issuesOf = (rule: unknown) => validateRule(rule, limits).issues
const one = (condition: Record<string, unknown>) => ({
  match: "all",
  conditions: [condition],
})

describe("validateRule", () => {
  it("should accept a two-level rule of every category", () => {
    const result = validateRule(
      {
        match: "any",
        conditions: [
          { type: "order_count", operator: "gte", value: 10 },
          {
            match: "all",
            negate: true,
            conditions: [
              {
                type: "total_spent",
                operator: "between",
                value: [100, 500],
                currency: "EUR",
                window: { from: "2024-01-01", to: "2024-12-31" },
              },
              {
                type: "metadata",
                key: "date_of_birth",
                value_type: "date",
                operator: "before",
                value: "2000-01-01",
              },
              {
                type: "purchased_category",
                operator: "not_bought",
                value: ["pcat_1"],
                min_times: 2,
                window: { last: { amount: 6, unit: "months" } },
              },
              { type: "email", operator: "is_set" },
            ],
          },
        ],
      },
      limits
    )

    expect(result.issues).toEqual([])
    expect(result.rule).not.toBeNull()
  })

  it("should report every problem at once, each at its path", () => {
    const issues = issuesOf({
      match: "all",
      conditions: [
        { type: "email", operator: "gte", value: "a" },
        {
          match: "any",
          conditions: [{ type: "order_count", operator: "gte" }],
        },
      ],
    })

    expect(issues.map((i) => i.path)).toEqual([
      "rule.conditions[0].operator",
      "rule.conditions[1].conditions[0].value",
    ])
  })

  it("should name the allowed match values for a bad group", () => {
    const [issue] = issuesOf({ match: "most", conditions: [] })
    expect(issue.path).toBe("rule.match")
    expect(issue.message).toContain('"all"')
    expect(issue.message).toContain('"any"')
    expect(issue.message).toContain('"most"')
  })

  it("should reject a value where the operator takes none", () => {
    const [issue] = issuesOf(
      one({ type: "email", operator: "is_set", value: "x" })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0].value",
      message: 'is_set takes no value (got "x")',
    })
  })

  it("should reject a between whose bounds are reversed", () => {
    const [issue] = issuesOf(
      one({ type: "order_count", operator: "between", value: [9, 3] })
    )
    expect(issue.path).toBe("rule.conditions[0].value")
    expect(issue.message).toBe(
      "the first bound must not be greater than the second"
    )
  })

  it("should reject dates that are not real calendar days", () => {
    const [issue] = issuesOf(
      one({ type: "signed_up_at", operator: "before", value: "2024-02-30" })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0].value",
      message: "must be a real calendar date",
    })
  })

  it("should reject a window on a condition that has none", () => {
    const [issue] = issuesOf(
      one({
        type: "email",
        operator: "eq",
        value: "a@b.c",
        window: { last: { amount: 3, unit: "days" } },
      })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0]",
      message: "unknown field(s) window",
    })
  })

  it("should reject an inverted or empty window", () => {
    const inverted = issuesOf(
      one({
        type: "order_count",
        operator: "gte",
        value: 1,
        window: { from: "2024-05-01", to: "2024-01-01" },
      })
    )
    const empty = issuesOf(
      one({ type: "order_count", operator: "gte", value: 1, window: {} })
    )
    expect(inverted[0].path).toBe("rule.conditions[0].window")
    expect(empty[0].path).toBe("rule.conditions[0].window")
  })

  it("should reject a window unit outside the allowed set", () => {
    const [issue] = issuesOf(
      one({
        type: "order_count",
        operator: "gte",
        value: 1,
        window: { last: { amount: 3, unit: "fortnights" } },
      })
    )
    expect(issue.path).toBe("rule.conditions[0].window.last.unit")
    expect(issue.message).toContain('"days"')
    expect(issue.message).toContain('"fortnights"')
  })

  it("should refuse a window with both forms", () => {
    const [issue] = issuesOf(
      one({
        type: "order_count",
        operator: "gte",
        value: 1,
        window: { last: { amount: 3, unit: "days" }, from: "2024-01-01" },
      })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0].window",
      message: "use either `last` or `from`/`to`, not both",
    })
  })

  it("should refuse dates whose next day Postgres cannot store", () => {
    const [issue] = issuesOf(
      one({ type: "signed_up_at", operator: "after", value: "9999-12-31" })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0].value",
      message: "must be between 1000-01-01 and 9998-12-31",
    })
  })

  it("should not find operators or value types on the object prototype", () => {
    const operator = issuesOf(
      one({ type: "email", operator: "constructor", value: "x" })
    )
    const valueType = issuesOf(
      one({
        type: "metadata",
        key: "k",
        value_type: "__proto__",
        operator: "eq",
        value: "x",
      })
    )
    expect(operator[0].path).toBe("rule.conditions[0].operator")
    expect(operator[0].message).toContain("allowed: eq, neq")
    expect(valueType[0].path).toBe("rule.conditions[0].value_type")
    expect(valueType[0].message).toContain('"__proto__"')
  })

  it("should describe a long list rather than echo it", () => {
    const ids = Array.from({ length: 800 }, (_, i) => `id_${i}`)
    const [issue] = issuesOf(
      one({ type: "customer_group", operator: "in", value: ids })
    )
    expect(issue.path).toBe("rule.conditions[0].value")
    expect(issue.message).toContain("(got a list of 800 items)")
  })

  it("should reject a currency that is not a three-letter code", () => {
    const [issue] = issuesOf(
      one({
        type: "total_spent",
        operator: "gt",
        value: 1,
        currency: "dollars",
      })
    )
    expect(issue.path).toBe("rule.conditions[0].currency")
    expect(issue.message).toContain("three-letter ISO 4217 code")
  })

  it("should reject a negative money amount", () => {
    const [issue] = issuesOf(
      one({ type: "total_spent", operator: "gt", value: -5, currency: "usd" })
    )
    expect(issue).toEqual({
      path: "rule.conditions[0].value",
      message: "must not be negative",
    })
  })

  it("should use the value type of a metadata condition to pick operators", () => {
    const [issue] = issuesOf(
      one({
        type: "metadata",
        key: "vip_level",
        value_type: "number",
        operator: "contains",
        value: "x",
      })
    )
    expect(issue.path).toBe("rule.conditions[0].operator")
    expect(issue.message).toContain(
      "allowed: eq, neq, gt, gte, lt, lte, between"
    )
  })

  it("should reject a non-object node", () => {
    const [issue] = issuesOf({ match: "all", conditions: ["vip"] })
    expect(issue.path).toBe("rule.conditions[0]")
  })

  it("should apply the configured depth limit", () => {
    const rule = {
      match: "all",
      conditions: [
        {
          match: "all",
          conditions: [{ type: "has_account", operator: "is", value: true }],
        },
      ],
    }
    const issues = validateRule(rule, { maxDepth: 1, maxConditions: 50 }).issues
    expect(issues).toEqual([
      {
        path: "rule.conditions[0]",
        message: "groups are nested 2 deep; at most 1 levels are allowed",
      },
    ])
  })

  it("should apply the configured condition limit", () => {
    const rule = {
      match: "all",
      conditions: [
        { type: "has_account", operator: "is", value: true },
        { type: "has_account", operator: "is", value: false },
      ],
    }
    const issues = validateRule(rule, { maxDepth: 5, maxConditions: 1 }).issues
    expect(issues).toEqual([
      { path: "rule", message: "has 2 conditions; at most 1 are allowed" },
    ])
  })
})

describe("validateRule country codes", () => {
  it("should refuse a country that is not an ISO-2 code, naming it", () => {
    const [issue] = validateRule(
      {
        match: "all",
        conditions: [
          { type: "address_country", operator: "in", value: ["de", "DEU"] },
        ],
      },
      { maxDepth: 5, maxConditions: 50 }
    ).issues
    expect(issue.path).toBe("rule.conditions[0].value[1]")
    expect(issue.message).toContain("ISO 3166-1 alpha-2")
    expect(issue.message).toContain('"DEU"')
  })
})
