"use strict"

// Boots a small Medusa store for the browser test: a fresh database, the
// migrations, integration-tests/browser/seed.ts, an admin user, then
// `medusa start` in development mode, which serves this repository's admin
// extensions at /app straight from src/admin through Vite. That is what
// `medusa develop` forks, without develop's file watcher, which would
// restart the server at every log line or screenshot written here. Every
// step's output goes to a log file in integration-tests/browser/artifacts.

const { spawn } = require("child_process")
const fs = require("fs")
const net = require("net")
const path = require("path")
const { Client } = require("pg")
const { createDatabase, ensurePostgres } = require("../../scripts/pg")

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const ARTIFACTS = path.join(__dirname, "artifacts")
// One database per run, so two runs on one machine never share one.
const DB_NAME = `medusa_segments_browser_${process.pid}`

const ADMIN = { email: "admin@example.com", password: "supersecret" }

function medusa(args, env, log) {
  const out = fs.openSync(path.join(ARTIFACTS, log), "w")
  return spawn(MEDUSA, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  })
}

function run(args, env, log) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = medusa(args, env, log)
    child.on("error", reject)
    child.on("exit", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        resolve(Number(seconds))
      } else {
        reject(
          new Error(
            `medusa ${args[0]} exited ${code} after ${seconds} s; see ${path.join(ARTIFACTS, log)}`
          )
        )
      }
    })
  })
}

async function waitFor(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`medusa start exited ${child.exitCode} while starting`)
    }
    try {
      const response = await fetch(url)
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

async function dropDatabase(pg) {
  const client = new Client({ connectionString: pg.url("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists "${DB_NAME}" with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * A port nothing listens on now, so the health check below can only be
 * answered by the server started here (another store, a demo or a stale
 * server on a fixed port would answer it too).
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts the store on `port` (a free one when left out) with `env` added to
 * its environment, and resolves to `{ url, admin, timings, stop }`; `stop()`
 * ends the server and drops its database.
 */
async function startStore({ port, env: extra = {} } = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const timings = {}
  const pg = await ensurePostgres({ quiet: true })
  await createDatabase(DB_NAME, { drop: true, pg })

  port ??= await freePort()
  const url = `http://localhost:${port}`
  const env = {
    ...process.env,
    DATABASE_URL: pg.url(DB_NAME),
    PORT: String(port),
    ADMIN_CORS: url,
    AUTH_CORS: url,
    STORE_CORS: url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
    LOG_LEVEL: "info",
    ...extra,
  }
  // The test runner's variables would point the store elsewhere.
  for (const key of [
    "DB_HOST",
    "DB_PORT",
    "DB_USERNAME",
    "DB_PASSWORD",
    "DB_TEMP_NAME",
  ]) {
    delete env[key]
  }

  timings.migrate = await run(["db:migrate"], env, "migrate.log")
  timings.seed = await run(
    ["exec", "./integration-tests/browser/seed.ts"],
    env,
    "seed.log"
  )
  timings.user = await run(
    ["user", "-e", ADMIN.email, "-p", ADMIN.password],
    env,
    "user.log"
  )

  const started = Date.now()
  const server = medusa(["start"], env, "server.log")
  const stop = async () => {
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {
      // already gone
    }
    await dropDatabase(pg)
    await pg.stop()
  }
  try {
    await waitFor(`${url}/health`, 120_000, server)
  } catch (error) {
    await stop()
    throw error
  }
  timings.develop = Number(((Date.now() - started) / 1000).toFixed(1))

  return { url, admin: ADMIN, timings, stop }
}

module.exports = { startStore, ARTIFACTS }

if (require.main === module) {
  startStore().then(
    (store) => {
      console.log(JSON.stringify({ url: store.url, timings: store.timings }))
      process.on("SIGINT", () => store.stop().then(() => process.exit(0)))
      process.on("SIGTERM", () => store.stop().then(() => process.exit(0)))
    },
    (error) => {
      console.error(error.message)
      process.exit(1)
    }
  )
}
