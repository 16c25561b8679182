"use strict"

// Packaging proof, step one: build the plugin as it would be published, pack
// it, and install the tarball into a throwaway store in .tmp/pack-store.
// integration-tests/packaging then boots that store.
//
// The store lists no @medusajs packages and the install skips peers, so
// Medusa resolves from this repo's node_modules by walking up from
// .tmp/pack-store: one copy of the framework, and an install that takes
// seconds and needs no network once the npm cache is warm.

const { execFileSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const PACK_DIR = path.join(ROOT, ".tmp", "pack")
const STORE_DIR = path.join(ROOT, ".tmp", "pack-store")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const NPM = process.platform === "win32" ? "npm.cmd" : "npm"

const pkg = require(path.join(ROOT, "package.json"))

function step(label, fn) {
  const started = Date.now()
  const result = fn()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`[pack-store] ${label} (${seconds} s)`)
  return result
}

function exec(command, args, options = {}) {
  return execFileSync(command, args, {
    cwd: ROOT,
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    env: { MEDUSA_DISABLE_TELEMETRY: "true", ...process.env },
    ...options,
  })
}

// The admin bundler writes a temporary entry file into src/admin
// (@medusajs/admin-vite-plugin/dist/index.mjs, "__admin-extensions__.js")
// and fails with ENOENT when the folder is missing, as it is in a clean clone
// until the plugin has admin code. The folder is made for the build only and
// removed again if it is still empty.
const ADMIN_SRC = path.join(ROOT, "src", "admin")

function build() {
  const madeAdminDir = !fs.existsSync(ADMIN_SRC)
  if (madeAdminDir) {
    fs.mkdirSync(ADMIN_SRC, { recursive: true })
  }

  try {
    exec(MEDUSA, ["plugin:build"])
  } finally {
    if (madeAdminDir && fs.readdirSync(ADMIN_SRC).length === 0) {
      fs.rmdirSync(ADMIN_SRC)
    }
  }
}

function pack() {
  fs.rmSync(PACK_DIR, { recursive: true, force: true })
  fs.mkdirSync(PACK_DIR, { recursive: true })

  const output = exec(
    NPM,
    ["pack", "--json", "--pack-destination", PACK_DIR, "--silent"],
    { capture: true }
  )
  const [info] = JSON.parse(output)
  const manifest = {
    tarball: path.join(PACK_DIR, info.filename),
    files: info.files.map((file) => file.path).sort(),
  }
  fs.writeFileSync(
    path.join(PACK_DIR, "manifest.json"),
    JSON.stringify(manifest, null, 2) + "\n"
  )
  return manifest
}

const storeFiles = {
  "package.json": JSON.stringify(
    {
      name: "pack-store",
      version: "0.0.0",
      private: true,
      description: "Throwaway store that installs the packed plugin",
    },
    null,
    2
  ),
  "medusa-config.ts": `
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "pack-store-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "pack-store-cookie-secret",
    },
  },
  plugins: [{ resolve: "${pkg.name}", options: {} }],
})
`,
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2021",
        esModuleInterop: true,
        module: "Node16",
        moduleResolution: "Node16",
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        strict: true,
        outDir: "./.medusa/server",
        rootDir: "./",
        jsx: "react-jsx",
      },
      include: ["**/*", ".medusa/types/*"],
      exclude: ["node_modules", ".medusa/server", ".medusa/admin"],
    },
    null,
    2
  ),
}

function createStore(tarball) {
  fs.rmSync(STORE_DIR, { recursive: true, force: true })
  fs.mkdirSync(STORE_DIR, { recursive: true })
  for (const [name, contents] of Object.entries(storeFiles)) {
    fs.writeFileSync(path.join(STORE_DIR, name), contents.trim() + "\n")
  }

  exec(
    NPM,
    [
      "install",
      tarball,
      "--no-save",
      "--no-package-lock",
      "--legacy-peer-deps",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ],
    { cwd: STORE_DIR }
  )

  const installed = path.join(STORE_DIR, "node_modules", pkg.name)
  if (!fs.existsSync(path.join(installed, "package.json"))) {
    throw new Error(`npm install left no ${installed}`)
  }
  if (fs.existsSync(path.join(STORE_DIR, "node_modules", "@medusajs"))) {
    throw new Error(
      "npm installed @medusajs packages into the store; peers must resolve" +
        " from the repo's node_modules"
    )
  }
}

function main() {
  // A failed build must not leave the previous store for the spec to boot.
  fs.rmSync(STORE_DIR, { recursive: true, force: true })
  fs.rmSync(PACK_DIR, { recursive: true, force: true })

  step("medusa plugin:build", build)
  const manifest = step("npm pack", pack)
  console.log(
    `[pack-store] ${path.relative(ROOT, manifest.tarball)}:` +
      ` ${manifest.files.length} files`
  )
  step("store created and tarball installed", () =>
    createStore(manifest.tarball)
  )
}

try {
  main()
} catch (error) {
  console.error(`[pack-store] failed: ${error.message}`)
  process.exit(1)
}
