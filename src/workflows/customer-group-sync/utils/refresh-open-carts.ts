import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { LOG_CONTEXT } from "../../../modules/customer-segment/constants"

/**
 * Re-prices the open carts of customers whose segments changed and
 * recomputes their promotions, so a customer who joins or leaves a segment
 * sees its price list and promotions at once, not at their next cart edit.
 * Returns how many carts were refreshed.
 */
export async function refreshOpenCarts(
  container: MedusaContainer,
  customerIds: string[]
): Promise<number> {
  if (!customerIds.length) {
    return 0
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id"],
    filters: { customer_id: customerIds, completed_at: null },
  })

  let refreshed = 0
  for (const cart of carts) {
    try {
      await refreshCartItemsWorkflow(container).run({
        input: { cart_id: cart.id, force_refresh: true },
      })
      refreshed += 1
    } catch (error) {
      // One cart that cannot be refreshed (being completed right now, say)
      // must not keep the other customers' carts at their old prices; it is
      // refreshed anyway at its next change.
      logger.warn(
        `[${LOG_CONTEXT}] could not refresh cart=${cart.id} after a segment change: ${describe(error)}`
      )
    }
  }
  return refreshed
}

// Workflow failures arrive as plain objects with a message, not Errors.
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === "string" ? message : JSON.stringify(error)
}
