/** Address fields of an import row; all optional in the file. */
export type ImportAddress = {
  country_code: string | null
  province: string | null
  city: string | null
  postal_code: string | null
}

/** Who placed an order, as the file tells it. */
export type ImportCustomer = {
  /** Lower-cased; null when not mapped or empty. */
  email: string | null
  external_id: string | null
  first_name: string | null
  last_name: string | null
  address: ImportAddress | null
}

/** One valid row of the file: an order line with its order's fields. */
export type ImportLine = {
  line: number
  order_id: string
  placed_at: Date
  currency_code: string
  customer: ImportCustomer
  product_id: string | null
  product_title: string | null
  /** Category name or handle as written in the file. */
  category: string | null
  quantity: number
  amount: number
}

/** An order of the file whose every line is valid. */
export type ImportOrder = {
  id: string
  placed_at: Date
  currency_code: string
  /** Key of the customer in `ParsedOrderCsv.customers`. */
  customer_key: string
  email: string | null
  lines: ImportLine[]
}

export type RejectedRow = { line: number; reasons: string[] }

/** What an import did, as the workflow and the admin route answer it. */
export type OrderImportReport = {
  /** Data rows in the file (the header not counted). */
  rows: number
  imported_rows: number
  /** Ordered by line; every row of a rejected order is listed. */
  rejected_rows: RejectedRow[]
  /** Orders written to the read model. */
  orders: number
  customers_matched: number
  customers_created: number
  /** Category names of the file that match no product category. */
  unknown_categories: string[]
}
