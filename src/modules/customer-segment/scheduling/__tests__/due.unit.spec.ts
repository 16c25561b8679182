import { dueSegments, type SchedulableSegment } from "../due"

const OPTIONS = {
  timezone: "UTC",
  defaultCron: "0 2 * * *",
  dailyRefreshCron: "0 3 * * *",
}
const NOW = new Date("2026-01-10T12:00:00Z")

const BY_EMAIL = {
  match: "all",
  conditions: [{ type: "email", operator: "ends_with", value: "example.org" }],
}

function segment(overrides: Partial<SchedulableSegment>): SchedulableSegment {
  return {
    id: "cseg_1",
    refresh_mode: "scheduled",
    cron: null,
    rule: BY_EMAIL,
    is_active: true,
    last_refreshed_at: "2026-01-10T02:30:00Z",
    created_at: "2026-01-01T00:00:00Z",
    ...overrides,
  }
}

describe("dueSegments", () => {
  describe("a scheduled segment", () => {
    it("should be due when its cron fired after its last refresh", () => {
      const due = dueSegments(
        [
          segment({
            cron: "0 6 * * *",
            last_refreshed_at: "2026-01-10T05:00:00Z",
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual(["cseg_1"])
    })

    it("should not be due when it was refreshed after its cron last fired", () => {
      const due = dueSegments(
        [
          segment({
            cron: "0 6 * * *",
            last_refreshed_at: "2026-01-10T06:00:01Z",
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })

    it("should not be due when it was refreshed at the very moment of the firing", () => {
      const due = dueSegments(
        [
          segment({
            cron: "0 6 * * *",
            last_refreshed_at: "2026-01-10T06:00:00Z",
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })

    it("should follow the default cron when it sets none", () => {
      const refreshedBefore2 = segment({
        id: "cseg_early",
        last_refreshed_at: "2026-01-10T01:00:00Z",
      })
      const refreshedAfter2 = segment({ id: "cseg_late" })
      expect(
        dueSegments([refreshedBefore2, refreshedAfter2], OPTIONS, NOW)
      ).toEqual(["cseg_early"])
    })

    it("should be due once its cron fired after it was created, if never refreshed", () => {
      const old = segment({ id: "cseg_old", last_refreshed_at: null })
      const fresh = segment({
        id: "cseg_fresh",
        last_refreshed_at: null,
        created_at: "2026-01-10T11:00:00Z",
      })
      expect(dueSegments([old, fresh], OPTIONS, NOW)).toEqual(["cseg_old"])
    })

    it("should accept dates as Date objects", () => {
      const due = dueSegments(
        [
          segment({
            last_refreshed_at: new Date("2026-01-09T00:00:00Z"),
            created_at: new Date("2026-01-01T00:00:00Z"),
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual(["cseg_1"])
    })

    it("should never be due while inactive", () => {
      const due = dueSegments(
        [segment({ is_active: false, last_refreshed_at: null })],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })
  })

  describe("a real-time segment", () => {
    const yesterday = "2026-01-09T12:00:00Z"

    it.each([
      [
        "a window counted back from today",
        {
          type: "order_count",
          operator: "gte",
          value: 2,
          window: { last: { amount: 30, unit: "days" } },
        },
      ],
      [
        "a within_last date",
        {
          type: "signed_up_at",
          operator: "within_last",
          value: { amount: 7, unit: "days" },
        },
      ],
      [
        "days since the last order",
        { type: "days_since_last_order", operator: "gt", value: 30 },
      ],
    ])(
      "should be due on the daily cron when its rule has %s",
      (_, condition) => {
        const due = dueSegments(
          [
            segment({
              refresh_mode: "realtime",
              rule: { match: "all", conditions: [condition] },
              last_refreshed_at: yesterday,
            }),
          ],
          OPTIONS,
          NOW
        )
        expect(due).toEqual(["cseg_1"])
      }
    )

    it("should find time-dependent conditions inside nested groups", () => {
      const rule = {
        match: "any",
        conditions: [
          BY_EMAIL,
          {
            match: "all",
            negate: true,
            conditions: [
              { type: "days_since_last_order", operator: "lt", value: 7 },
            ],
          },
        ],
      }
      const due = dueSegments(
        [
          segment({
            refresh_mode: "realtime",
            rule,
            last_refreshed_at: yesterday,
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual(["cseg_1"])
    })

    it("should not be due after the daily refresh ran today", () => {
      const due = dueSegments(
        [
          segment({
            refresh_mode: "realtime",
            rule: {
              match: "all",
              conditions: [
                { type: "days_since_last_order", operator: "gt", value: 30 },
              ],
            },
            last_refreshed_at: "2026-01-10T03:00:05Z",
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })

    it("should never be due when only events can change its rule", () => {
      const fixedWindow = {
        match: "all",
        conditions: [
          {
            type: "order_count",
            operator: "gte",
            value: 1,
            window: { from: "2025-01-01", to: "2025-12-31" },
          },
        ],
      }
      const due = dueSegments(
        [
          segment({
            id: "cseg_email",
            refresh_mode: "realtime",
            last_refreshed_at: null,
          }),
          segment({
            id: "cseg_window",
            refresh_mode: "realtime",
            rule: fixedWindow,
            last_refreshed_at: null,
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })
  })

  describe("a manual segment", () => {
    it("should never be due, even with a cron set", () => {
      const due = dueSegments(
        [
          segment({
            refresh_mode: "manual",
            cron: "* * * * *",
            last_refreshed_at: null,
          }),
        ],
        OPTIONS,
        NOW
      )
      expect(due).toEqual([])
    })
  })

  describe("in Europe/Berlin", () => {
    const berlin = { ...OPTIONS, timezone: "Europe/Berlin" }

    it("should run the nightly refresh on the day the clocks go forward", () => {
      // Refreshed by the 02:00 run of 28 March (01:00 UTC); on the 29th,
      // 02:00 does not exist and the run moves to 03:00 CEST (01:00 UTC).
      const due = dueSegments(
        [segment({ last_refreshed_at: "2026-03-28T01:00:30Z" })],
        berlin,
        new Date("2026-03-29T01:01:00Z")
      )
      expect(due).toEqual(["cseg_1"])
    })

    it("should run the nightly refresh once on the day the clocks go back", () => {
      // Refreshed by the first 02:00 (CEST, 00:00 UTC); the second 02:00
      // (CET, 01:00 UTC) is not another firing.
      const due = dueSegments(
        [segment({ last_refreshed_at: "2026-10-25T00:00:30Z" })],
        berlin,
        new Date("2026-10-25T01:01:00Z")
      )
      expect(due).toEqual([])
    })

    it("should read the cron in the store timezone, not UTC", () => {
      // 01:30 UTC is 02:30 in Berlin in winter: the 02:00 run has fired
      // there, though in UTC it has not yet today.
      const segments = [segment({ last_refreshed_at: "2026-01-10T00:30:00Z" })]
      const now = new Date("2026-01-10T01:30:00Z")
      expect(dueSegments(segments, berlin, now)).toEqual(["cseg_1"])
      expect(dueSegments(segments, OPTIONS, now)).toEqual([])
    })
  })
})
