// Everything that loads Medusa, required by the program only once a command
// runs, so that --help and usage errors answer at once.
export { withStore } from "../boot"
export { exportSegment, reportExport } from "./export"
export { listCommand } from "./list"
export {
  importOrdersCommand,
  readImportFiles,
  syncOrdersCommand,
} from "./orders"
export { refreshCommand } from "./refresh"
