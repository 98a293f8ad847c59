#!/usr/bin/env node
import { parseCli, USAGE } from "./cli-args.js";
import { type EmulatorOptions, startEmulator } from "./emulator.js";

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
  const emulator = await startEmulator(options);
  console.log(`Segments API emulator listening on ${emulator.url}`);
  console.log(`Default user: ${emulator.username}  API key: ${emulator.apiKey}`);
  console.log(
    options.dataDir
      ? `Data directory: ${options.dataDir}`
      : "State is in memory (use --data-dir to keep it).",
  );
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
