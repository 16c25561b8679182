import { faker } from "@faker-js/faker"
import {
  createCustomerGroupsWorkflow,
  createCustomersWorkflow,
  linkCustomersToCustomerGroupWorkflow,
} from "@medusajs/medusa/core-flows"
import type {
  CreateCustomerAddressDTO,
  CreateCustomerDTO,
  MedusaContainer,
} from "@medusajs/framework/types"

import { COUNTRIES, type Country } from "./countries"
import { chance, daysAgo, unit, WeightedPicker } from "./random"

export const CUSTOMER_GROUPS = ["Wholesale", "Press"] as const
export type CustomerGroupName = (typeof CUSTOMER_GROUPS)[number]

/** Drives how a customer buys; never stored. */
export type CustomerKind = "regular" | "wholesale" | "press" | "heavy" | "guest"

export type Address = Omit<CreateCustomerAddressDTO, "customer_id">

export type PlannedCustomer = {
  email: string
  first_name: string
  last_name: string
  phone?: string
  company_name?: string
  has_account: boolean
  /** Guests get theirs from their first order, once orders are planned. */
  created_at: Date
  metadata?: Record<string, unknown>
  kind: CustomerKind
  country: Country
  groups: CustomerGroupName[]
  /** Where their orders ship; saved on the customer only if registered. */
  address: Address
  /** Whether a registered customer ever orders. */
  buys: boolean
}

export type CustomerPlanOptions = {
  now: Date
  count: number
  guestShare: number
  heavySpenders: number
}

const ascii = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]/g, "")

