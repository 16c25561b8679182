import { claimStdout, prepareStoreProcess } from "./setup"
import type { Io } from "./output"

// Imported first by the entry point: the logger reads LOG_LEVEL, and the
// store's modules may write to stdout, as soon as they are loaded.
prepareStoreProcess(process.cwd())

export const io: Io = { stdout: claimStdout(), stderr: process.stderr }
