import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { customersByExternalId } from "../../../modules/customer-segment/adapter/medusa-tables"
import {
  matchCustomers,
  type ExistingCustomer,
  type ImportCustomerEntry,
} from "../../../modules/customer-segment/import"

export const matchImportCustomersStepId = "match-import-customers"

// Each email is one bind parameter of an `IN` list, and Postgres allows
// 65,535 per statement.
const EMAIL_BATCH = 5000

/**
 * Finds the Medusa customers the file's customers already are: by email
 * through the customer module, then by `metadata.external_id`, each in bulk.
 * Those found by neither are returned for creation.
 */
export const matchImportCustomersStep = createStep(
  matchImportCustomersStepId,
  async (customers: ImportCustomerEntry[], { container }) => {
    const emails = unique(customers.map((c) => c.email))
    const externalIds = unique(customers.map((c) => c.external_id))

    const existing = [
      ...(await byEmail(container, emails)),
      ...(await byExternalId(container, externalIds)),
    ]

    return new StepResponse(matchCustomers(customers, existing))
  }
)

async function byEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<ExistingCustomer[]> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const found: ExistingCustomer[] = []
  for (let i = 0; i < emails.length; i += EMAIL_BATCH) {
    const customers = await customerModule.listCustomers(
      { email: emails.slice(i, i + EMAIL_BATCH) },
      { select: ["id", "email", "has_account", "metadata"] }
    )
    for (const c of customers) {
      const externalId = c.metadata?.external_id
      found.push({
        id: c.id,
        email: c.email,
        has_account: c.has_account,
        external_id: typeof externalId === "string" ? externalId : null,
      })
    }
  }
  return found
}

async function byExternalId(
  container: MedusaContainer,
  externalIds: string[]
): Promise<ExistingCustomer[]> {
  if (!externalIds.length) {
    return []
  }
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { text, bindings } = customersByExternalId(externalIds).toKnex()
  const result = await knex.raw(text, bindings as Knex.RawBinding[])
  return result.rows as ExistingCustomer[]
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))]
}
