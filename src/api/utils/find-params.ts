import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/** The largest page any list of the plugin answers. */
export const MAX_LIMIT = 1000

/**
 * Medusa's list parameters with bounds: `limit` 1-1000, `offset` from 0 and
 * `order` one of `sortable` (with `-` for descending), each refused with a
 * 400 naming the value and what is allowed, where Medusa's own would pass a
 * negative limit or an unknown field to the database.
 */
export function findParams({
  limit,
  sortable,
}: {
  limit: number
  sortable: readonly string[]
}) {
  return createFindParams({ limit, offset: 0 }).extend({
    limit: z.coerce
      .number({
        error: (i) => `limit ${JSON.stringify(i.input)} is not a number`,
      })
      .int()
      .min(1, `limit must be between 1 and ${MAX_LIMIT}`)
      .max(MAX_LIMIT, `limit must be between 1 and ${MAX_LIMIT}`)
      .default(limit),
    offset: z.coerce
      .number({
        error: (i) => `offset ${JSON.stringify(i.input)} is not a number`,
      })
      .int()
      .min(0, "offset must not be negative")
      .default(0),
    order: z
      .string()
      .refine((value) => sortable.includes(value.replace(/^-/, "")), {
        error: (i) =>
          sortable.length
            ? `order ${JSON.stringify(i.input)} is not sortable; allowed: ${sortable.join(", ")} (prefix - for descending)`
            : `order ${JSON.stringify(i.input)}: this list has a fixed order`,
      })
      .optional(),
  })
}
