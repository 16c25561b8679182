#!/usr/bin/env node
import { io } from "./prepare"
import { main } from "./program"

main(process.argv, io, process.cwd()).then(
  // Medusa leaves pools and timers open; the command is done.
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
