#!/usr/bin/env node
import { parseCli, USAGE } from "./cli-args.js";
import { type EmulatorOptions, startEmulator } from "./emulator.js";
import { RouteTableError } from "./routes/index.js";
import { SpecEnumError } from "./spec/enums.js";
import { DataDirError } from "./store/db.js";

function describeCors(origins: readonly string[] | undefined): string {
  if (origins === undefined) return "loopback origins (use --cors to change)";
  if (origins.length === 0) return "none";
  return origins.map((origin) => (origin === "localhost" ? "loopback origins" : origin)).join(", ");
}

async function main(): Promise<void> {
  let options: EmulatorOptions | "help";
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    // An unusable data directory is the user's to fix, a route table that disagrees with the spec the developer's:
    // one line naming the cause, no stack trace.
    const isStartupError =
      error instanceof DataDirError || error instanceof RouteTableError || error instanceof SpecEnumError;
    if (!isStartupError) throw error;
    console.error(`segments-emulator: cannot start: ${error.message}`);
    process.exit(1);
  }
  console.log(`Segments API emulator listening on ${emulator.url}`);
  console.log(`Default user: ${emulator.username}  API key: ${emulator.apiKey}`);
  if (options.strict) console.log("Strict mode: unknown body fields are 400s, other leniencies are logged.");
  console.log(
    options.dataDir
      ? `Data directory: ${options.dataDir}`
      : "State is in memory (use --data-dir to keep it).",
  );
  console.log(`Browser pages allowed (CORS): ${describeCors(options.cors)}`);
  const stop = (signal: string) => {
    console.log(`Received ${signal}, shutting down.`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
