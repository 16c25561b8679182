import { createRequire } from "module"
import path from "path"
import { Writable } from "stream"

/**
 * Prepares the process the way `medusa` (@medusajs/cli/cli.js) does before
 * it loads a store: TypeScript for `medusa-config.ts` and the store's own
 * code, then `.env`. Each comes from the store's node_modules when it has
 * it; a built store (`NODE_ENV=production`) needs none of them.
 */
export function prepareStoreProcess(cwd: string): void {
  const fromStore = createRequire(path.join(cwd, "package.json"))
  const ts = Symbol.for("ts-node.register.instance")
  if (!(process as unknown as Record<symbol, unknown>)[ts]) {
    tryRequire(fromStore, "ts-node", (m) => m.register({}))
    tryRequire(fromStore, "tsconfig-paths", (m) => m.register({}))
  }
  tryRequire(fromStore, "dotenv", (m) => m.config())

  // As `medusa exec`: no background job or event workers in this process.
  process.env.MEDUSA_WORKER_MODE = "server"
  // Medusa logs every module it loads; a command run from cron or a deploy
  // step should say only what it did. LOG_LEVEL=info brings the rest back.
  process.env.LOG_LEVEL ??= "error"
}

function tryRequire(
  fromStore: NodeRequire,
  name: string,
  use: (m: any) => void
) {
  let resolved: string
  try {
    resolved = fromStore.resolve(name)
  } catch {
    return
  }
  use(fromStore(resolved))
}

/**
 * Keeps stdout for this command's own output (an export, `--json`) and
 * sends everything else written to it to stderr: Medusa's logger (winston's
 * console transport) and any module loaded with the store write to stdout,
 * and a line of theirs in the middle of a CSV would corrupt it.
 *
 * Returns a stream to the real stdout; it waits for each write to be
 * flushed, so piping a large export into it keeps memory flat.
 */
export function claimStdout(): Writable & { isTTY: boolean } {
  const stdout = process.stdout
  const write = stdout.write.bind(stdout)
  stdout.write = process.stderr.write.bind(
    process.stderr
  ) as typeof stdout.write

  const stream = new Writable({
    write(chunk, _encoding, callback) {
      write(chunk, (error) => callback(error ?? null))
    },
  })
  return Object.assign(stream, { isTTY: Boolean(stdout.isTTY) })
}
