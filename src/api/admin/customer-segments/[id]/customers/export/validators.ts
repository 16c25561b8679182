import { z } from "@medusajs/framework/zod"
import { EXPORT_FORMATS } from "../../../../../../modules/customer-segment/export"

export const AdminExportSegmentCustomersParams = z
  .object({
    format: z.enum(EXPORT_FORMATS).default("csv"),
    /** Start a CSV with a UTF-8 byte-order mark, for Excel. */
    bom: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
  })
  .strict()
export type AdminExportSegmentCustomersParamsType = z.infer<
  typeof AdminExportSegmentCustomersParams
>
