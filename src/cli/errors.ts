/**
 * Exit codes, for scripts that branch on them. 2 and 64 never mean that
 * anything was changed.
 */
export const EXIT_CODES = {
  ok: 0,
  /** A refresh, export or import failed; the reason is on stderr. */
  failed: 1,
  /** A segment id that does not exist; nothing was done. */
  notFound: 2,
  /** Bad arguments or options (EX_USAGE of sysexits.h); nothing was done. */
  usage: 64,
} as const
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES]

/** An error whose message is meant for the person running the command. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.failed
  ) {
    super(message)
  }
}

/** `MedusaError` of type not_found means an id the user gave is unknown. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) {
    return error.exitCode
  }
  return (error as { type?: string }).type === "not_found"
    ? EXIT_CODES.notFound
    : EXIT_CODES.failed
}

/** Workflows rethrow a step's error as a plain object with a message. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === "string" ? message : String(error)
}
