import type { ImportCustomer, ImportOrder } from "./types"

/** A customer of the file, by the key its orders carry. */
export type ImportCustomerEntry = ImportCustomer & { key: string }

/** An existing Medusa customer that may match a customer of the file. */
export type ExistingCustomer = {
  id: string
  email: string | null
  external_id: string | null
  has_account: boolean
}

export type CustomerMatch = {
  /** Medusa customer id by import key, for the customers that exist. */
  matched: Record<string, string>
  /** Customers of the file that match nobody, to create as guests. */
  missing: ImportCustomerEntry[]
}

/**
 * One entry per customer of the file. Names and email come from the
 * customer's earliest order that has them; the address from the latest
 * order that has one, the likeliest to be current.
 */
export function collectCustomers(orders: ImportOrder[]): ImportCustomerEntry[] {
  const chronological = [...orders].sort(
    (a, b) => +a.placed_at - +b.placed_at || a.lines[0].line - b.lines[0].line
  )
  const entries = new Map<string, ImportCustomerEntry>()
  for (const order of chronological) {
    for (const { customer } of order.lines) {
      const entry = entries.get(order.customer_key)
      if (!entry) {
        entries.set(order.customer_key, {
          ...customer,
          key: order.customer_key,
        })
        continue
      }
      entry.email ??= customer.email
      entry.first_name ??= customer.first_name
      entry.last_name ??= customer.last_name
      entry.address = customer.address ?? entry.address
    }
  }
  return [...entries.values()]
}

/**
 * Matches each customer of the file by email first, then by
 * `metadata.external_id`. Where an email belongs to both a registered
 * customer and a guest, the registered one wins: that is whom the store
 * knows.
 */
export function matchCustomers(
  customers: ImportCustomerEntry[],
  existing: ExistingCustomer[]
): CustomerMatch {
  const byEmail = new Map<string, ExistingCustomer>()
  const byExternalId = new Map<string, ExistingCustomer>()
  for (const candidate of [...existing].sort(
    (a, b) => Number(a.has_account) - Number(b.has_account)
  )) {
    if (candidate.email) {
      byEmail.set(candidate.email.toLowerCase(), candidate)
    }
    if (candidate.external_id) {
      byExternalId.set(candidate.external_id, candidate)
    }
  }

  const matched: Record<string, string> = {}
  const missing: ImportCustomerEntry[] = []
  for (const customer of customers) {
    const found =
      (customer.email && byEmail.get(customer.email)) ||
      (customer.external_id && byExternalId.get(customer.external_id))
    if (found) {
      matched[customer.key] = found.id
    } else {
      missing.push(customer)
    }
  }
  return { matched, missing }
}
