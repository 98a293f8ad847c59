/**
 * Child process of the memory test: an emulator with its default limits whose resident set size is sampled every
 * 5 ms, so the parent can read the peak while it floods the server with large bodies. Messages: `reset` starts a
 * new peak, `report` answers `{ peakRss, rss }` in bytes after a full garbage collection (run with --expose-gc).
 */
import { startEmulator } from "@segments-ts/emulator";

const emulator = await startEmulator({
  users: [{ username: "jane", apiKey: "memory-key" }],
  validateResponses: false,
  log: () => {},
});
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 5).unref();

const collect = (global as { gc?: () => void }).gc ?? (() => {});
process.on("message", async (message: { kind: string }) => {
  if (message.kind === "reset") {
    collect();
    peakRss = process.memoryUsage.rss();
    process.send?.({ kind: "reset", rss: peakRss });
  } else if (message.kind === "report") {
    const peak = peakRss;
    for (let round = 0; round < 3; round++) {
      collect();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    process.send?.({ kind: "report", peakRss: peak, rss: process.memoryUsage.rss() });
  }
});
process.send?.({ kind: "ready", url: emulator.url });
