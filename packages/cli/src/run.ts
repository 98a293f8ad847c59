/**
 * The `segments` program: builds the command tree and runs one command line, returning the exit code instead of
 * exiting, so it can run in-process (tests, other tools) as well as from the bin.
 */
import { Command, CommanderError } from "commander";
import { COMMAND_GROUPS } from "./commands/index.js";
import type { Runtime } from "./context.js";
import { CliError, explainError } from "./errors.js";
import { EXIT_CODE_HELP, ExitCode } from "./exit-codes.js";
import { type CliIO, Output } from "./output.js";
import { type CommandReference, walkCommands } from "./reference.js";

/** The CLI's version, shown by `segments --version`. */
export const VERSION = "0.0.0";

const ENVIRONMENT_HELP = `Environment:
  SEGMENTS_API_KEY   your API key (Account > API keys on segments.ai); never printed
  SEGMENTS_API_URL   API root (default https://api.segments.ai); e.g. a local \`segments emulator\`
  SEGMENTS_LOG       SDK log level: off, error, warn, info, debug`;

/** Builds the program; output goes to `io`, and commander's exits become exceptions. */
export function buildProgram(runtime: Runtime): Command {
  const { io } = runtime;
  const program = new Command("segments");
  program
    .description("Work with Segments.ai datasets from the command line.")
    .version(VERSION, "-V, --version")
    .option("--debug", "on errors, print the stack, status and request id")
    .option("--api-url <url>", "API root (overrides SEGMENTS_API_URL)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `\nExamples:\n  segments datasets list\n  segments samples upload ./photos --dataset jane/flowers\n` +
        `  segments releases create jane/flowers v1.0 --wait\n  segments export jane/flowers v1.0 --format coco-instance\n` +
        `  segments datasets list --json full_name,samples_count\n\n` +
        `${ENVIRONMENT_HELP}\n\n${EXIT_CODE_HELP}`,
    );
  for (const group of COMMAND_GROUPS) group.register(program, runtime);
  showPlainDefaults(program);
  return program;
}

/** Help shows string defaults as typed (`(default: ground-truth)`), not JSON-quoted. */
function showPlainDefaults(command: Command): void {
  for (const option of command.options)
    if (typeof option.defaultValue === "string" && option.defaultValueDescription === undefined)
      option.defaultValueDescription = option.defaultValue;
  for (const sub of command.commands) showPlainDefaults(sub);
}

/**
 * Every command of `segments` as data (path, description, arguments, options with defaults, `--json` fields,
 * subcommands), for generating a CLI reference; the program itself first.
 *
 * @example
 * ```ts
 * import { commandReference } from "@segments-ts/cli";
 * for (const c of commandReference()) console.log(`segments ${c.path.join(" ")} ${c.usage}`);
 * ```
 */
export function commandReference(): CommandReference[] {
  const discard = { write: () => true };
  const program = buildProgram({
    io: { stdout: discard, stderr: discard, env: {} },
    signal: new AbortController().signal,
  });
  return walkCommands(program);
}

/** Options of {@link run}. */
export interface RunOptions {
  /** Aborting it interrupts the command (the bin wires it to Ctrl-C). */
  signal?: AbortSignal;
}

/**
 * Runs one `segments` command line (without the `node` and script arguments) and resolves with its exit code.
 *
 * @example
 * ```ts
 * import { run } from "@segments-ts/cli";
 * const code = await run(["datasets", "list", "--json", "full_name"], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   env: { SEGMENTS_API_KEY: "...", SEGMENTS_API_URL: "http://127.0.0.1:8787" },
 * });
 * ```
 */
export async function run(argv: readonly string[], io: CliIO, options: RunOptions = {}): Promise<number> {
  const signal = options.signal ?? new AbortController().signal;
  const program = buildProgram({ io, signal });
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.Usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "exit" with 0; everything else commander rejects is a usage error (already printed).
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    let explained = explainError(error);
    // An interrupted command can fail in many ways (an aborted fetch, a half-read stream): report the interruption.
    if (signal.aborted && explained.exitCode !== ExitCode.Interrupted)
      explained = new CliError("interrupted.", ExitCode.Interrupted, { cause: error });
    const out = new Output(io, { secrets: [io.env.SEGMENTS_API_KEY] });
    out.error(explained, argv.includes("--debug"));
    return explained.exitCode;
  }
}
