/**
 * End-to-end bench of `SegmentsClient` against the emulator (in a child process): per round, a new dataset gets
 * 10,000 samples with `addSamples`, all of them are listed back with `iterSamples`, then 300 of them get a label with
 * `addLabel`, 8 at a time. Prints the median over rounds of wall time and client-process CPU per phase. The numbers
 * include the emulator's own work; compare runs of two versions of the SDK interleaved on the same machine
 * (see RESULTS.md), never against a fixed figure.
 *
 *   pnpm --filter @segments-ts/sdk bench            (all sections; this is section 4)
 *   tsx --conditions=source bench/e2e.ts [rounds]   (this section alone, from packages/sdk)
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { SegmentsClient } from "../src/index.js";

const API_KEY = "bench-key";
const SAMPLES = 10_000;
const LABELS = 300;
const LABEL_CONCURRENCY = 8;

export interface PhaseTimes {
  /** Wall milliseconds, one entry per round. */
  ms: number[];
  /** Client-process CPU milliseconds, one entry per round. */
  cpuMs: number[];
}

export type EndToEndResult = Record<"bulk add" | "list all" | "labels" | "total", PhaseTimes>;

async function startEmulatorProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx/esm",
      "--conditions=source",
      fileURLToPath(new URL("./emulator-server.ts", import.meta.url)),
    ],
    { stdio: ["ignore", "pipe", "inherit"], cwd: fileURLToPath(new URL("..", import.meta.url)) },
  );
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  return { url: chunk.toString().trim(), stop: () => child.kill() };
}

async function measure<T>(times: PhaseTimes, run: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  times.ms.push(performance.now() - started);
  const { user, system } = process.cpuUsage(cpu);
  times.cpuMs.push((user + system) / 1000);
  return result;
}

async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function round(client: SegmentsClient, name: string, result: EndToEndResult): Promise<void> {
  const dataset = await client.addDataset(name, { task_type: "bboxes" });
  const samples = Array.from({ length: SAMPLES }, (_, i) => ({
    name: `sample-${i}.jpg`,
    attributes: { image: { url: `https://example.com/images/${i}.jpg` } },
    metadata: { index: i },
  }));
  const started = { ms: performance.now(), cpu: process.cpuUsage() };
  await measure(result["bulk add"], () => client.addSamples(dataset.full_name, samples));
  const listed = await measure(result["list all"], () => client.iterSamples(dataset.full_name).toArray());
  if (listed.length !== SAMPLES) throw new Error(`listed ${listed.length} samples, expected ${SAMPLES}`);
  await measure(result.labels, () =>
    pool(listed.slice(0, LABELS), LABEL_CONCURRENCY, (sample) =>
      client.addLabel(sample.uuid, "ground-truth", {
        format_version: "0.1",
        annotations: [
          {
            id: 1,
            category_id: 1,
            type: "bbox",
            points: [
              [10, 10],
              [60, 40],
            ],
          },
        ],
      }),
    ),
  );
  result.total.ms.push(performance.now() - started.ms);
  const { user, system } = process.cpuUsage(started.cpu);
  result.total.cpuMs.push((user + system) / 1000);
  await client.deleteDataset(dataset.full_name);
}

/** Runs one warm-up round and `rounds` measured rounds against a fresh emulator process. */
export async function endToEnd(rounds = 5): Promise<EndToEndResult> {
  const emulator = await startEmulatorProcess();
  const empty = (): PhaseTimes => ({ ms: [], cpuMs: [] });
  const result: EndToEndResult = {
    "bulk add": empty(),
    "list all": empty(),
    labels: empty(),
    total: empty(),
  };
  try {
    const client = new SegmentsClient({ apiKey: API_KEY, baseUrl: emulator.url, logLevel: "off" });
    await round(client, "warmup", {
      "bulk add": empty(),
      "list all": empty(),
      labels: empty(),
      total: empty(),
    });
    for (let i = 0; i < rounds; i++) await round(client, `round-${i}`, result);
  } finally {
    emulator.stop();
  }
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function reportEndToEnd(result: EndToEndResult): void {
  for (const [phase, { ms, cpuMs }] of Object.entries(result)) {
    console.log(
      `   ${phase.padEnd(10)} ${median(ms).toFixed(0).padStart(6)} ms wall, ${median(cpuMs).toFixed(0).padStart(6)} ms client CPU (median of ${ms.length})`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rounds = Number(process.argv[2] ?? 5);
  console.log(
    `end to end against the emulator: ${SAMPLES} samples bulk-added, listed, ${LABELS} labels at concurrency ${LABEL_CONCURRENCY}`,
  );
  reportEndToEnd(await endToEnd(rounds));
}
