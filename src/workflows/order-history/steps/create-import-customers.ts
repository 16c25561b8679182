import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportCustomerEntry } from "../../../modules/customer-segment/import"

export const createImportCustomersStepId = "create-import-customers"

/**
 * Creates the file's unknown customers as guests (no account), keeping the
 * file's customer id in `metadata.external_id` so the next import of the
 * same file finds them. Returns their ids by import key. Compensation
 * deletes them.
 */
export const createImportCustomersStep = createStep(
  createImportCustomersStepId,
  async (customers: ImportCustomerEntry[], { container }) => {
    if (!customers.length) {
      return new StepResponse({} as Record<string, string>, [])
    }
    const customerModule = container.resolve(Modules.CUSTOMER)

    const created = await customerModule.createCustomers(
      customers.map((c) => ({
        email: c.email,
        first_name: c.first_name,
        last_name: c.last_name,
        has_account: false,
        metadata: c.external_id ? { external_id: c.external_id } : undefined,
        addresses: c.address
          ? [
              {
                first_name: c.first_name,
                last_name: c.last_name,
                ...c.address,
              },
            ]
          : [],
      }))
    )

    // createCustomers returns the customers in the order they were given.
    const ids: Record<string, string> = {}
    customers.forEach((c, i) => (ids[c.key] = created[i].id))
    return new StepResponse(
      ids,
      created.map((c) => c.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    await customerModule.deleteCustomers(createdIds)
  }
)
