/** What a segment export can be written as. */
export const EXPORT_FORMATS = ["csv", "json", "ndjson"] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
} as const satisfies Record<ExportFormat, string>
