import type { LoaderOptions } from "@medusajs/framework/types"
import { resolveOptions } from "../options"
import type { CustomerSegmentsOptions } from "../types"

export default async function validateOptionsLoader({
  options,
}: LoaderOptions<CustomerSegmentsOptions>) {
  resolveOptions(options)
}
