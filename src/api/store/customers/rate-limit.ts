import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { RateLimiterMemory } from "rate-limiter-flexible"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"

let limiter: RateLimiterMemory | null = null

/**
 * Caps how many views and wishlist changes one customer records per minute,
 * so a misbehaving storefront cannot flood the activity table. Counted per
 * server process: with N servers a customer gets N times the budget.
 */
export async function activityRateLimit(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const { ratePerMinute } = service.getOptions().activity
  limiter ??= new RateLimiterMemory({ points: ratePerMinute, duration: 60 })

  try {
    await limiter.consume(req.auth_context.actor_id)
    next()
  } catch (rejection) {
    if (rejection instanceof Error) {
      return next(rejection)
    }
    const seconds = Math.ceil(
      ((rejection as { msBeforeNext?: number }).msBeforeNext ?? 60000) / 1000
    )
    res.setHeader("Retry-After", String(seconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `At most ${ratePerMinute} views and wishlist changes a minute are recorded per customer; retry in ${seconds} s`,
    })
  }
}
