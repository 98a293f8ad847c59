/**
 * `pnpm bench`: measured in one run against one local server (a separate process, see server.mjs):
 *   1. per-request overhead of `getSample` vs a raw `fetch` of the same URL (target ratio <= 1.10), each in a client
 *      process of its own (request-worker.ts), then all in one process for comparison;
 *   2. ingest of 10,000 samples: `addSamples` (batches, concurrency) vs a sequential `addSample` loop (target >= 10x);
 *   3. minified + gzipped size of a bundle using `SegmentsClient`, built with esbuild (target <= 12 kB);
 *   4. end to end against the emulator (e2e.ts): 10,000 samples bulk-added, listed, 300 labels at concurrency 8.
 * Ratios compare against baselines measured in the same run; nothing here is asserted.
 */
import { fork, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { SegmentsClient } from "../src/index.js";
import { endToEnd, reportEndToEnd } from "./e2e.js";
import { API_KEY, measureRequests, VARIANTS, type VariantName, variantRun } from "./request-variants.js";

const SAMPLES = 10_000;
// node:http's path needs a few thousand requests to reach its steady speed, and short rounds left a variant in its
// own process starting every round on caches the others had evicted (what shorter settings cost: bench/RESULTS.md).
const WARMUP_REQUESTS = 3000;
const ROUNDS = 25;
const REQUESTS_PER_ROUND = 200;

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./server.mjs", import.meta.url))], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  return { url: chunk.toString().trim(), stop: () => child.kill() };
}

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `requests` sequential requests of one variant; resolves with ms and client CPU µs per request. */
type RoundRunner = (requests: number) => Promise<{ ms: number; cpuUs: number }>;

interface Variant {
  name: VariantName;
  runRound: RoundRunner;
  /** Milliseconds per request, one entry per round. */
  ms: number[];
  /** Client-process CPU microseconds per request, one entry per round. */
  cpuUs: number[];
}

/** The variant in this process (all four share one heap, JIT and event loop). */
function inProcess(name: VariantName, url: string): Variant {
  const run = variantRun(name, url);
  const runRound: RoundRunner = (requests) => measureRequests(run, requests);
  return { name, runRound, ms: [], cpuUs: [] };
}

/** The variant in a process of its own (request-worker.ts), as a user's program would run it. */
async function inOwnProcess(name: VariantName, url: string): Promise<Variant & { stop(): void }> {
  // fork() reuses this process's execArgv: tsx's loader and `--conditions=source`.
  const child = fork(fileURLToPath(new URL("./request-worker.ts", import.meta.url)), [name, url]);
  await once(child, "message"); // ready
  const runRound: RoundRunner = async (requests) => {
    child.send({ requests });
    const [result] = (await once(child, "message")) as [{ ms: number; cpuUs: number }];
    return result;
  };
  return { name, runRound, ms: [], cpuUs: [], stop: () => child.kill() };
}

/**
 * Runs every variant for `REQUESTS_PER_ROUND` sequential requests per round, `ROUNDS` rounds, in a new random order
 * each round. The machine is shared, so load drifts: short interleaved rounds expose all variants to the same drift,
 * ratios are taken within a round (variants measured milliseconds apart) and the median over rounds ignores the rounds
 * a stall spoiled. A fixed rotation is not enough: a variant that always follows the same one inherits its garbage
 * (GC pauses land in the next block), a steady bias (bench/RESULTS.md).
 */
async function measureRounds(variants: Variant[]): Promise<void> {
  for (const variant of variants) await variant.runRound(WARMUP_REQUESTS); // JIT, keep-alive sockets
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of shuffled(variants)) {
      const { ms, cpuUs } = await variant.runRound(REQUESTS_PER_ROUND);
      variant.ms.push(ms);
      variant.cpuUs.push(cpuUs);
    }
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** Median over rounds of `a / b`, both measured in the same round. */
function ratio(a: Variant, b: Variant): number {
  return median(a.ms.map((ms, round) => ms / (b.ms[round] ?? Number.NaN)));
}

/**
 * Measures the four variants twice: each in its own process (the headline: how a program using only the SDK, or
 * only fetch, runs), then all in this one process, where Node's fetch and the SDK's node:http share a heap and
 * garbage collector and slow each other down (printed for transparency, not as the target).
 */
