import { spawn, spawnSync, type ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

const ROOT = path.resolve(__dirname, "..", "..")
const CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")

export const REDIS_URL =
  process.env.SEGMENTS_REDIS_URL || "redis://127.0.0.1:6379"

/**
 * Whether Redis answers, decided before any test is declared so that the
 * whole file can be skipped: Jest has no top-level await here.
 */
export function redisReachable(url = REDIS_URL): boolean {
  const { hostname, port } = new URL(url)
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const s = require("net").connect(${Number(port) || 6379}, ${JSON.stringify(hostname)});
       s.on("connect", () => { s.write("PING\\r\\n") });
       s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
       s.on("error", () => process.exit(1));
       setTimeout(() => process.exit(1), 1000);`,
    ],
    { timeout: 3000 }
  )
  return probe.status === 0
}

function pgConnection(database = "postgres") {
  return new Client({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database,
  })
}

export function databaseUrl(database: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD
    ? `:${encodeURIComponent(process.env.DB_PASSWORD)}`
    : ""
  const host = process.env.DB_HOST || "localhost"
  const port = process.env.DB_PORT || "5432"
  return `postgres://${user}${password}@${host}:${port}/${database}`
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type MedusaProcess = {
  name: string
  port: number
  child: ChildProcess
  /** Everything the process printed so far. */
  output: () => string
}

/**
 * A store of its own, outside the repository: `medusa develop` restarts when
 * files in the project change, and Medusa writes generated types into the
 * store directory. `src` and `node_modules` are the plugin's, so the store
 * loads the plugin's module, subscribers, jobs and routes from source.
 */
export class TwoProcessStore {
  readonly run = `${process.pid}-${Date.now().toString(36)}`
  readonly database = `medusa-segments-redis-${this.run}`
  directory = ""
  readonly processes: MedusaProcess[] = []
  private databaseCreated = false

  async prepare() {
    this.directory = fs.mkdtempSync(
      path.join(os.tmpdir(), "medusa-segments-redis-")
    )
    for (const entry of [
      "src",
      "node_modules",
      "tsconfig.json",
      "package.json",
    ]) {
      fs.symlinkSync(path.join(ROOT, entry), path.join(this.directory, entry))
    }
    fs.copyFileSync(
      path.join(__dirname, "medusa-config.ts"),
      path.join(this.directory, "medusa-config.ts")
    )

    const client = pgConnection()
    await client.connect()
    try {
      await client.query(`CREATE DATABASE "${this.database}"`)
      this.databaseCreated = true
    } finally {
      await client.end()
    }

    const migrate = await this.exec(["db:migrate"], "worker")
    if (migrate.code !== 0) {
      throw new Error(`medusa db:migrate failed:\n${migrate.output}`)
    }
  }

  /** Runs Postgres statements against the store's database. */
  async sql<T = Record<string, unknown>>(
    text: string,
    values: unknown[] = []
  ): Promise<T[]> {
    const client = pgConnection(this.database)
    await client.connect()
    try {
      return (await client.query(text, values)).rows as T[]
    } finally {
      await client.end()
    }
  }

  env(workerMode: "server" | "worker"): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl(this.database),
      SEGMENTS_REDIS_URL: REDIS_URL,
      SEGMENTS_REDIS_RUN: this.run,
      MEDUSA_WORKER_MODE: workerMode,
      MEDUSA_DISABLE_TELEMETRY: "true",
      // The worker's log shows which process refreshed a segment.
      LOG_LEVEL: "info",
      NODE_ENV: "development",
    }
    // Jest's own flags must not reach the store's Node.
    delete env.NODE_OPTIONS
    return env
  }

  private exec(args: string[], workerMode: "server" | "worker") {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd: this.directory,
        env: this.env(workerMode),
      })
      let output = ""
      child.stdout.on("data", (chunk) => (output += chunk))
      child.stderr.on("data", (chunk) => (output += chunk))
      child.on("exit", (code) => resolve({ code, output }))
    })
  }

  /**
   * Starts `medusa start` from source, as `medusa develop` does for its
   * child but without the file watcher, and waits for /health.
   */
  async start(workerMode: "server" | "worker"): Promise<MedusaProcess> {
    const port = await freePort()
    const child = spawn(
      process.execPath,
      [CLI, "start", "--port", String(port)],
      {
        cwd: this.directory,
        env: this.env(workerMode),
        // Its own process group, so stopping it stops anything it forked.
        detached: true,
      }
    )
    let output = ""
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    const started: MedusaProcess = {
      name: workerMode,
      port,
      child,
      output: () => output,
    }
    this.processes.push(started)

    const deadline = Date.now() + 90000
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`medusa start (${workerMode}) exited:\n${output}`)
      }
      const healthy = await fetch(`http://127.0.0.1:${port}/health`)
        .then((response) => response.ok)
        .catch(() => false)
      if (healthy) {
        return started
      }
      if (Date.now() > deadline) {
        throw new Error(
          `medusa start (${workerMode}) never answered:\n${output}`
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  /** Stops the processes this store started, then drops its database. */
  async stop() {
    await Promise.all(this.processes.map(stopProcess))
    if (this.databaseCreated) {
      const client = pgConnection()
      await client.connect()
      try {
        await client.query(
          `DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`
        )
      } finally {
        await client.end()
      }
    }
    if (this.directory) {
      fs.rmSync(this.directory, { recursive: true, force: true })
    }
  }
}

async function stopProcess({ child }: MedusaProcess) {
  if (child.exitCode !== null || child.pid === undefined) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group is already gone.
    }
  }
  signal("SIGTERM")
  const timer = setTimeout(() => signal("SIGKILL"), 5000)
  await exited
  clearTimeout(timer)
}
