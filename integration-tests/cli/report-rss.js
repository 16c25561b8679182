// Preloaded into the CLI by tests that measure it (node --require): writes
// the process's peak resident set size, in kilobytes, to CLI_RSS_FILE when
// it exits, so the CLI itself carries no test code.
const fs = require("fs")

process.on("exit", () => {
  fs.writeFileSync(
    process.env.CLI_RSS_FILE,
    String(process.resourceUsage().maxRSS)
  )
})