async function requestOverhead(url: string) {
  const own = await Promise.all(VARIANTS.map((name) => inOwnProcess(name, url)));
  try {
    await measureRounds(own);
  } finally {
    for (const variant of own) variant.stop();
  }
  const shared = VARIANTS.map((name) => inProcess(name, url));
  await measureRounds(shared);
  return { own, shared };
}

async function ingest(url: string, client: SegmentsClient) {
  const samples = Array.from({ length: SAMPLES }, (_, i) => ({
    name: `sample-${i}.jpg`,
    attributes: { image: { url: `https://example.com/images/${i}.jpg` } },
    metadata: { index: i },
  }));
  await fetch(`${url}/reset`, { method: "POST" });
  const bulkMs = await timeMs(() =>
    client.addSamples("bench/ds", samples, { batchSize: 500, concurrency: 4 }),
  );
  const sequentialMs = await timeMs(async () => {
    for (const sample of samples) {
      await client.addSample("bench/ds", sample.name, sample.attributes, { metadata: sample.metadata });
    }
  });
  return { bulkMs, sequentialMs };
}

async function bundleSize(contents: string, resolveFrom = ".") {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL(resolveFrom, import.meta.url)), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Prints one measurement of the four variants; the first line with a verdict is the target. */
function reportOverhead(variants: Variant[]): void {
  const [raw, withTimeout, floor, sdk] = variants as [Variant, Variant, Variant, Variant];
  for (const { name, ms, cpuUs } of variants) {
    console.log(
      `     ${name.padEnd(38)} ${median(ms).toFixed(3)} ms/request (client CPU ${median(cpuUs).toFixed(0)} µs)`,
    );
  }
  const vsRaw = ratio(sdk, raw);
  const vsTimeout = ratio(sdk, withTimeout);
  console.log(
    `     SDK / raw fetch                  ${vsRaw.toFixed(3)} (target <= 1.10: ${verdict(vsRaw <= 1.1)})`,
  );
  console.log(
    `     SDK / raw fetch + timeout signal ${vsTimeout.toFixed(3)} (the signal alone costs ${ratio(withTimeout, raw).toFixed(3)}x, the SDK's headers ${ratio(floor, withTimeout).toFixed(3)}x)`,
  );
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? "OK" : "MISSED");

const server = await startServer();
try {
  const client = new SegmentsClient({ apiKey: API_KEY, baseUrl: server.url, logLevel: "off" });

  const { own, shared } = await requestOverhead(server.url);
  console.log(
    `1. getSample vs raw fetch of the same URL (median of ${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND} requests each)`,
  );
  console.log("   each variant in its own client process:");
  reportOverhead(own);
  console.log("   all variants in one client process (fetch and node:http share one heap; for comparison):");
  reportOverhead(shared);

  const { bulkMs, sequentialMs } = await ingest(server.url, client);
  const speedup = sequentialMs / bulkMs;
  console.log(`2. ingest of ${SAMPLES} samples`);
  console.log(
    `   addSamples (batches of 500, concurrency 4) ${bulkMs.toFixed(0)} ms | sequential addSample ${sequentialMs.toFixed(0)} ms | speedup ${speedup.toFixed(1)}x (target >= 10x: ${verdict(speedup >= 10)})`,
  );

  const sdk = await bundleSize(
    `import { SegmentsClient } from "../src/index.ts"; console.log(new SegmentsClient({ apiKey: "k" }));`,
  );
  const openapiFetch = await bundleSize(
    `import createClient from "openapi-fetch"; console.log(createClient());`,
    "../../client/", // openapi-fetch is a dependency of @segments-ts/client
  );
  console.log("3. bundle (esbuild, minified, ESM, platform browser)");
  console.log(
    `   SegmentsClient ${kB(sdk.min)} min, ${kB(sdk.gzip)} min+gzip (target <= 12 kB: ${verdict(sdk.gzip <= 12_000)}) | openapi-fetch alone ${kB(openapiFetch.gzip)} min+gzip`,
  );

  console.log("4. end to end against the emulator (bench/e2e.ts, its own emulator process)");
  reportEndToEnd(await endToEnd());
} finally {
  server.stop();
}
