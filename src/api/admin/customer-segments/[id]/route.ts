import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  deleteCustomerSegmentsWorkflow,
  updateCustomerSegmentsWorkflow,
} from "../../../../workflows"
import { refetchCustomerSegment } from "../helpers"
import type {
  AdminReplaceCustomerSegmentType,
  AdminUpdateCustomerSegmentType,
} from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const customer_segment = await refetchCustomerSegment(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ customer_segment })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCustomerSegmentType>,
  res: MedusaResponse
) => {
  await update(req.params.id, req.validatedBody, req)
  const customer_segment = await refetchCustomerSegment(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ customer_segment })
}

/** A full replacement, for clients that expect PUT; same result as POST. */
export const PUT = async (
  req: AuthenticatedMedusaRequest<AdminReplaceCustomerSegmentType>,
  res: MedusaResponse
) => {
  await update(
    req.params.id,
    {
      description: null,
      refresh_mode: "manual",
      cron: null,
      is_active: true,
      audience: "all",
      metadata: null,
      ...req.validatedBody,
    },
    req
  )
  const customer_segment = await refetchCustomerSegment(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ customer_segment })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.params.id, req.scope, ["id"])
  await deleteCustomerSegmentsWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({ id: req.params.id, object: "customer_segment", deleted: true })
}

async function update(
  id: string,
  body: AdminUpdateCustomerSegmentType,
  req: AuthenticatedMedusaRequest
) {
  await refetchCustomerSegment(id, req.scope, ["id"])
  await updateCustomerSegmentsWorkflow(req.scope).run({
    input: { ids: [id], update: body },
  })
}
