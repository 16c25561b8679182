// Runs before each integration test file. Every file boots its own Medusa
// app, and MikroORM keeps entity metadata in a process-wide store: without a
// reset, a file would see the entities registered by the file before it.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
