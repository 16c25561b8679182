import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"

// Boots the throwaway store that scripts/pack-store.js builds: the plugin is
// loaded from its packed tarball, as a store would install it from npm.
const ROOT = path.resolve(__dirname, "..", "..")
const STORE_DIR = path.join(ROOT, ".tmp", "pack-store")
const MANIFEST_PATH = path.join(ROOT, ".tmp", "pack", "manifest.json")
const PLUGIN = "medusa-customer-segments"

if (!fs.existsSync(path.join(STORE_DIR, "node_modules", PLUGIN))) {
  throw new Error(
    `${STORE_DIR} has no ${PLUGIN} installed: run node scripts/pack-store.js`
  )
}

const manifest: { files: string[] } = JSON.parse(
  fs.readFileSync(MANIFEST_PATH, "utf8")
)

const resolveFromStore = (request: string) =>
  require.resolve(request, { paths: [STORE_DIR] })

// npm adds these root files to every tarball whatever `files` says.
const ALWAYS_PACKED =
  /^(package\.json|(README|LICENSE|LICENCE|CHANGELOG)[^/]*)$/i

describe("packed tarball", () => {
  it("should ship only the build output and npm's root files", () => {
    const outside = manifest.files.filter(
      (file) => !ALWAYS_PACKED.test(file) && !file.startsWith(".medusa/server/")
    )
    const sources = manifest.files.filter(
      (file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts")
    )
    const tests = manifest.files.filter((file) =>
      /(__tests__|\.spec\.|integration-tests\/)/.test(file)
    )

    expect({ outside, sources, tests }).toEqual({
      outside: [],
      sources: [],
      tests: [],
    })
  })

  it("should resolve the admin bundle through exports", () => {
    expect(resolveFromStore(`${PLUGIN}/admin`)).toMatch(
      /\.medusa\/server\/src\/admin\/index\.js$/
    )
  })

  it("should resolve the module by the path Medusa registers it under", () => {
    const modulePath = `${PLUGIN}/.medusa/server/src/modules/customer-segment`

    expect(resolveFromStore(modulePath)).toMatch(
      /modules\/customer-segment\/index\.js$/
    )
    expect(resolveFromStore(`${PLUGIN}/modules/customer-segment`)).toBe(
      resolveFromStore(modulePath)
    )
  })

  it("should install a working medusa-segments command", () => {
    const bin = path.join(STORE_DIR, "node_modules", ".bin", "medusa-segments")

    const help = spawnSync(bin, ["--help"], {
      cwd: STORE_DIR,
      encoding: "utf8",
    })

    expect(help.status).toBe(0)
    expect(help.stdout).toContain("refresh")
    expect(help.stdout).toContain("export")
  })

  it("should leave @medusajs packages to the store", () => {
    expect(
      fs.existsSync(path.join(STORE_DIR, "node_modules", "@medusajs"))
    ).toBe(false)
  })
})

medusaIntegrationTestRunner({
  cwd: STORE_DIR,
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/users/me", () => {
      it("should accept the token from createAdminHeaders", async () => {
        const { headers } = await createAdminHeaders(getContainer(), {
          email: "packaging-admin@segments.test",
        })

        const response = await api.get("/admin/users/me", {
          headers,
          validateStatus: () => true,
        })

        expect(response.status).toBe(200)
        expect(response.data.user.email).toBe("packaging-admin@segments.test")
      })
    })

    describe("GET /admin/customer-segments/conditions", () => {
      const url = "/admin/customer-segments/conditions"

      it("should list the condition catalogue for an admin", async () => {
        const { headers } = await createAdminHeaders(getContainer())

        const response = await api.get(url, {
          headers,
          validateStatus: () => true,
        })

        expect(response.status).toBe(200)
        expect(Array.isArray(response.data.conditions)).toBe(true)
        expect(response.data.conditions.length).toBeGreaterThan(0)
      })

      it("should refuse a request without a token", async () => {
        const response = await api.get(url, { validateStatus: () => true })

        expect(response.status).toBe(401)
      })
    })
  },
})
