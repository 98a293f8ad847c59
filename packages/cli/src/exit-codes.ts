/**
 * Exit codes of `segments`. Scripts can branch on them: a 4 means "that thing does not exist", a 6 means "try again
 * later", and so on. The same table is in the README and at the end of `segments --help`.
 */

/**
 * The exit codes, by meaning.
 *
 * @example
 * ```ts
 * import { ExitCode } from "@segments-ts/cli";
 * if (result.exitCode === ExitCode.NotFound) console.log("no such dataset");
 * ```
 */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** An unexpected error (a bug, or a failure with no better code). */
  Unexpected: 1,
  /** Bad command line: unknown command or option, missing or malformed argument. */
  Usage: 2,
  /** No API key, a key the API rejects (401), or not allowed (403). */
  Auth: 3,
  /** The dataset, sample, release or local file does not exist (404). */
  NotFound: 4,
  /** The request or input was rejected: already exists, conflict, invalid data, or a release that FAILED. */
  Rejected: 5,
  /** Network error, timeout, rate limit or server error (5xx): retrying later may help. */
  Unavailable: 6,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM. Re-running an upload resumes it. */
  Interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The table printed at the end of `segments --help` (kept next to the codes so both change together). */
export const EXIT_CODE_HELP = `Exit codes:
  0    success
  1    unexpected error
  2    usage error (unknown command or option, bad argument)
  3    authentication or permission error (set SEGMENTS_API_KEY)
  4    not found (dataset, release, file)
  5    rejected: already exists, conflict, invalid input, release FAILED
  6    network error, timeout, rate limit or server error (retry later)
  130  interrupted (Ctrl-C); re-run an upload to resume it`;
