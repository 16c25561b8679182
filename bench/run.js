"use strict"

// npm run bench [-- --sizes 10000,100000] [--explain] [--keep]
//   [--reuse-schema]
//
// Refresh benchmark of the customer segment module. For each size it clones
// a migrated database, generates order history in SQL, refreshes five segment
// shapes through the module's real code path (`medusa exec
// bench/refresh.ts`), and times a hand-written query of the same membership
// beside each. Prints a table and writes it to bench/results.md.
//
//   --sizes         orders per size, comma-separated (default 10k, 100k, 1M)
//   --explain       also write EXPLAIN ANALYZE of every statement to
//                   bench/explain/<size>/
//   --keep          keep the databases bench_segments_<size> afterwards
//   --reuse-schema  reuse bench_segments_tpl from an earlier run instead of
//                   running Medusa's migrations again (about 30 s)

const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { Client } = require("pg")
const { ensurePostgres, createDatabase } = require("../scripts/pg")
const { generate } = require("./generate")
const { SHAPES } = require("./shapes")
const { markdownTable, textTable } = require("./report")

const ROOT = path.resolve(__dirname, "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const TEMPLATE_DB = "bench_segments_tpl"
const DEFAULT_SIZES = [10000, 100000, 1000000]
const RESULTS_FILE = path.join(__dirname, "results.md")
const EXPLAIN_DIR = path.join(__dirname, "explain")

function parseArgs(argv) {
  const options = {
    sizes: DEFAULT_SIZES,
    explain: false,
    keep: false,
    reuseSchema: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--sizes" || arg.startsWith("--sizes=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i]
      options.sizes = String(value ?? "")
        .split(",")
        .map((s) => Number(s.trim().replace(/_/g, "")))
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 10)) {
        throw new Error(
          `--sizes ${JSON.stringify(value)}: expected integers >= 10 separated by commas, such as 10000,100000`
        )
      }
    } else if (arg === "--explain") {
      options.explain = true
    } else if (arg === "--keep") {
      options.keep = true
    } else if (arg === "--reuse-schema") {
      options.reuseSchema = true
    } else {
      throw new Error(
        `unknown argument ${JSON.stringify(arg)}; allowed: --sizes, --explain, --keep, --reuse-schema`
      )
    }
  }
  return options
}

const seconds = (since) => (Date.now() - since) / 1000

/** Runs the Medusa CLI in the repository root; its output goes to `log`. */
function medusa(args, databaseUrl, log) {
  const out = fs.openSync(log, "w")
  const child = spawn(MEDUSA_BIN, args, {
    cwd: ROOT,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MEDUSA_DISABLE_TELEMETRY: "true",
      MEDUSA_ADMIN_DISABLED: "true",
    },
  })
  return new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("exit", (code) => {
      fs.closeSync(out)
      if (code === 0) {
        resolve()
        return
      }
      const tail = fs.readFileSync(log, "utf8").split("\n").slice(-30)
      reject(
        new Error(
          `medusa ${args.join(" ")} exited with ${code}; log ${log}:\n${tail.join("\n")}`
        )
      )
    })
  })
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function databaseExists(pg, name) {
  return withClient(pg.url("postgres"), async (client) => {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name]
    )
    return rowCount > 0
  })
}

async function prepareTemplate(pg, options, workDir) {
  if (options.reuseSchema && (await databaseExists(pg, TEMPLATE_DB))) {
    console.log(`Schema: reusing ${TEMPLATE_DB}`)
    return 0
  }
  const started = Date.now()
  await createDatabase(TEMPLATE_DB, { drop: true, pg })
  await medusa(
    ["db:migrate"],
    pg.url(TEMPLATE_DB),
    path.join(workDir, "migrate.log")
  )
  console.log(
    `Schema: medusa db:migrate into ${TEMPLATE_DB} in ${seconds(started)} s`
  )
  return seconds(started)
}

