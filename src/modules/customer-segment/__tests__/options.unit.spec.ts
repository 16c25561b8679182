import { resolveOptions } from "../options"

describe("resolveOptions", () => {
  it("should fill in the defaults", () => {
    expect(resolveOptions(undefined)).toEqual({
      timezone: "UTC",
      orderStatuses: ["pending", "completed", "archived", "requires_action"],
      limits: {
        maxDepth: 5,
        maxConditions: 50,
        previewTimeoutMs: 5000,
        refreshWorkMem: "64MB",
      },
      refreshOnSave: true,
      defaultCron: "0 2 * * *",
      realtime: { debounceMs: 250, dailyRefreshCron: "0 3 * * *" },
      activity: { retentionDays: 90, ratePerMinute: 120 },
    })
  })

  it("should reject a timezone that is not an IANA name, naming it", () => {
    expect(() => resolveOptions({ timezone: "Mars/Olympus" })).toThrow(
      'medusa-customer-segments: invalid plugin options: timezone: timezone "Mars/Olympus" is not an IANA timezone'
    )
  })

  it("should refuse to count canceled orders, listing the statuses allowed", () => {
    expect(() =>
      resolveOptions({ orderStatuses: ["completed", "canceled"] })
    ).toThrow(
      /orderStatuses\.1: .*"pending"\|"completed"\|"archived"\|"requires_action"/
    )
  })

  it("should reject unknown limit names", () => {
    expect(() => resolveOptions({ limits: { maxDepht: 3 } as never })).toThrow(
      /limits: Unrecognized key: "maxDepht"/
    )
  })
})
