/**
 * One variant of the per-request benchmark in its own process, forked by run.ts: a user's process runs one HTTP stack,
 * and variants sharing a process pay for each other's garbage and JIT state. The parent sends `{ requests: n }`; the
 * answer is milliseconds and client-process CPU microseconds per request.
 */
import { measureRequests, VARIANTS, type VariantName, variantRun } from "./request-variants.js";

const [name, url = ""] = process.argv.slice(2);
if (!VARIANTS.includes(name as VariantName)) throw new Error(`unknown variant ${name}`);
const run = variantRun(name as VariantName, url);

process.on("message", async ({ requests }: { requests: number }) => {
  process.send?.(await measureRequests(run, requests));
});
process.send?.({ ready: true });
