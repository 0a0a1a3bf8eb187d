/**
 * @module
 * The exit codes scripts can rely on (docs/cli.md lists them).
 */
export const EXIT = {
  ok: 0,
  /** A bug or an unexpected failure. */
  internal: 1,
  /** The command line itself is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** The input file cannot be read or is not what the command imports. */
  input: 3,
  /** The API refused the token (401 or 403). */
  auth: 4,
  /** The API refused the request (another 4xx): the problem is printed. */
  rejected: 5,
  /** The API could not be reached or failed (5xx, network): safe to run the same command again. */
  unavailable: 6,
  /** Interrupted (Ctrl-C): run the same command again to resume. */
  interrupted: 130,
} as const;

/** A failure the CLI reports in one message and ends with its exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}
