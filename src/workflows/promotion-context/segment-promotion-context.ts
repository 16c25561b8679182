import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../modules/customer-segment/service"

/**
 * Stand-in group and segment ids for a customer in none (or a cart without
 * a customer). Medusa 2.21 drops every automatic promotion with a rule on an
 * attribute the cart context lacks before it evaluates a single rule
 * (`buildPromotionRuleQueryFilterFromContext` in @medusajs/promotion), so
 * "not in group X" never reaches a customer in no group; with a stand-in id
 * the attribute is present, `ne` holds and `in` still fails. Reported
 * upstream as medusajs/medusa#14168, whose fix (#14172) covers coded
 * promotions only.
 */
export const NO_GROUP_ID = "medusa-customer-segments:no-group"
export const NO_SEGMENT_ID = "medusa-customer-segments:no-segment"

type ContextCustomer = {
  id?: string | null
  groups?: ({ id: string } | null)[] | null
  [key: string]: unknown
}

export type SegmentPromotionContext = {
  customer: ContextCustomer & {
    groups: { id: string }[]
    segments: { id: string }[]
  }
}

/**
 * What the plugin adds to a promotion context: `customer.segments.id`, the
 * segments the customer is a member of now, and a `customer.groups.id`
 * that is never missing. Returns the whole `customer`, because Medusa
 * merges a hook's result into the context one level deep.
 */
export async function buildSegmentPromotionContext(
  container: MedusaContainer,
  customer: ContextCustomer | null | undefined
): Promise<SegmentPromotionContext> {
  const service: CustomerSegmentModuleService = container.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const segmentIds = customer?.id
    ? await service.listSegmentIdsOfCustomers([customer.id])
    : []
  const groups = (customer?.groups ?? []).filter(
    (group): group is { id: string } => !!group?.id
  )

  return {
    customer: {
      ...(customer ?? {}),
      groups: groups.length ? groups : [{ id: NO_GROUP_ID }],
      segments: (segmentIds.length ? segmentIds : [NO_SEGMENT_ID]).map(
        (id) => ({ id })
      ),
    },
  }
}

/**
 * A handler for `updateCartPromotionsWorkflow.hooks.setPromotionContext`.
 * Not registered by the plugin: Medusa allows one handler per hook in a
 * store, so registering it here would break every store that has its own.
 * Register it in the store (`src/workflows/hooks/promotion-context.ts`), or
 * call `buildSegmentPromotionContext` from the store's own handler.
 *
 * @example
 * import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
 * import { segmentPromotionContext } from "medusa-customer-segments/workflows"
 *
 * updateCartPromotionsWorkflow.hooks.setPromotionContext(
 *   segmentPromotionContext
 * )
 */
export async function segmentPromotionContext(
  { cart }: { cart: { customer?: ContextCustomer | null } },
  { container }: { container: MedusaContainer }
) {
  return new StepResponse(
    await buildSegmentPromotionContext(container, cart.customer)
  )
}
