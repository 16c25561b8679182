import { BROWSING_CONDITIONS } from "./browsing"
import { CART_CONDITIONS } from "./cart"
import { CUSTOMER_CONDITIONS } from "./customer"
import type { ConditionDefinition } from "./definition"
import { ORDER_HISTORY_CONDITIONS } from "./order-history"
import { PURCHASE_CONDITIONS } from "./purchases"
import { SEGMENT_CONDITIONS } from "./segments"

export * from "./definition"

/** Every condition type a rule may use; nothing outside it compiles. */
export const CONDITION_REGISTRY: ReadonlyMap<string, ConditionDefinition> =
  new Map(
    [
      ...CUSTOMER_CONDITIONS,
      ...ORDER_HISTORY_CONDITIONS,
      ...PURCHASE_CONDITIONS,
      ...CART_CONDITIONS,
      ...BROWSING_CONDITIONS,
      ...SEGMENT_CONDITIONS,
    ].map((definition) => [definition.type, definition])
  )
