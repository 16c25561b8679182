import type { MedusaContainer } from "@medusajs/framework/types"
import { type Io, table, writeJson, writeLine } from "../output"
import { listSegments } from "../segments"

export async function listCommand(
  container: MedusaContainer,
  options: { json?: boolean },
  io: Io
) {
  const segments = await listSegments(container)
  if (options.json) {
    await writeJson(io.stdout, { customer_segments: segments })
    return
  }
  if (!segments.length) {
    await writeLine(io.stdout, "no segments")
    return
  }
  const rows = segments.map((s) => [
    s.id,
    s.name,
    s.is_active ? s.refresh_mode : `${s.refresh_mode} (inactive)`,
    String(s.member_count),
    s.last_refreshed_at ? new Date(s.last_refreshed_at).toISOString() : "never",
  ])
  await writeLine(
    io.stdout,
    table(["ID", "NAME", "MODE", "MEMBERS", "LAST REFRESHED"], rows)
  )
}
