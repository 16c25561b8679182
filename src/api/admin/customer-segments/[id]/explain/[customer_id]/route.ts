import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../../modules/customer-segment"
import type CustomerSegmentModuleService from "../../../../../../modules/customer-segment/service"
import { refetchCustomerSegment } from "../../../helpers"
import { explainedCustomerFields } from "./query-config"

/**
 * Why a customer is or is not in the segment: every condition of its rule
 * evaluated for that customer by the refresh's compiler, with the values
 * compared, and the customer's own attributes for conditions on them.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { id, customer_id } = req.params
  await refetchCustomerSegment(id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: explainedCustomerFields,
    filters: { id: customer_id },
  })
  if (!customer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customer_id} was not found`
    )
  }

  const service: CustomerSegmentModuleService = req.scope.resolve(
    CUSTOMER_SEGMENT_MODULE
  )
  const explanation = await service.explainSegmentCustomer(id, customer_id)
  const {
    data: [membership],
  } = await query.graph({
    entity: "customer_segment_membership",
    fields: ["created_at"],
    filters: { segment_id: id, customer_id },
  })

  res.json({
    explanation: {
      ...explanation,
      is_member: !!membership,
      member_since: membership?.created_at ?? null,
      customer,
    },
  })
}
