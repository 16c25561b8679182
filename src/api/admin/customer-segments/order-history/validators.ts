import { z } from "@medusajs/framework/zod"
import { orderCsvMappingSchema } from "../../../../modules/customer-segment/import"

export const AdminImportOrderHistory = z
  .object({
    csv: z.string().min(1, "must hold the CSV file, header first"),
    mapping: orderCsvMappingSchema,
  })
  .strict()
export type AdminImportOrderHistoryType = z.infer<
  typeof AdminImportOrderHistory
>
