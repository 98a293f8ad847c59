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
import { build } from "esbuild";
import { SegmentsClient } from "../src/index.js";

const API_KEY = "bench-key";
const SAMPLES = 10_000;
const REQUESTS = 3_000;

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
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function requestOverhead(url: string, client: SegmentsClient) {
  const uuid = "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b";
  const target = `${url}/samples/${uuid}/`;
  const headers = { Authorization: `APIKey ${API_KEY}` };
  const rawFetch = async () => (await fetch(target, { headers })).json();
  // What any per-request timeout costs: undici does extra work for every request that carries a signal.
  const rawWithTimeout = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await (await fetch(target, { headers, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  };
  const sdk = () => client.getSample(uuid);
  const variants = [rawFetch, rawWithTimeout, sdk];
  for (let i = 0; i < 300; i++) for (const run of variants) await run(); // warm-up (JIT, keep-alive sockets)
  const times: number[][] = variants.map(() => []);
  // Interleave single requests so drift from other processes on the machine hits every variant alike, and take
  // medians so one stall does not decide the result.
  for (let i = 0; i < REQUESTS; i++) {
    for (const [index, run] of variants.entries()) times[index]?.push(await timeMs(run));
  }
  const [raw, withTimeout, wrapped] = times.map(median) as [number, number, number];
  return { raw, withTimeout, sdk: wrapped };
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

  const overhead = await requestOverhead(server.url, client);
  const ratio = overhead.sdk / overhead.raw;
  console.log(`1. getSample vs raw fetch of the same URL (median of ${REQUESTS} interleaved requests each)`);
  console.log(
    `   raw fetch ${overhead.raw.toFixed(3)} ms | SDK ${overhead.sdk.toFixed(3)} ms | ratio ${ratio.toFixed(3)} (target <= 1.10: ${verdict(ratio <= 1.1)})`,
  );
  const timeoutRatio = overhead.withTimeout / overhead.raw;
  console.log(
    `   raw fetch + timeout signal ${overhead.withTimeout.toFixed(3)} ms (ratio ${timeoutRatio.toFixed(3)}) | SDK vs that ${(overhead.sdk / overhead.withTimeout).toFixed(3)} | SDK overhead ${((overhead.sdk - overhead.raw) * 1000).toFixed(0)} µs/request`,
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
