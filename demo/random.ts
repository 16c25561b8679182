import { faker } from "@faker-js/faker"

export const DAY_MS = 24 * 60 * 60 * 1000

/** A uniform float in [0, 1), drawn from the seeded faker. */
export const unit = (): number => faker.number.float({ min: 0, max: 1 })

export const chance = (probability: number): boolean => unit() < probability

/**
 * Pareto-distributed weight, at least 1. A low `alpha` gives a long tail:
 * most customers buy a little, a few buy a lot.
 */
export const pareto = (alpha: number, cap: number): number =>
  Math.min(cap, Math.pow(1 - unit(), -1 / alpha))

export const exponential = (mean: number): number =>
  -Math.log(1 - unit()) * mean

export const dateBetween = (from: Date, to: Date): Date =>
  new Date(faker.number.int({ min: from.getTime(), max: to.getTime() }))

export const daysAgo = (now: Date, days: number): Date =>
  new Date(now.getTime() - days * DAY_MS)

/**
 * Picks indexes by weight in O(log n), for the thousands of draws of
 * customers and products that a linear scan would make slow.
 */
export class WeightedPicker {
  private readonly cumulative: number[] = []

  constructor(weights: number[]) {
    let sum = 0
    for (const weight of weights) {
      sum += weight
      this.cumulative.push(sum)
    }
  }

  pick(): number {
    const target = unit() * this.cumulative[this.cumulative.length - 1]
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.cumulative[middle] > target) {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return low
  }
}

/** Money in major units, rounded to cents as Medusa stores it. */
export const roundMoney = (amount: number): number =>
  Math.round(amount * 100) / 100
