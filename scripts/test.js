"use strict"

// Runs the Jest projects one after another against a Postgres found or
// started by scripts/pg.js.
//
//   node scripts/test.js                  all projects, in order
//   node scripts/test.js unit packaging   only those, still in order
//   node scripts/test.js unit -- -t name  extra arguments go to Jest
//
// Every project runs even when an earlier one failed; the exit code is the
// first non-zero Jest exit code. The last line sums every project's tests
// as "tests: N passed, N failed, N skipped".

const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { ensurePostgres } = require("./pg")

const ROOT = path.resolve(__dirname, "..")
const JEST = path.join(ROOT, "node_modules", ".bin", "jest")

const PROJECTS = [
  "unit",
  "integration:modules",
  "integration:http",
  "integration:redis",
  "packaging",
  "browser",
]
const IN_BAND = new Set([
  "integration:modules",
  "integration:http",
  "integration:redis",
  "packaging",
  "browser",
])

function parseArgs(argv) {
  const split = argv.indexOf("--")
  const names = split === -1 ? argv : argv.slice(0, split)
  const jestArgs = split === -1 ? [] : argv.slice(split + 1)

  const unknown = names.filter((name) => !PROJECTS.includes(name))
  if (unknown.length) {
    throw new Error(
      `Unknown project(s) ${unknown.join(", ")}; expected one of ` +
        PROJECTS.join(", ")
    )
  }

  const selected = names.length
    ? PROJECTS.filter((name) => names.includes(name))
    : PROJECTS
  return { selected, jestArgs }
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" })
    child.on("error", (error) => {
      console.error(`[test] could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

function jestArgsFor(project, extra) {
  // No --ci here: Jest turns it on by itself when CI is set, and locally new
  // snapshots must still be written.
  const args = ["--selectProjects", project]
  if (IN_BAND.has(project)) {
    // Each integration file boots Medusa; two cores fit one at a time, and
    // Medusa leaves handles (pools, timers) that would keep Jest alive.
    args.push("--runInBand", "--forceExit")
  }
  // Projects whose code is still being written may have no test files yet.
  args.push("--passWithNoTests")
  return [...args, ...extra]
}

// The browser project drives Debian's chromium. CI (root, apt reachable)
// installs it when missing; elsewhere the project skips and says why.
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) {
    return
  }
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    console.log(`[test] ${CHROMIUM} missing and not root: browser tests skip`)
    return
  }
  console.log("[test] installing chromium with apt-get for the browser tests")
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const code =
    (await run("apt-get", ["update", "-qq"], env)) ||
    (await run("apt-get", ["install", "-y", "-qq", "chromium"], env))
  if (code !== 0) {
    console.log(`[test] apt-get failed (exit ${code}): browser tests skip`)
  }
}

async function main() {
  const { selected, jestArgs } = parseArgs(process.argv.slice(2))
  const pg = await ensurePostgres()

  const env = {
    ...process.env,
    DB_HOST: pg.host,
    DB_PORT: String(pg.port),
    DB_USERNAME: pg.user,
    DB_PASSWORD: pg.password,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "test",
    // Medusa logs every migration and route at "http" level; warnings and
    // errors are what a test run needs. LOG_LEVEL=info brings the rest back.
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    TZ: "UTC",
  }
  // The runners build their own URL from DB_*; a DATABASE_URL left in the
  // environment would be loaded by medusa-config and point elsewhere.
  delete env.DATABASE_URL

  // @medusajs/test-utils loads the config and the framework with import()
  // (dist/medusa-test-runner-utils/config.js), which Jest only supports
  // under --experimental-vm-modules.
  const jestEnv = {
    ...env,
    NODE_OPTIONS: [
      env.NODE_OPTIONS,
      "--experimental-vm-modules",
      "--disable-warning=ExperimentalWarning",
    ]
      .filter(Boolean)
      .join(" "),
  }

  let exitCode = 0
  const timings = {}
  const counts = []
  const stopAndExit = async (code) => {
    await pg.stop().catch((error) => {
      console.error(`[test] stopping Postgres failed: ${error.message}`)
    })
    process.exit(code)
  }
  process.on("SIGINT", () => stopAndExit(130))
  process.on("SIGTERM", () => stopAndExit(143))

  for (const project of selected) {
    if (project === "packaging") {
      console.log("[test] building the plugin and a store that installs it")
      const started = Date.now()
      const packCode = await run(
        process.execPath,
        [path.join(__dirname, "pack-store.js")],
        env
      )
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      timings["pack-store"] = { exit: packCode, seconds: Number(seconds) }
      console.log(`[test] pack-store: exit ${packCode} in ${seconds} s`)
      if (packCode !== 0) {
        // The packaging spec still runs and fails on the missing store, so
        // the closing summary reports the failure.
        exitCode ||= packCode
      }
    }

    if (project === "browser") {
      await ensureChromium()
    }

    console.log(`[test] jest project ${project}`)
    const started = Date.now()
    const report = path.join(ROOT, ".tmp", `jest-${project.replace(":", "-")}.json`)
    fs.mkdirSync(path.dirname(report), { recursive: true })
    fs.rmSync(report, { force: true })
    const code = await run(
      JEST,
      [...jestArgsFor(project, jestArgs), "--json", `--outputFile=${report}`],
      jestEnv
    )
    counts.push(readCounts(report, code))
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    exitCode ||= code
    timings[project] = { exit: code, seconds: Number(seconds) }

    const isLast = project === selected[selected.length - 1]
    if (!isLast) {
      console.log(`[test] ${project}: exit ${code} in ${seconds} s`)
    }
  }

  // Kept out of the output so it ends with Jest's summary.
  fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true })
  fs.writeFileSync(
    path.join(ROOT, ".tmp", "test-timings.json"),
    JSON.stringify(timings, null, 2) + "\n"
  )

  await pg.stop()
  // One closing line over every project, in the plain form CI reads.
  const total = (key) => counts.reduce((sum, c) => sum + c[key], 0)
  console.log(
    `tests: ${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`
  )
  process.exit(exitCode)
}

/** Test counts from Jest's --json report; a run that wrote none failed. */
function readCounts(file, code) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"))
    return {
      passed: report.numPassedTests,
      failed:
        report.numFailedTests +
        (report.numRuntimeErrorTestSuites ?? 0) +
        (code !== 0 && report.numFailedTests === 0 ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    }
  } catch {
    return { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
