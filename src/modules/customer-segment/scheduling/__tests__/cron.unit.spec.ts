import { isCron, lastFiring, nextFirings } from "../cron"

const BERLIN = "Europe/Berlin"
const at = (iso: string) => new Date(iso)
const iso = (dates: Date[]) => dates.map((date) => date.toISOString())

describe("isCron", () => {
  it.each(["0 2 * * *", "*/15 * * * *", "0 6 * * 1-5", " 0 2 * * * "])(
    "should accept the five-field expression %j",
    (value) => {
      expect(isCron(value)).toBe(true)
    }
  )

  it.each([
    ["a seconds field", "0 0 2 * * *"],
    ["four fields", "0 2 * *"],
    ["a minute out of range", "61 2 * * *"],
    ["a macro", "@daily"],
    ["words", "every night"],
    ["nothing", ""],
  ])("should refuse %s", (_, value) => {
    expect(isCron(value)).toBe(false)
  })
})

describe("lastFiring", () => {
  describe("in UTC", () => {
    it("should include a firing at exactly now", () => {
      expect(
        lastFiring("0 2 * * *", "UTC", at("2026-01-10T02:00:00Z"))
      ).toEqual(at("2026-01-10T02:00:00Z"))
    })

    it("should never return a firing after now, even by a millisecond", () => {
      expect(
        lastFiring("0 2 * * *", "UTC", at("2026-01-10T01:59:59.999Z"))
      ).toEqual(at("2026-01-09T02:00:00Z"))
    })

    it("should find the last firing of a weekly schedule days back", () => {
      // 2026-01-10 is a Saturday; the last Monday 06:00 is 2026-01-05.
      expect(
        lastFiring("0 6 * * 1", "UTC", at("2026-01-10T12:00:00Z"))
      ).toEqual(at("2026-01-05T06:00:00Z"))
    })
  })

  describe("in Europe/Berlin", () => {
    it("should fire at 02:00 local time, 01:00 UTC in winter", () => {
      expect(
        lastFiring("0 2 * * *", BERLIN, at("2026-01-10T12:00:00Z"))
      ).toEqual(at("2026-01-10T01:00:00Z"))
    })

    it("should fire at 02:00 local time, 00:00 UTC in summer", () => {
      expect(
        lastFiring("0 2 * * *", BERLIN, at("2026-07-10T12:00:00Z"))
      ).toEqual(at("2026-07-10T00:00:00Z"))
    })

    describe("when the clocks go forward (2026-03-29, 02:00 does not exist)", () => {
      it("should count the 02:00 firing that moved to 03:00 as that day's", () => {
        expect(
          lastFiring("0 2 * * *", BERLIN, at("2026-03-29T05:00:00Z"))
        ).toEqual(at("2026-03-29T01:00:00Z"))
      })

      it("should agree with nextFirings about that day", () => {
        const [next] = nextFirings(
          "0 2 * * *",
          BERLIN,
          at("2026-03-28T12:00:00Z"),
          1
        )
        expect(lastFiring("0 2 * * *", BERLIN, next)).toEqual(next)
      })

      it("should still see the previous day's firing just before the moved one", () => {
        expect(
          lastFiring("0 2 * * *", BERLIN, at("2026-03-29T00:59:00Z"))
        ).toEqual(at("2026-03-28T01:00:00Z"))
      })
    })

    describe("when the clocks go back (2026-10-25, 02:00 happens twice)", () => {
      it("should fire a daily 02:00 once, at the first 02:00", () => {
        expect(
          iso(nextFirings("0 2 * * *", BERLIN, at("2026-10-24T12:00:00Z"), 2))
        ).toEqual(["2026-10-25T00:00:00.000Z", "2026-10-26T01:00:00.000Z"])
        expect(
          lastFiring("0 2 * * *", BERLIN, at("2026-10-25T01:30:00Z"))
        ).toEqual(at("2026-10-25T00:00:00Z"))
      })

      it("should fire an hourly schedule every real hour", () => {
        expect(
          lastFiring("0 * * * *", BERLIN, at("2026-10-25T01:30:00Z"))
        ).toEqual(at("2026-10-25T01:00:00Z"))
      })
    })
  })
})

describe("nextFirings", () => {
  it("should list firings strictly after now", () => {
    expect(
      iso(nextFirings("0 2 * * *", "UTC", at("2026-01-10T02:00:00Z"), 2))
    ).toEqual(["2026-01-11T02:00:00.000Z", "2026-01-12T02:00:00.000Z"])
  })

  it("should move the firing inside the spring-forward gap to 03:00 local", () => {
    expect(
      iso(nextFirings("30 2 * * *", BERLIN, at("2026-03-28T12:00:00Z"), 2))
    ).toEqual(["2026-03-29T01:30:00.000Z", "2026-03-30T00:30:00.000Z"])
  })
})
