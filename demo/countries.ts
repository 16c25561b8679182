import {
  type Faker,
  fakerDE,
  fakerEN_CA,
  fakerEN_GB,
  fakerEN_US,
  fakerES,
  fakerFR,
  fakerIT,
  fakerNL,
  fakerSV,
} from "@faker-js/faker"

export const CURRENCIES = ["usd", "eur"] as const
export type Currency = (typeof CURRENCIES)[number]

export type Country = {
  /** ISO 3166-1 alpha-2, lower case, as Medusa stores it. */
  code: string
  currency: Currency
  /** Share of the customer base living there. */
  share: number
  /** Localised faker, so names, streets and postal codes look native. */
  locale: Faker
  /** Whether addresses there carry a state or province. */
  hasProvince: boolean
  emailDomains: string[]
}

const COMMON_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"]

export const COUNTRIES: Country[] = [
  {
    code: "us",
    currency: "usd",
    share: 0.42,
    locale: fakerEN_US,
    hasProvince: true,
    emailDomains: [...COMMON_DOMAINS, "aol.com", "hotmail.com"],
  },
  {
    code: "ca",
    currency: "usd",
    share: 0.06,
    locale: fakerEN_CA,
    hasProvince: true,
    emailDomains: [...COMMON_DOMAINS, "shaw.ca"],
  },
  {
    code: "gb",
    currency: "eur",
    share: 0.1,
    locale: fakerEN_GB,
    hasProvince: false,
    emailDomains: [...COMMON_DOMAINS, "btinternet.com"],
  },
  {
    code: "de",
    currency: "eur",
    share: 0.13,
    locale: fakerDE,
    hasProvince: false,
    emailDomains: [...COMMON_DOMAINS, "web.de", "gmx.de"],
  },
  {
    code: "fr",
    currency: "eur",
    share: 0.1,
    locale: fakerFR,
    hasProvince: false,
    emailDomains: [...COMMON_DOMAINS, "orange.fr", "free.fr"],
  },
  {
    code: "es",
    currency: "eur",
    share: 0.07,
    locale: fakerES,
    hasProvince: true,
    emailDomains: [...COMMON_DOMAINS, "telefonica.es"],
  },
  {
    code: "it",
    currency: "eur",
    share: 0.05,
    locale: fakerIT,
    hasProvince: true,
    emailDomains: [...COMMON_DOMAINS, "libero.it"],
  },
  {
    code: "nl",
    currency: "eur",
    share: 0.04,
    locale: fakerNL,
    hasProvince: false,
    emailDomains: [...COMMON_DOMAINS, "ziggo.nl"],
  },
  {
    code: "se",
    currency: "eur",
    share: 0.03,
    locale: fakerSV,
    hasProvince: false,
    emailDomains: [...COMMON_DOMAINS, "telia.com"],
  },
]

/** Each localised faker keeps its own state, so each needs the seed too. */
export const seedLocales = (seed: number): void => {
  for (const country of COUNTRIES) {
    country.locale.seed(seed)
  }
}
