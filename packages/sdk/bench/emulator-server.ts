/**
 * Child process of the end-to-end bench (e2e.ts): the emulator with one user, in memory, without response
 * validation (as users run it), so the client and the server each get a core. Prints its URL and runs until killed.
 */
import { startEmulator } from "@segments-ts/emulator";

const emulator = await startEmulator({
  validateResponses: false,
  users: [{ username: "bench", apiKey: process.argv[2] ?? "bench-key" }],
});
console.log(emulator.url);
