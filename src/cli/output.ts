import type { Writable } from "stream"

/** Where a command writes: stdout for its result, stderr for the rest. */
export type Io = {
  stdout: Writable & { isTTY: boolean }
  stderr: Writable
}

export const writeLine = (stream: Writable, text = "") =>
  new Promise<void>((resolve, reject) =>
    stream.write(`${text}\n`, (error) => (error ? reject(error) : resolve()))
  )

export const writeJson = (stream: Writable, value: unknown) =>
  writeLine(stream, JSON.stringify(value, null, 2))

export const seconds = (ms: number) => Math.round(ms) / 1000

/** Left-aligned columns, two spaces apart, header first. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i].length))
  )
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd()
    )
    .join("\n")
}
