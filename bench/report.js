"use strict"

const COLUMNS = [
  ["size (orders)", (r) => r.orders],
  ["customers", (r) => r.customers],
  ["shape", (r) => r.shape],
  ["members", (r) => (r.mismatch ? `${r.members} MISMATCH` : r.members)],
  ["refresh s (first)", (r) => r.first_s.toFixed(3)],
  ["refresh s (no-op)", (r) => r.noop_s.toFixed(3)],
  ["floor s", (r) => r.floor_s.toFixed(3)],
  ["ratio", (r) => `${(r.first_s / r.floor_s).toFixed(1)}x`],
  ["peak RSS MB", (r) => r.peak_rss_mb.toFixed(0)],
]

const NUMERIC = new Set([0, 1, 3, 4, 5, 6, 7, 8])

function cells(rows) {
  return rows.map((r) => COLUMNS.map(([, get]) => String(get(r))))
}

/** The results as a fixed-width table for the terminal. */
function textTable(rows) {
  const body = cells(rows)
  const header = COLUMNS.map(([name]) => name)
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i].length))
  )
  const line = (row) =>
    row
      .map((cell, i) =>
        NUMERIC.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])
      )
      .join("  ")
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
  ].join("\n")
}

/** The results as a GitHub-flavoured markdown table. */
function markdownTable(rows) {
  const header = COLUMNS.map(([name]) => name)
  const align = header.map((_, i) => (NUMERIC.has(i) ? "---:" : "---"))
  return [header, align, ...cells(rows)]
    .map((row) => `| ${row.join(" | ")} |`)
    .join("\n")
}

module.exports = { textTable, markdownTable }