async function cloneTemplate(pg, name) {
  await withClient(pg.url("postgres"), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`)
  })
}

async function dropDatabase(pg, name) {
  await withClient(pg.url("postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  )
}

// The floor is cheap to repeat, so it reports the median of a few runs; a
// refresh can only be timed once per state (first, then no-op).
const FLOOR_RUNS = 3

/**
 * The floor's median wall time, counted in the server so that shipping ids
 * to Node is not part of it, and the number of customers it and the
 * segment's saved memberships disagree on (must be 0).
 */
async function runFloor(client, shape, segmentId) {
  const times = []
  let count
  for (let i = 0; i < FLOOR_RUNS; i++) {
    const started = process.hrtime.bigint()
    const { rows } = await client.query(
      `SELECT count(*)::int AS count FROM (${shape.floor}) f`
    )
    times.push(Number(process.hrtime.bigint() - started) / 1e9)
    count = rows[0].count
  }
  const floorSeconds = times.sort((a, b) => a - b)[Math.floor(FLOOR_RUNS / 2)]

  const {
    rows: [{ differ }],
  } = await client.query(
    `SELECT count(*)::int AS differ FROM (${shape.floor}) f
     FULL JOIN (
       SELECT customer_id FROM customer_segment_membership
       WHERE segment_id = $1 AND deleted_at IS NULL
     ) m ON m.customer_id = f.id
     WHERE f.id IS NULL OR m.customer_id IS NULL`,
    [segmentId]
  )
  return { floorSeconds, floorCount: count, differ }
}

async function explain(client, statement, values, { write }) {
  const prefix = "EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS) "
  if (!write) {
    const { rows } = await client.query(prefix + statement, values)
    return rows.map((r) => r["QUERY PLAN"]).join("\n")
  }
  // The diff writes memberships; rolled back so the run stays repeatable.
  await client.query("BEGIN")
  try {
    const { rows } = await client.query(prefix + statement, values)
    return rows.map((r) => r["QUERY PLAN"]).join("\n")
  } finally {
    await client.query("ROLLBACK")
  }
}

async function writeExplains(client, size, refreshed) {
  const dir = path.join(EXPLAIN_DIR, String(size))
  fs.mkdirSync(dir, { recursive: true })
  for (const [i, shape] of SHAPES.entries()) {
    const run = refreshed.shapes[i]
    const sections = [
      ["compiled membership statement", run.target.text, run.target.values],
      [
        "refresh statement (applyMembershipDiff), no-op",
        run.diff.text,
        run.diff.values,
      ],
      ["floor", shape.floor, []],
    ]
    const parts = []
    for (const [title, text, values] of sections) {
      const plan = await explain(client, text, values, {
        write: title.startsWith("refresh"),
      })
      parts.push(
        `-- ${title}\n${text}\n-- values: ${JSON.stringify(values)}\n\n${plan}\n`
      )
    }
    const file = path.join(
      dir,
      `${i + 1}-${shape.key.replace(/[^a-z0-9]+/gi, "_")}.txt`
    )
    fs.writeFileSync(file, parts.join("\n"))
  }
  console.log(`  EXPLAIN ANALYZE written to ${path.relative(ROOT, dir)}/`)
}

async function benchSize(pg, size, options, workDir) {
  const name = `bench_segments_${size}`
  const url = pg.url(name)
  console.log(`\n== ${size} orders (${name})`)

  await cloneTemplate(pg, name)
  const loaded = await withClient(url, (client) => generate(client, size))
  console.log(
    `  data: ${loaded.customers} customers, ${loaded.orders} orders, ${loaded.lines} lines;` +
      ` insert ${loaded.load_s} s, indexes ${loaded.index_s} s, vacuum+analyze ${loaded.analyze_s} s`
  )

  const job = path.join(workDir, `job-${size}.json`)
  const out = path.join(workDir, `refresh-${size}.json`)
  fs.writeFileSync(
    job,
    JSON.stringify({
      out,
      shapes: SHAPES.map(({ key, rule, audience }) => ({
        key,
        rule,
        audience,
      })),
    })
  )
  const execStarted = Date.now()
  await medusa(
    ["exec", "./bench/refresh.ts", job],
    url,
    path.join(workDir, `refresh-${size}.log`)
  )
  const execSeconds = seconds(execStarted)
  const refreshed = JSON.parse(fs.readFileSync(out, "utf8"))
  console.log(
    `  medusa exec (boot + 10 refreshes): ${execSeconds} s; Node RSS after boot ${refreshed.baseline_rss_mb.toFixed(0)} MB`
  )

  const rows = await withClient(url, async (client) => {
    const result = []
    for (const [i, shape] of SHAPES.entries()) {
      const run = refreshed.shapes[i]
      const floor = await runFloor(client, shape, run.segment_id)
      const mismatch =
        floor.differ !== 0 ||
        floor.floorCount !== run.first.total ||
        run.noop.total !== run.first.total ||
        run.noop.added + run.noop.removed !== 0
      if (!run.warmed) {
        console.log(`  note: ${shape.key} was refreshed without a warm-up`)
      }
      if (mismatch) {
        console.log(
          `  !!!!! MISMATCH ${shape.key}: refresh total ${run.first.total} (no-op ${run.noop.total}, +${run.noop.added}/-${run.noop.removed}), floor ${floor.floorCount}, ${floor.differ} customers differ`
        )
      }
      result.push({
        orders: loaded.orders,
        customers: loaded.customers,
        shape: shape.key,
        members: run.first.total,
        first_s: run.first.seconds,
        noop_s: run.noop.seconds,
        floor_s: floor.floorSeconds,
        peak_rss_mb: Math.max(run.first.peak_rss_mb, run.noop.peak_rss_mb),
        baseline_rss_mb: refreshed.baseline_rss_mb,
        mismatch,
      })
    }
    if (options.explain) {
      await writeExplains(client, size, refreshed)
    }
    return result
  })
  console.log(textTable(rows).replace(/^/gm, "  "))

  if (!options.keep) {
    await dropDatabase(pg, name)
  }
  return {
    rows,
    phases: { ...loaded, exec_s: execSeconds, size },
  }
}

async function serverFacts(pg) {
  return withClient(pg.url("postgres"), async (client) => {
    const {
      rows: [{ version }],
    } = await client.query("SELECT version()")
    const { rows } = await client.query(
      `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY name`,
      [
        [
          "shared_buffers",
          "work_mem",
          "max_parallel_workers_per_gather",
          "jit",
          "autovacuum",
        ],
      ]
    )
    const settings = rows
      .map((r) => `${r.name}=${r.setting}${r.unit ? ` ${r.unit}` : ""}`)
      .join(", ")
    const autovacuum = rows.find((r) => r.name === "autovacuum")?.setting
    return { version: version.split(" on ")[0], settings, autovacuum }
  })
}

function markdown({
  rows,
  phases,
  facts,
  loads,
  totalSeconds,
  schemaSeconds,
  argv,
}) {
  const phaseLines = phases.map(
    (p) =>
      `| ${p.size} | ${p.lines} | ${p.load_s.toFixed(1)} | ${p.index_s.toFixed(1)} | ${p.analyze_s.toFixed(1)} | ${p.exec_s.toFixed(1)} |`
  )
  const misses = rows.filter(
    (r) => r.orders >= 1000000 && (r.first_s > 5 || r.first_s > 2 * r.floor_s)
  )
  return `# Segment refresh benchmark

Generated by \`npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}\` on ${new Date().toISOString()}.
${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; ${facts.version}; ${facts.settings}.
Load average (1 min) ${loads[0].toFixed(1)} at the start, ${loads[1].toFixed(1)} at the end: other
work on the machine shows in every number below.

- **refresh s (first)**: \`refreshSegment\` wall time from Node when the
  segment has no members yet (computes and inserts every member), after one
  untimed \`previewRule\` of the same rule to warm the buffer cache.
- **refresh s (no-op)**: the same refresh again, right away; nothing to add
  or remove. The planner's statistics of \`customer_segment_membership\` are
  still those of before the first refresh (autovacuum: ${facts.autovacuum}).
- **floor s**: a hand-written query of the same membership
  (\`bench/shapes.js\`), counted in the server, median of ${FLOOR_RUNS} runs after
  the refreshes. **ratio** = first refresh / floor; the first refresh also
  writes every member, which the floor does not.
- **peak RSS MB**: the \`medusa exec\` process, sampled every 50 ms during the
  two refreshes of the shape (after boot: ${rows.length ? rows[rows.length - 1].baseline_rss_mb.toFixed(0) : "?"} MB).
- Members are checked against the floor customer by customer; a difference
  reads MISMATCH.

${markdownTable(rows)}

Aim at 1M orders: first refresh within 2x of the floor and under 5 s.
${misses.length ? `Missed by: ${misses.map((r) => `\`${r.shape}\``).join(", ")}.` : rows.some((r) => r.orders >= 1000000) ? "Met by every shape." : "No 1M size in this run."}

## Phases

| orders | lines | insert s | indexes s | vacuum+analyze s | medusa exec s (boot + refreshes) |
| ---: | ---: | ---: | ---: | ---: | ---: |
${phaseLines.join("\n")}

Schema (medusa db:migrate, once, then CREATE DATABASE ... TEMPLATE): ${schemaSeconds ? `${schemaSeconds.toFixed(1)} s` : "reused"}.
Whole run: ${totalSeconds.toFixed(0)} s.
`
}

async function main() {
  const argv = process.argv.slice(2)
  const options = parseArgs(argv)
  const started = Date.now()
  const startLoad = os.loadavg()[0]
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "segments-bench-"))

  const pg = await ensurePostgres()
  try {
    const facts = await serverFacts(pg)
    const schemaSeconds = await prepareTemplate(pg, options, workDir)
    const rows = []
    const phases = []
    for (const size of options.sizes) {
      const result = await benchSize(pg, size, options, workDir)
      rows.push(...result.rows)
      phases.push(result.phases)
    }

    const totalSeconds = seconds(started)
    console.log(`\n${textTable(rows)}\n`)
    const mismatches = rows.filter((r) => r.mismatch)
    if (mismatches.length) {
      console.log(
        `!!!!! MISMATCH in ${mismatches.length} row(s): ${mismatches.map((r) => `${r.orders}/${r.shape}`).join(", ")}`
      )
    }
    fs.writeFileSync(
      RESULTS_FILE,
      markdown({
        rows,
        phases,
        facts,
        loads: [startLoad, os.loadavg()[0]],
        totalSeconds,
        schemaSeconds,
        argv,
      })
    )
    console.log(
      `Whole bench: ${totalSeconds.toFixed(0)} s. Written to ${path.relative(ROOT, RESULTS_FILE)}; logs in ${workDir}`
    )
    process.exitCode = mismatches.length ? 1 : 0
  } finally {
    await pg.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
