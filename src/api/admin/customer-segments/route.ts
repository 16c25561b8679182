import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomerSegmentsWorkflow } from "../../../workflows"
import { containsFilter, refetchCustomerSegment } from "./helpers"
import type {
  AdminCreateCustomerSegmentType,
  AdminGetCustomerSegmentsParamsType,
} from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields as Record<string, unknown>

  const { data: customer_segments, metadata } = await query.graph({
    entity: "customer_segment",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...(typeof q === "string" && q && { name: containsFilter(q) }),
    },
    pagination: req.queryConfig.pagination,
  })

  res.json({
    customer_segments,
    count: metadata?.count ?? customer_segments.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? customer_segments.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCustomerSegmentType>,
  res: MedusaResponse
) => {
  const { result } = await createCustomerSegmentsWorkflow(req.scope).run({
    input: { segments: [req.validatedBody] },
  })

  const customer_segment = await refetchCustomerSegment(
    result[0].id,
    req.scope,
    req.queryConfig.fields
  )
  res.status(200).json({ customer_segment })
}
