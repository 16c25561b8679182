import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer-segment"
import {
  parseOrderCsv,
  validateOrderCsvMapping,
} from "../../../modules/customer-segment/import"
import type CustomerSegmentModuleService from "../../../modules/customer-segment/service"

export const parseOrderCsvStepId = "parse-order-csv"

export type ParseOrderCsvStepInput = {
  csv: string
  /** Validated here, so the workflow refuses a bad mapping from any caller. */
  mapping: unknown
}

/**
 * Validates the mapping and reads the CSV into orders, the customers who
 * placed them and the rejected rows. Dates without a mapping timezone are
 * read in the plugin's `timezone`. Writes nothing.
 */
export const parseOrderCsvStep = createStep(
  parseOrderCsvStepId,
  async (input: ParseOrderCsvStepInput, { container }) => {
    const mapping = validateOrderCsvMapping(input.mapping)
    const service: CustomerSegmentModuleService = container.resolve(
      CUSTOMER_SEGMENT_MODULE
    )
    const { timezone } = service.getOptions()

    return new StepResponse(parseOrderCsv(input.csv, mapping, timezone))
  }
)
