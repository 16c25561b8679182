import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOG_CONTEXT } from "../../../../../../modules/customer-segment/constants"
import { prepareMemberExport } from "../../../../../../modules/customer-segment/export"
import type { AdminExportSegmentCustomersParamsType } from "./validators"

/**
 * Streams every member of the segment as CSV, a JSON array or JSON lines,
 * batch by batch, so a segment of any size downloads in flat memory. An
 * unknown segment is a 404 before anything is sent.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<
    unknown,
    AdminExportSegmentCustomersParamsType
  >,
  res: MedusaResponse
) => {
  const { format, bom } = req.validatedQuery
  const memberExport = await prepareMemberExport(req.scope, req.params.id, {
    format,
    bom,
  })

  res.setHeader("Content-Type", memberExport.contentType)
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${memberExport.fileName}"`
  )
  res.setHeader("Cache-Control", "no-store")
  try {
    await memberExport.writeTo(res)
  } catch (error) {
    // The status line has gone out: the writer has already cut the
    // response short, which is all a client can still be told. A client
    // that hangs up lands here too.
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(
      `[${LOG_CONTEXT}] export of segment=${req.params.id} format=${format} stopped: ${(error as Error).message}`
    )
  }
}
