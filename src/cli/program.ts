import type { MedusaContainer } from "@medusajs/framework/types"
import { Command, CommanderError, Option } from "commander"
import fs from "fs"
import path from "path"
import { EXPORT_FORMATS } from "../modules/customer-segment/export/formats"
import { EXIT_CODES, exitCodeOf, messageOf } from "./errors"
import type { Io } from "./output"

const EXIT_TEXT = `
Run it in the store's directory, as \`npx medusa exec\`. Exit codes: 0 done,
1 a refresh, export or import failed, 2 unknown segment id, 64 bad usage.`

/** Parses `argv`, runs the command against the store in `cwd`, returns the exit code. */
export async function main(
  argv: string[],
  io: Io,
  cwd: string
): Promise<number> {
  let exitCode: number = EXIT_CODES.ok
  const inStore = async (fn: (c: MedusaContainer) => Promise<unknown>) => {
    const code = await commands().withStore(cwd, fn)
    exitCode = typeof code === "number" ? code : EXIT_CODES.ok
  }
  const program = buildProgram(io, inStore)

  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message or the help.
      return ["commander.helpDisplayed", "commander.version"].includes(
        error.code
      )
        ? EXIT_CODES.ok
        : EXIT_CODES.usage
    }
    io.stderr.write(`error: ${messageOf(error)}\n`)
    return exitCodeOf(error)
  }
  return exitCode
}

const commands = () => require("./commands") as typeof import("./commands")

type InStore = (fn: (c: MedusaContainer) => Promise<unknown>) => Promise<void>

const formatOption = () =>
  new Option("--format <format>", "csv, a JSON array, or JSON lines")
    .choices(EXPORT_FORMATS)
    .default("csv")

function buildProgram(io: Io, inStore: InStore): Command {
  const program = new Command("medusa-segments")
    .description("Refresh, list and export customer segments of this store.")
    .version(packageVersion(), "-V, --version")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", EXIT_TEXT)

  program
    .command("refresh")
    .description(
      "Recompute the members of segments, one by one, printing added, removed, total and seconds for each."
    )
    .argument("[ids...]", "segment ids")
    .option("--all", "every active segment")
    .option("--export", "export the segment afterwards (one id only)")
    .addOption(formatOption())
    .option("--out <file>", "with --export: write there, not to stdout")
    .option("--bom", "with --export: start the CSV with a UTF-8 BOM")
    .option("--json", "print the results as JSON")
    .action(async (ids: string[], options, command: Command) => {
      if (Boolean(options.all) === Boolean(ids.length)) {
        usage(command, "give one or more segment ids, or --all")
      }
      const exportOnly = ["out", "bom"].filter((o) => options[o] !== undefined)
      if (command.getOptionValueSource("format") === "cli") {
        exportOnly.push("format")
      }
      if (!options.export && exportOnly.length) {
        usage(command, `--${exportOnly[0]} only goes with --export`)
      }
      if (options.export && ids.length !== 1) {
        usage(command, "--export takes exactly one segment id")
      }
      checkBom(command, options)
      await inStore((c) => commands().refreshCommand(c, ids, options, io))
    })

  program
    .command("export")
    .description(
      "Stream a segment's members as CSV or JSON, to stdout by default."
    )
    .argument("<id>", "segment id")
    .addOption(formatOption())
    .option("--out <file>", "write to this file instead of stdout")
    .option("--bom", "start the CSV with a UTF-8 byte-order mark (Excel)")
    .option("--json", "with --out: print a JSON summary")
    .action(async (id: string, options, command: Command) => {
      checkBom(command, options)
      const { exportSegment, reportExport } = commands()
      await inStore(async (c) =>
        reportExport(await exportSegment(c, id, options, io), options, io)
      )
    })

  program
    .command("list")
    .description("List segments: id, name, mode, members, last refreshed.")
    .option("--json", "print the segments as JSON")
    .action(async (options) => {
      await inStore((c) => commands().listCommand(c, options, io))
    })

  program
    .command("sync-orders")
    .description(
      "Copy every Medusa order into the order history segments read (a backfill)."
    )
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      await inStore((c) => commands().syncOrdersCommand(c, options, io))
    })

  program
    .command("import-orders")
    .description(
      "Import past orders from a CSV of order lines (docs/IMPORT.md)."
    )
    .argument("<file>", "the CSV file, header first")
    .requiredOption("--mapping <file>", "JSON file: which columns hold what")
    .option("--json", "print the import report as JSON")
    .action(async (file: string, options) => {
      const { importOrdersCommand, readImportFiles } = commands()
      const input = readImportFiles(file, options.mapping)
      await inStore((c) => importOrdersCommand(c, input, options, io))
    })

  return program
}

function usage(command: Command, message: string): never {
  command.error(`error: ${message}`, {
    exitCode: EXIT_CODES.usage,
    code: "medusa-segments.usage",
  })
  throw new Error("unreachable: commander exits above")
}

function checkBom(
  command: Command,
  options: { bom?: boolean; format: string }
) {
  if (options.bom && options.format !== "csv") {
    usage(command, "--bom only goes with --format csv")
  }
}

function packageVersion(): string {
  // The nearest package.json above this file: the repository's in the
  // source tree, the installed package's in a store (a build made by
  // `medusa plugin:build` and packed has none in .medusa/server).
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json")
    if (fs.existsSync(file)) {
      return JSON.parse(fs.readFileSync(file, "utf8")).version
    }
    if (path.dirname(dir) === dir) {
      return "unknown"
    }
  }
}
