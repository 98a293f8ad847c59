/** `segments emulator`: the local Segments API emulator, in this process, until Ctrl-C. */

import type { EmulatorUser } from "@segments-ts/emulator";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { withJson } from "../json-fields.js";

interface EmulatorFlags {
  host: string;
  port: number;
  dataDir?: string;
  user?: EmulatorUser[];
  rateLimit?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected 0..65535.");
  return n;
}

function user(value: string, previous: EmulatorUser[] | undefined): EmulatorUser[] {
  const separator = value.indexOf(":");
  if (separator < 1 || separator === value.length - 1)
    throw new InvalidArgumentError("expected NAME:APIKEY.");
  return [...(previous ?? []), { username: value.slice(0, separator), apiKey: value.slice(separator + 1) }];
}

/** The package `segments emulator` runs: an optional peer dependency, so the CLI itself installs no native code. */
export const EMULATOR_PACKAGE = "@segments-ts/emulator";

/**
 * Loads the emulator on demand (it brings SQLite and the compiled spec, which no other command needs). When it is
 * not installed the error says, in one line, how to get it.
 */
export async function loadEmulator(
  load: () => Promise<typeof import("@segments-ts/emulator")> = () => import("@segments-ts/emulator"),
): Promise<typeof import("@segments-ts/emulator")> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const missing =
      (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
      message.includes(`'${EMULATOR_PACKAGE}'`);
    if (missing)
      throw new CliError(
        `segments emulator needs ${EMULATOR_PACKAGE}, which is not installed: npm install ${EMULATOR_PACKAGE} ` +
          "(next to @segments-ts/cli; it builds a native SQLite addon).",
        ExitCode.Unexpected,
        { cause: error },
      );
    throw new CliError(`${EMULATOR_PACKAGE} is installed but cannot load: ${message}`, ExitCode.Unexpected, {
      cause: error,
    });
  }
}

async function run(ctx: Context, flags: EmulatorFlags): Promise<void> {
  const { parseRateLimit, startEmulator } = await loadEmulator();
  if (flags.rateLimit !== undefined) {
    try {
      parseRateLimit(flags.rateLimit);
    } catch (error) {
      throw new CliError(`--rate-limit: ${(error as Error).message}`, ExitCode.Usage);
    }
  }
  const emulator = await startEmulator({
    host: flags.host,
    port: flags.port,
    dataDir: flags.dataDir,
    users: flags.user,
    rateLimit: flags.rateLimit,
    validateResponses: false,
  });
  // These are the emulator's own local credentials (printed so you can use them), not your SEGMENTS_API_KEY.
  const info = { url: emulator.url, username: emulator.username, apiKey: emulator.apiKey };
  ctx.out.result(info, () =>
    [
      `Segments API emulator listening on ${emulator.url}`,
      `User: ${emulator.username}  API key: ${emulator.apiKey}`,
      flags.dataDir ? `Data directory: ${flags.dataDir}` : "State is in memory (use --data-dir to keep it).",
      `Use it: export SEGMENTS_API_URL=${emulator.url} SEGMENTS_API_KEY=${emulator.apiKey}`,
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    else ctx.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  ctx.out.note("Shutting down the emulator.");
  await emulator.close();
}

/** Adds `segments emulator` to the program. */
export function registerEmulator(program: Command, runtime: Runtime): void {
  withJson(program.command("emulator"), ["url", "username", "apiKey"])
    .description("run a local Segments API emulator (for tests and demos) until Ctrl-C")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", port, 8787)
    .option("--data-dir <dir>", "keep state in <dir>/emulator.sqlite (default: in memory)")
    .option("--user <name:apikey>", "create a user (repeatable; the first is the default)", user)
    .option("--rate-limit <n/s>", "throttle each user to N requests per second (or N/m, N/h)")
    .addHelpText(
      "after",
      "\nExample:\n  segments emulator --port 8787 --user jane:secret-key --data-dir .emulator",
    )
    .action(action(runtime, run));
}
