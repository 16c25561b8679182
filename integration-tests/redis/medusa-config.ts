import { defineConfig } from "@medusajs/framework/utils"

/**
 * The plugin in a production-shaped store: an API server and a worker
 * sharing Postgres and Redis. integration-tests/redis/app.ts copies this file
 * into a throwaway store directory whose `src` is the plugin's; every value
 * comes from the environment that script sets.
 */
const redisUrl = process.env.SEGMENTS_REDIS_URL
// Keeps this run's queues and locks apart from anything else on the Redis.
const run = process.env.SEGMENTS_REDIS_RUN ?? "default"

const workerMode = process.env.MEDUSA_WORKER_MODE
if (workerMode !== "server" && workerMode !== "worker") {
  throw new Error(
    `MEDUSA_WORKER_MODE must be "server" or "worker", got ${JSON.stringify(workerMode)}`
  )
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "./src/modules/customer-segment",
      options: { timezone: "UTC" },
    },
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl, queueName: `segments-events-${run}` },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: {
        redis: {
          redisUrl,
          queueName: `segments-workflows-${run}`,
          jobQueueName: `segments-workflow-jobs-${run}`,
        },
      },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl, namespace: `segments-lock-${run}:` },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/cache-redis",
      options: { redisUrl, namespace: `segments-cache-${run}:` },
    },
  ],
})
