/**
 * Runs one example against an emulator started in this process: `tsx run-with-emulator.ts <example>`.
 * This is what `pnpm demo` does; nothing leaves 127.0.0.1.
 */
import { startEmulator } from "@segments-ts/emulator";
import { SegmentsClient } from "@segments-ts/sdk";
import { examples } from "./index.ts";

const name = process.argv[2] ?? "quickstart";
const example = examples[name as keyof typeof examples];
if (!example) {
  console.error(`Unknown example "${name}". Available: ${Object.keys(examples).join(", ")}`);
  process.exit(2);
}

const emulator = await startEmulator({ releaseDelayMs: 200 });
console.log(`Segments emulator at ${emulator.url} (user ${emulator.username})\n`);
try {
  await example(new SegmentsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url }));
} finally {
  await emulator.close();
}
