/**
 * `pnpm bench`: measured in one run against one local server (a separate process, see server.mjs):
 *   1. per-request overhead of `getSample` vs a raw `fetch` of the same URL (target ratio <= 1.10);
 *   2. ingest of 10,000 samples: `addSamples` (batches, concurrency) vs a sequential `addSample` loop (target >= 10x);
 *   3. minified + gzipped size of a bundle using `SegmentsClient`, built with esbuild (target <= 12 kB).
 * Ratios compare against baselines measured in the same run; nothing here is asserted.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CLIENT_VERSION } from "@segments-ts/client";
import { build } from "esbuild";
import { SegmentsClient } from "../src/index.js";

const API_KEY = "bench-key";
const SAMPLES = 10_000;
const WARMUP_REQUESTS = 500;
const ROUNDS = 51;
const REQUESTS_PER_ROUND = 50;

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

interface Variant {
  name: string;
  run: () => Promise<unknown>;
  /** Milliseconds per request, one entry per round. */
  ms: number[];
  /** Client-process CPU microseconds per request, one entry per round. */
  cpuUs: number[];
}

/**
 * Runs every variant for `REQUESTS_PER_ROUND` sequential requests per round, `ROUNDS` rounds, in a new random order
 * each round. The machine is shared, so load drifts: short interleaved rounds expose all variants to the same drift,
 * ratios are taken within a round (variants measured milliseconds apart) and the median over rounds ignores the rounds
 * a stall spoiled. A fixed rotation is not enough: a variant that always follows the same one inherits its garbage
 * (GC pauses land in the next block), which showed up as a steady 4-10 % bias.
 */
async function measureRounds(variants: Variant[]): Promise<void> {
  for (let i = 0; i < WARMUP_REQUESTS; i++) for (const { run } of variants) await run(); // JIT, keep-alive sockets
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of shuffled(variants)) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) await variant.run();
      variant.ms.push((performance.now() - started) / REQUESTS_PER_ROUND);
      const { user, system } = process.cpuUsage(cpu);
      variant.cpuUs.push((user + system) / REQUESTS_PER_ROUND);
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

async function requestOverhead(url: string, client: SegmentsClient) {
  const uuid = "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b";
  const target = `${url}/samples/${uuid}/`;
  const headers = { Authorization: `APIKey ${API_KEY}` };
  const variant = (name: string, run: () => Promise<unknown>): Variant => ({ name, run, ms: [], cpuUs: [] });
  // The baseline: the same URL, the same JSON body parsed, the one header the API requires.
  const raw = variant("raw fetch", async () => (await fetch(target, { headers })).json());
  // What any per-request timeout costs: undici does extra work for every request that carries a signal.
  const withTimeout = variant("raw fetch + timeout signal", async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await (await fetch(target, { headers, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  });
  // Not a target, an explanation: the same with every header the SDK sends, i.e. all the SDK's fetch must do.
  const sdkHeaders = {
    authorization: `APIKey ${API_KEY}`,
    accept: "application/json",
    "x-source": "typescript-sdk",
    "segments-sdk-version": CLIENT_VERSION,
  };
  const floor = variant("  + the SDK's 4 headers", async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await (await fetch(target, { headers: sdkHeaders, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  });
  const sdk = variant("SDK getSample", () => client.getSample(uuid));
  await measureRounds([raw, withTimeout, floor, sdk]);
  return { raw, withTimeout, floor, sdk };
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

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? "OK" : "MISSED");

const server = await startServer();
try {
  const client = new SegmentsClient({ apiKey: API_KEY, baseUrl: server.url, logLevel: "off" });

  const { raw, withTimeout, floor, sdk: wrapped } = await requestOverhead(server.url, client);
  const vsRaw = ratio(wrapped, raw);
  const vsTimeout = ratio(wrapped, withTimeout);
  const timeoutCost = ratio(withTimeout, raw);
  console.log(
    `1. getSample vs raw fetch of the same URL (median of ${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND} requests each)`,
  );
  for (const { name, ms, cpuUs } of [raw, withTimeout, floor, wrapped]) {
    console.log(
      `   ${name.padEnd(27)} ${median(ms).toFixed(3)} ms/request (client CPU ${median(cpuUs).toFixed(0)} µs)`,
    );
  }
  console.log(
    `   SDK / raw fetch                  ${vsRaw.toFixed(3)} (target <= 1.10: ${verdict(vsRaw <= 1.1)})`,
  );
  console.log(
    `   SDK / raw fetch + timeout signal ${vsTimeout.toFixed(3)} (<= 1.10: ${verdict(vsTimeout <= 1.1)}; the signal alone costs ${timeoutCost.toFixed(3)}x)`,
  );
  console.log(
    `   SDK / the same fetch with its headers ${ratio(wrapped, floor).toFixed(3)} (the SDK's own JavaScript; those headers cost ${ratio(floor, withTimeout).toFixed(3)}x)`,
  );
  console.log(
    `   SDK overhead ${((median(wrapped.ms) - median(raw.ms)) * 1000).toFixed(0)} µs/request over raw fetch, ${((median(wrapped.ms) - median(withTimeout.ms)) * 1000).toFixed(0)} µs over raw fetch + timeout signal`,
  );

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
} finally {
  server.stop();
}
