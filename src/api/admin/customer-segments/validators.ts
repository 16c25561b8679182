import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { findParams } from "../../utils/find-params"
import { isCron } from "../../../modules/customer-segment/scheduling/cron"
import {
  AUDIENCES,
  REFRESH_MODES,
} from "../../../modules/customer-segment/constants"

const cron = z
  .string()
  .trim()
  .refine(isCron, {
    error: (issue) =>
      `cron ${JSON.stringify(issue.input)} is not a five-field cron expression such as "0 2 * * *"`,
  })

/** The rule itself is checked against the condition registry by the module. */
const rule = z.record(z.string(), z.unknown(), {
  error: "rule must be an object: { match, conditions }",
})

const segmentFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  rule,
  refresh_mode: z.enum(REFRESH_MODES).optional(),
  cron: cron.nullish(),
  is_active: z.boolean().optional(),
  audience: z.enum(AUDIENCES).optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminGetCustomerSegmentParams = createSelectParams()
export type AdminGetCustomerSegmentParamsType = z.infer<
  typeof AdminGetCustomerSegmentParams
>

export const AdminGetCustomerSegmentsParams = findParams({
  limit: 20,
  sortable: [
    "name",
    "created_at",
    "updated_at",
    "member_count",
    "last_refreshed_at",
    "refresh_mode",
    "is_active",
  ],
}).extend({
  q: z.string().max(200).optional(),
  refresh_mode: z
    .union([z.enum(REFRESH_MODES), z.array(z.enum(REFRESH_MODES))])
    .optional(),
  is_active: z
    .preprocess(
      (v) => (v === "true" ? true : v === "false" ? false : v),
      z.boolean()
    )
    .optional(),
  audience: z.union([z.enum(AUDIENCES), z.array(z.enum(AUDIENCES))]).optional(),
  // Which segments a promotion's or price list's group rules target.
  customer_group_id: z.union([z.string(), z.array(z.string())]).optional(),
})
export type AdminGetCustomerSegmentsParamsType = z.infer<
  typeof AdminGetCustomerSegmentsParams
>

export const AdminCreateCustomerSegment = z.object(segmentFields)
export type AdminCreateCustomerSegmentType = z.infer<
  typeof AdminCreateCustomerSegment
>

export const AdminUpdateCustomerSegment = z.object({
  name: segmentFields.name.optional(),
  description: segmentFields.description,
  rule: rule.optional(),
  refresh_mode: segmentFields.refresh_mode,
  cron: segmentFields.cron,
  is_active: segmentFields.is_active,
  audience: segmentFields.audience,
  metadata: segmentFields.metadata,
})
export type AdminUpdateCustomerSegmentType = z.infer<
  typeof AdminUpdateCustomerSegment
>

/** PUT replaces the segment: the fields that define it are required. */
export const AdminReplaceCustomerSegment = AdminCreateCustomerSegment
export type AdminReplaceCustomerSegmentType = AdminCreateCustomerSegmentType

export const AdminPreviewCustomerSegment = z.object({
  rule,
  audience: z.enum(AUDIENCES).optional(),
  /** Also report how many customers the rule would add to and remove from it. */
  segment_id: z.string().optional(),
  limit: z.number().int().min(0).max(100).optional(),
})
export type AdminPreviewCustomerSegmentType = z.infer<
  typeof AdminPreviewCustomerSegment
>

export const AdminGetSegmentCustomersParams = findParams({
  limit: 20,
  sortable: [],
}).extend({
  /** Members whose name, email, phone or company contains this. */
  q: z.string().max(200).optional(),
})
export type AdminGetSegmentCustomersParamsType = z.infer<
  typeof AdminGetSegmentCustomersParams
>
