/**
 * `@segments-ts/cli`: the `segments` command line. Use the bin (`npx segments --help`); this entry point exposes the
 * same program for running in-process, plus the exit-code table.
 *
 * @example
 * ```ts
 * import { ExitCode, run } from "@segments-ts/cli";
 *
 * const code = await run(["datasets", "get", "jane/flowers", "--json", "full_name,samples_count"], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   env: process.env,
 * });
 * if (code === ExitCode.NotFound) console.error("no such dataset");
 * ```
 * @packageDocumentation
 */

export { COMMAND_GROUPS, type CommandGroup } from "./commands/index.js";
export type { Runtime } from "./context.js";
export { CliError } from "./errors.js";
export { EXIT_CODE_HELP, ExitCode, type ExitCodeValue } from "./exit-codes.js";
export type { CliIO, TextSink } from "./output.js";
export { Progress, type ProgressOptions } from "./progress.js";
export type { CommandReference } from "./reference.js";
export { buildProgram, commandReference, type RunOptions, run, VERSION } from "./run.js";
