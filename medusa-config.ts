import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * Lets this repository run as a Medusa store: the integration tests, the
 * demo and the benchmark load the plugin's module, routes, subscribers, jobs
 * and links straight from `src/`. It is not part of the published package.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/customer-segment",
      options: {
        timezone: process.env.SEGMENTS_TIMEZONE || "UTC",
        // Tests that count refreshes exactly turn the background refresh
        // after a save off.
        refreshOnSave: process.env.SEGMENTS_REFRESH_ON_SAVE !== "false",
        activity: {
          ratePerMinute: Number(process.env.SEGMENTS_ACTIVITY_RATE || 120),
        },
      },
    },
  ],
})
