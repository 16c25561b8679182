import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  toOrderHistory,
  type OrderCsvMapping,
  type OrderImportReport,
} from "../../../modules/customer-segment/import"
import { createImportCustomersStep } from "../steps/create-import-customers"
import { matchImportCustomersStep } from "../steps/match-import-customers"
import { parseOrderCsvStep } from "../steps/parse-order-csv"
import { resolveImportCategoriesStep } from "../steps/resolve-import-categories"
import { writeOrderHistoryStep } from "../steps/write-order-history"

export type ImportOrderHistoryWorkflowInput = {
  /** The whole file; one row per order line, header first. */
  csv: string
  /** Which columns hold what; see docs/IMPORT.md. */
  mapping: OrderCsvMapping
}

export const importOrderHistoryWorkflowId = "import-order-history"

/**
 * Imports past orders from a CSV of order lines into the order-history read
 * model, so segments see the years of orders a store had before Medusa.
 * Customers are matched by email, then by `metadata.external_id`, and the
 * rest created as guests. Importing the same file again replaces its orders
 * and matches the customers it created, so it changes nothing.
 *
 * An order with a rejected row is rejected whole; the report lists every
 * row of it. If writing fails, created customers are deleted and the read
 * model is put back as it was.
 *
 * Not done: customers are not updated from the file (a matched customer
 * keeps their name and addresses), and two imports of the same new
 * customers running at once can create them twice.
 *
 * @example
 * const { result } = await importOrderHistoryWorkflow(container).run({
 *   input: {
 *     csv,
 *     mapping: {
 *       columns: {
 *         order_id: "Order ID",
 *         order_date: "Order Date",
 *         customer_external_id: "Customer ID",
 *         amount: "Sales",
 *       },
 *       date_formats: ["M/d/yyyy"],
 *       currency_code: "usd",
 *     },
 *   },
 * })
 * // result: { rows, imported_rows, rejected_rows, orders, ... }
 */
export const importOrderHistoryWorkflow = createWorkflow(
  importOrderHistoryWorkflowId,
  (input: ImportOrderHistoryWorkflowInput) => {
    const parsed = parseOrderCsvStep(input)
    const categories = resolveImportCategoriesStep(parsed.category_names)
    const match = matchImportCustomersStep(parsed.customers)
    const createdIds = createImportCustomersStep(match.missing)

    const orders = transform(
      { parsed, match, createdIds, categories },
      ({ parsed, match, createdIds, categories }) =>
        toOrderHistory(
          parsed.orders,
          { ...match.matched, ...createdIds },
          categories.ids
        )
    )
    writeOrderHistoryStep({ orders })

    const report = transform(
      { parsed, match, createdIds, categories },
      ({ parsed, match, createdIds, categories }): OrderImportReport => ({
        rows: parsed.rows,
        imported_rows: parsed.orders.reduce((n, o) => n + o.lines.length, 0),
        rejected_rows: parsed.rejected_rows,
        orders: parsed.orders.length,
        customers_matched: Object.keys(match.matched).length,
        customers_created: Object.keys(createdIds).length,
        unknown_categories: categories.unknown,
      })
    )
    return new WorkflowResponse(report)
  }
)
