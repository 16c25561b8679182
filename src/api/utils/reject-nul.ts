import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Refuses the NUL character anywhere in a request's path, query or body.
 * Postgres cannot store it in text, so it would otherwise surface as a 500
 * from whichever statement first met it.
 */
export function rejectNul(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const found =
    findNul(req.params, "params") ??
    findNul(req.query, "query") ??
    findNul(req.body, "body")
  if (found) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${found} must not contain the NUL character (U+0000)`
      )
    )
  }
  next()
}

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") {
    return value.includes("\u0000") ? path : null
  }
  if (depth > 50 || typeof value !== "object" || value === null) {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes("\u0000")) {
      return `${path} key`
    }
    const found = findNul(child, `${path}.${key}`, depth + 1)
    if (found) {
      return found
    }
  }
  return null
}
