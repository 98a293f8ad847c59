/**
 * What every command action gets: the output, a lazily created API client, the interrupt signal and the global
 * flags. Keeping this in one place means each command file only holds its own logic.
 */

import { type LogLevel, SegmentsClient } from "@segments-ts/sdk";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { selectedFields } from "./json-fields.js";
import { type CliIO, Output } from "./output.js";

/** Global flags, accepted before or after the command name (and `--json`, which each command declares itself). */
export interface GlobalOptions {
  json?: string | boolean;
  debug?: boolean;
  apiUrl?: string;
}

/** The run-wide things a command needs. */
export interface Runtime {
  io: CliIO;
  /** Aborts on Ctrl-C / SIGTERM; long operations stop at the next safe point. */
  signal: AbortSignal;
}

/** Per-action context. */
export interface Context {
  io: CliIO;
  out: Output;
  signal: AbortSignal;
  options: GlobalOptions;
  /** The API client, created on first use (commands like `convert` never need a key). */
  client(): SegmentsClient;
}

const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

function createClient(io: CliIO, options: GlobalOptions, out: Output): SegmentsClient {
  const envLevel = io.env.SEGMENTS_LOG?.toLowerCase() as LogLevel | undefined;
  const note = (message: string) => out.note(message);
  return new SegmentsClient({
    // Only our environment is consulted: an empty string makes the SDK report a missing key instead of silently
    // falling back to the process environment (which differs from `io.env` in tests).
    apiKey: io.env.SEGMENTS_API_KEY ?? "",
    baseUrl: options.apiUrl ?? io.env.SEGMENTS_API_URL ?? undefined,
    logLevel: envLevel && LOG_LEVELS.includes(envLevel) ? envLevel : options.debug ? "info" : "warn",
    logger: { error: note, warn: note, info: note, debug: note },
  });
}

/** Builds the context of one action from the parsed command. */
export function makeContext(runtime: Runtime, command: Command): Context {
  const options = command.optsWithGlobals<GlobalOptions>();
  const out = new Output(runtime.io, {
    json: selectedFields(options.json, command),
    secrets: [runtime.io.env.SEGMENTS_API_KEY],
  });
  let client: SegmentsClient | undefined;
  return {
    io: runtime.io,
    out,
    signal: runtime.signal,
    options,
    client: () => {
      client ??= createClient(runtime.io, options, out);
      return client;
    },
  };
}

/**
 * Wraps a command action: commander passes the positional arguments, then the command's options, then the command.
 * The wrapper hands the action a {@link Context} and the arguments.
 */
export function action<Args extends unknown[], Opts>(
  runtime: Runtime,
  fn: (ctx: Context, opts: Opts, ...args: Args) => Promise<void>,
): (...raw: unknown[]) => Promise<void> {
  return async (...raw: unknown[]) => {
    const command = raw[raw.length - 1] as Command;
    const opts = raw[raw.length - 2] as Opts;
    const args = raw.slice(0, -2) as Args;
    await fn(makeContext(runtime, command), opts, ...args);
  };
}

/** Parses a positive integer option (`--concurrency 4`). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer.");
  return n;
}

/** Parses a duration in seconds (`--timeout 600`) into milliseconds. */
export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number of seconds.");
  return Math.round(n * 1000);
}

/** Parses a size in MiB (`--max-size 512`) into bytes. */
export function mebibytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of MiB.");
  return Math.round(n * 2 ** 20);
}

/**
 * An option whose parsed value is in another unit than the one typed (seconds typed, milliseconds kept): the help
 * shows the default as typed, once (`(default: 600)`), not the internal value.
 *
 * @example
 * ```ts
 * command.addOption(convertedOption("--timeout <seconds>", "give up after this long", seconds, 600));
 * ```
 */
export function convertedOption(
  flags: string,
  description: string,
  parse: (value: string) => number,
  typedDefault: number,
): Option {
  return new Option(flags, description)
    .argParser(parse)
    .default(parse(String(typedDefault)), String(typedDefault));
}
