"use strict"

const fs = require("fs")

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

// Debian's chromium, driven by playwright-core: no browser download.
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** Why the browser tests cannot run here, or null when they can. */
function missingBrowser() {
  return fs.existsSync(CHROMIUM)
    ? null
    : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`
}

async function launch() {
  const { chromium } = require("playwright-core")
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
}

module.exports = { launch, missingBrowser, CHROMIUM }
