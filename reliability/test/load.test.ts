/**
 * Load: 50 concurrent SDK clients for 30 seconds against the emulator with a per-user rate limit. Zero errors other
 * than the configured 429s, nothing lost (every acknowledged sample is there), and the latency percentiles printed.
 */
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runLoad } from "../src/load.ts";
import { percentile, recordFigures } from "../src/report.ts";

const CLIENTS = 50;
const DURATION_MS = Number(process.env.RELIABILITY_LOAD_MS ?? 30_000);
const RATE_LIMIT = "30/s";

describe("load: 50 concurrent clients", () => {
  let emulator: Emulator;
  const users = Array.from({ length: CLIENTS }, (_, i) => ({
    username: `load${i}`,
    apiKey: `load-key-${i}`,
  }));
  const datasets = users.map((user) => `${user.username}/load`);

  beforeAll(async () => {
    emulator = await startEmulator({ users, rateLimit: RATE_LIMIT });
    await Promise.all(
      users.map((user) =>
        new SegmentsClient({ apiKey: user.apiKey, baseUrl: emulator.url, logLevel: "off" }).addDataset(
          "load",
          {
            task_type: "bboxes",
          },
        ),
      ),
    );
  });

  afterAll(() => emulator?.close());

  test(`${CLIENTS} clients for ${DURATION_MS / 1000} s: only the configured 429s, nothing lost`, async () => {
    const started = performance.now();
    const result = await runLoad({
      url: emulator.url,
      apiKeys: users.map((user) => user.apiKey),
      datasets,
      durationMs: DURATION_MS,
    });
    const seconds = (performance.now() - started) / 1000;

    const lost: string[] = [];
    for (const [index, dataset] of datasets.entries()) {
      const client = new SegmentsClient({
        apiKey: users[index]?.apiKey,
        baseUrl: emulator.url,
        logLevel: "off",
        maxRetries: 10,
      });
      const stored = await client.iterSamples(dataset).toArray();
      if (stored.length !== result.created.get(dataset)) {
        lost.push(`${dataset}: ${stored.length} stored, ${result.created.get(dataset)} acknowledged`);
      }
    }

    recordFigures("Load: 50 concurrent SDK clients for 30 s", {
      clients: CLIENTS,
      "duration s": seconds,
      "rate limit per user": RATE_LIMIT,
      "successful ops": result.ops,
      "ops by kind": result.opsByKind,
      "throughput ops/s": result.ops / seconds,
      "429s (configured rate limit)": result.rateLimited,
      "other errors": result.errors.length,
      "latency p50 ms": percentile(result.latencies, 50),
      "latency p99 ms": percentile(result.latencies, 99),
      "latency max ms": percentile(result.latencies, 100),
      "samples verified": [...result.created.values()].reduce((sum, count) => sum + count, 0),
    });

    expect(result.errors.slice(0, 10)).toEqual([]);
    expect(lost).toEqual([]);
    expect(result.ops).toBeGreaterThan(CLIENTS * 10);
    expect(emulator.violations).toEqual([]);
  });
});
