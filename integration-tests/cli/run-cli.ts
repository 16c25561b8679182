import { spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

export const ROOT = path.resolve(__dirname, "..", "..")

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))

/**
 * The bin's entry point as source: package.json names the build
 * (`.medusa/server/src/cli/index.js`), which `medusa plugin:build` compiles
 * from this file. The tests run the source so they need no build, through
 * ts-node as `medusa` itself loads a store's TypeScript.
 */
export const BIN_SOURCE = path.join(ROOT, "src", "cli", "index.ts")
export const BIN_BUILD = pkg.bin["medusa-segments"] as string

export type CliRun = {
  code: number | null
  stdout: string
  stderr: string
  /** Peak resident set size in MB, when asked for with `measureRss`. */
  peakRssMb?: number
}

/**
 * Runs `medusa-segments args` in a child process against the test store
 * (this repository, whose medusa-config.ts loads the plugin from src/),
 * using the runner's database.
 */
export async function runCli(
  args: string[],
  options: {
    databaseUrl: string
    env?: Record<string, string>
    measureRss?: boolean
  }
): Promise<CliRun> {
  const rssFile = path.join(
    os.tmpdir(),
    `medusa-segments-rss-${process.pid}-${Date.now()}`
  )
  const preload = options.measureRss
    ? ["--require", path.join(__dirname, "report-rss.js")]
    : []
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    // Jest's flags are for Jest; the child is a plain Node process.
    NODE_OPTIONS: undefined,
    // The test run's LOG_LEVEL is for the test store; the CLI has its own.
    LOG_LEVEL: undefined,
    CLI_RSS_FILE: rssFile,
    ...options.env,
  }

  const child = spawn(
    process.execPath,
    [...preload, "--require", "ts-node/register", BIN_SOURCE, ...args],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
  )
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject)
    child.on("close", resolve)
  })

  const run: CliRun = {
    code,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
  }
  if (options.measureRss && fs.existsSync(rssFile)) {
    run.peakRssMb = Math.round(Number(fs.readFileSync(rssFile, "utf8")) / 1024)
    fs.rmSync(rssFile)
  }
  return run
}
