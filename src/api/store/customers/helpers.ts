import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_EVENTS } from "../../../workflows"

/** Throws a 404 unless the product or category exists. */
export async function assertExists(
  scope: MedusaContainer,
  entity: "product" | "product_category",
  id: string
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: ["id"],
    filters: { id },
  })
  if (!data.length) {
    const label = entity === "product" ? "Product" : "Product category"
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `${label} with id: ${id} was not found`
    )
  }
}

/**
 * Tells the plugin's subscriber the customer's browsing changed; the
 * re-evaluation runs after the response, not inside it.
 */
export async function emitActivity(scope: MedusaContainer, customerId: string) {
  await scope.resolve(Modules.EVENT_BUS).emit({
    name: CUSTOMER_SEGMENT_EVENTS.ACTIVITY_RECORDED,
    data: { customer_id: customerId },
  })
}
