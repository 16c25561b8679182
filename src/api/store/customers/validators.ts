import { z } from "@medusajs/framework/zod"
import { findParams } from "../../utils/find-params"

const id = z.string().min(1).max(200)

const NEEDS = {
  product_view: "product_id",
  category_view: "category_id",
} as const

// A flat object rather than a discriminated union, whose only message for a
// wrong `type` is "Invalid input"; strict before the refinement, which
// Medusa's validator would otherwise not make strict.
export const StoreRecordActivity = z
  .object({
    type: z.enum(["product_view", "category_view"]),
    product_id: id.optional(),
    category_id: id.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const needed = NEEDS[body.type]
    const other = needed === "product_id" ? "category_id" : "product_id"
    if (!body[needed]) {
      ctx.addIssue({
        code: "custom",
        path: [needed],
        message: `${needed} is required when type is ${body.type}`,
      })
    }
    if (body[other]) {
      ctx.addIssue({
        code: "custom",
        path: [other],
        message: `${other} is not allowed when type is ${body.type}`,
      })
    }
  })
export type StoreRecordActivityType = z.infer<typeof StoreRecordActivity>

export const StoreAddWishlistItem = z.object({ product_id: id })
export type StoreAddWishlistItemType = z.infer<typeof StoreAddWishlistItem>

export const StoreGetWishlistParams = findParams({ limit: 50, sortable: [] })
export type StoreGetWishlistParamsType = z.infer<typeof StoreGetWishlistParams>
