import type {
  ICustomerModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { GROUP_WRITE_BATCH } from "../constants"

export type GroupPair = { customer_group_id: string; customer_id: string }

/**
 * Customers in a group, through the customer module; with `customerIds`,
 * only those of them. A customer added twice by hand appears once.
 */
export async function listGroupMemberIds(
  container: MedusaContainer,
  groupId: string,
  customerIds?: string[]
): Promise<Set<string>> {
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  const rows = await customerModule.listCustomerGroupCustomers(
    customerIds
      ? { customer_group_id: groupId, customer_id: customerIds }
      : { customer_group_id: groupId },
    { select: ["customer_id"], take: null }
  )
  return new Set(rows.map((row) => row.customer_id))
}

/** Adds pairs through the customer module, a batch at a time. */
export async function addToGroups(
  container: MedusaContainer,
  pairs: GroupPair[]
): Promise<void> {
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  for (let i = 0; i < pairs.length; i += GROUP_WRITE_BATCH) {
    await customerModule.addCustomerToGroup(
      pairs.slice(i, i + GROUP_WRITE_BATCH)
    )
  }
}

/** Removes pairs (every copy of a duplicated one), a batch at a time. */
export async function removeFromGroups(
  container: MedusaContainer,
  pairs: GroupPair[]
): Promise<void> {
  const customerModule: ICustomerModuleService = container.resolve(
    Modules.CUSTOMER
  )
  for (let i = 0; i < pairs.length; i += GROUP_WRITE_BATCH) {
    await customerModule.removeCustomerFromGroup(
      pairs.slice(i, i + GROUP_WRITE_BATCH)
    )
  }
}