const emailFor = (
  first: string,
  last: string,
  country: Country,
  taken: Set<string>
): string => {
  const f = ascii(first) || "customer"
  const l = ascii(last) || "shopper"
  const local = faker.helpers.arrayElement([
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}${faker.number.int({ min: 1, max: 99 })}`,
    `${l}.${f}`,
    `${f}${faker.number.int({ min: 70, max: 99 })}`,
  ])
  const domain = faker.helpers.arrayElement(country.emailDomains)
  let email = `${local}@${domain}`
  for (let n = 2; taken.has(email); n++) {
    email = `${local}${n}@${domain}`
  }
  taken.add(email)
  return email
}

const addressFor = (
  country: Country,
  first: string,
  last: string,
  phone: string | undefined,
  company: string | undefined
): Address => {
  const l = country.locale.location
  return {
    address_name: "Home",
    is_default_shipping: true,
    is_default_billing: true,
    first_name: first,
    last_name: last,
    company,
    address_1: l.streetAddress(),
    address_2: chance(0.15) ? l.secondaryAddress() : undefined,
    city: l.city(),
    postal_code: l.zipCode(),
    province: country.hasProvince ? l.state({ abbreviated: true }) : undefined,
    country_code: country.code,
    phone,
  }
}

const metadataFor = (now: Date): Record<string, unknown> | undefined => {
  if (!chance(0.7)) {
    return undefined
  }
  const metadata: Record<string, unknown> = {}
  if (chance(0.85)) {
    metadata.gender = faker.helpers.weightedArrayElement([
      { weight: 49, value: "female" },
      { weight: 47, value: "male" },
      { weight: 4, value: "non_binary" },
    ])
  }
  if (chance(0.75)) {
    const birth = faker.date.birthdate({
      mode: "age",
      min: 18,
      max: 78,
      refDate: now,
    })
    metadata.date_of_birth = birth.toISOString().slice(0, 10)
  }
  if (chance(0.5)) {
    metadata.newsletter = chance(0.6)
  }
  return metadata
}

/**
 * Registered sign-ups lean recent, as a growing shop's do; the window starts
 * a little before the three years of orders so the oldest customers already
 * exist when order history begins.
 */
const signupDate = (now: Date): Date => {
  const spanDays = 3 * 365 + 60
  return daysAgo(now, spanDays * Math.pow(unit(), 1.15))
}

const kindFor = (index: number, options: CustomerPlanOptions): CustomerKind => {
  const guests = Math.round(options.count * options.guestShare)
  if (index < options.heavySpenders) {
    return "heavy"
  }
  if (index >= options.count - guests) {
    return "guest"
  }
  return faker.helpers.weightedArrayElement([
    { weight: 94, value: "regular" as const },
    { weight: 4.5, value: "wholesale" as const },
    { weight: 1.5, value: "press" as const },
  ])
}

export const planCustomers = (
  options: CustomerPlanOptions
): PlannedCustomer[] => {
  const countryPicker = new WeightedPicker(COUNTRIES.map((c) => c.share))
  const taken = new Set<string>()
  const customers: PlannedCustomer[] = []

  for (let index = 0; index < options.count; index++) {
    const kind = kindFor(index, options)
    const country = COUNTRIES[countryPicker.pick()]
    const person = country.locale.person
    const first_name = person.firstName()
    const last_name = person.lastName()
    const phone = chance(0.65)
      ? country.locale.phone.number({ style: "international" })
      : undefined
    const company_name =
      kind === "wholesale" || (kind === "heavy" && chance(0.5))
        ? country.locale.company.name()
        : undefined
    const created_at =
      kind === "heavy"
        ? daysAgo(options.now, 3 * 365 + faker.number.int({ min: 5, max: 60 }))
        : signupDate(options.now)
    const groups: CustomerGroupName[] = []
    if (kind === "wholesale" || (kind === "heavy" && company_name)) {
      groups.push("Wholesale")
    }
    if (kind === "press") {
      groups.push("Press")
    }

    customers.push({
      email: emailFor(first_name, last_name, country, taken),
      first_name,
      last_name,
      phone,
      company_name,
      has_account: kind !== "guest",
      created_at,
      metadata: kind === "guest" ? undefined : metadataFor(options.now),
      kind,
      country,
      groups,
      address: addressFor(country, first_name, last_name, phone, company_name),
      buys:
        kind === "regular"
          ? chance(0.76)
          : kind === "press"
            ? chance(0.5)
            : true,
    })
  }
  return customers
}

export const seedCustomers = async (
  container: MedusaContainer,
  customers: PlannedCustomer[]
): Promise<Map<string, string>> => {
  const idsByEmail = new Map<string, string>()
  const batchSize = 500

  for (let start = 0; start < customers.length; start += batchSize) {
    const batch = customers.slice(start, start + batchSize)
    // `created_at` is not in CreateCustomerDTO, but the ORM keeps a given
    // value (its onCreate hook only fills an empty one), which is how the
    // demo gets customers who signed up years ago.
    const customersData = batch.map(
      (customer): CreateCustomerDTO & { created_at: Date } => ({
        email: customer.email,
        first_name: customer.first_name,
        last_name: customer.last_name,
        phone: customer.phone,
        company_name: customer.company_name,
        has_account: customer.has_account,
        created_at: customer.created_at,
        metadata: customer.metadata,
        addresses: customer.has_account ? [customer.address] : [],
      })
    )
    const { result } = await createCustomersWorkflow(container).run({
      input: { customersData },
    })
    for (const created of result) {
      idsByEmail.set(created.email!, created.id)
    }
  }

  const { result: groups } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: CUSTOMER_GROUPS.map((name) => ({ name })) },
  })
  for (const group of groups) {
    const members = customers
      .filter((c) => c.groups.includes(group.name as CustomerGroupName))
      .map((c) => idsByEmail.get(c.email)!)
    await linkCustomersToCustomerGroupWorkflow(container).run({
      input: { id: group.id, add: members },
    })
  }

  return idsByEmail
}

/** For the summary log: how many of each kind were planned. */
export const countKinds = (
  customers: PlannedCustomer[]
): Record<CustomerKind, number> => {
  const counts = { regular: 0, wholesale: 0, press: 0, heavy: 0, guest: 0 }
  for (const customer of customers) {
    counts[customer.kind]++
  }
  return counts
}
