/**
 * Faults: 2,000+ SDK operations through a proxy that injects 503s, 429s with Retry-After, connection resets before
 * and after forwarding, responses slower than the client's timeout and truncated bodies into 20 % of requests. The
 * emulator's final state must equal the intended one exactly, and no output of the run may contain the API key.
 * How each operation type stays exact is documented in `src/workload.ts`.
 */
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { type FetchLike, SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAULT_KINDS, type FaultProxy, seededRandom, startFaultProxy } from "../src/fault-proxy.ts";
import { percentile, recordFigures } from "../src/report.ts";
import { OutputCapture } from "../src/secrets.ts";
import { compareStates, emptyIntendedState, readActualState } from "../src/state.ts";
import { runWorkload } from "../src/workload.ts";

const API_KEY = "fault-run-secret-key-7f3a9c2e";
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611);
const LANES = 24;
const OPS_PER_LANE = 90;
const TIMEOUT_MS = 2_000;

describe("fault injection: 20% faults, exact final state", () => {
  let emulator: Emulator;
  let proxy: FaultProxy;
  const capture = new OutputCapture();

  beforeAll(async () => {
    emulator = await startEmulator({
      users: [{ username: "faulty", apiKey: API_KEY }],
      log: (message, error) => capture.add(`emulator: ${message} ${inspect(error)}`),
    });
    proxy = await startFaultProxy({
      upstream: emulator.url,
      faultRate: 0.2,
      random: seededRandom(SEED),
      slowMs: TIMEOUT_MS + 500,
      retryAfterSeconds: 1,
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
  });

  test("2,000+ operations end in exactly the intended state, with the key in no output", async () => {
    // Presigned upload URLs point at the emulator; route them through the proxy too.
    const throughProxy: FetchLike = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const rewritten = url.startsWith(emulator.url) ? proxy.url + url.slice(emulator.url.length) : url;
      return input instanceof Request ? fetch(new Request(rewritten, input), init) : fetch(rewritten, init);
    };
    const client = new SegmentsClient({
      apiKey: API_KEY,
      baseUrl: proxy.url,
      fetch: throughProxy,
      timeout: TIMEOUT_MS,
      maxRetries: 8,
      logLevel: "debug",
      logger: capture.logger(),
    });
    const direct = new SegmentsClient({ apiKey: API_KEY, baseUrl: emulator.url, logLevel: "off" });
    const dataset = (await direct.addDataset("faults", { task_type: "bboxes" })).full_name;

    const intended = emptyIntendedState();
    const started = performance.now();
    const result = await runWorkload({
      client,
      dataset,
      lanes: LANES,
      opsPerLane: OPS_PER_LANE,
      random: seededRandom(SEED + 1),
      maxAttempts: 12,
      capture,
      intended,
    });
    const seconds = (performance.now() - started) / 1000;
    proxy.disable();

    const actual = await readActualState(direct, dataset, intended.assets.keys());
    const problems = compareStates(intended, actual);

    capture.add(inspect(client, { depth: 5, showHidden: true }));
    capture.add(JSON.stringify(client));
    capture.add(String(client));
    const sdkRetries = capture.entries.filter((entry) =>
      entry.startsWith("info [segments] retrying "),
    ).length;
    const injected = Object.values(proxy.stats.faults).reduce((sum, count) => sum + count, 0);

    recordFigures("Faults: 2,000-op workload at 20% fault rate", {
      seed: SEED,
      ops: result.ops,
      "ops by kind": result.opsByKind,
      "http requests seen by proxy": proxy.stats.requests,
      "faults injected": injected,
      "fault rate": injected / proxy.stats.requests,
      "faults by kind": proxy.stats.faults,
      "faults by method": proxy.stats.faultsByMethod,
      "sdk retries": sdkRetries,
      "workload retries (verify-then-retry)": result.workloadRetries,
      "ambiguous writes found landed": result.verifiedLanded,
      "deletes found already done": result.alreadyDeleted,
      "op latency p50 ms": percentile(result.latencies, 50),
      "op latency p99 ms": percentile(result.latencies, 99),
      "live samples verified": intended.samples.size,
      "deleted samples verified gone": intended.deleted.size,
      "assets verified": intended.assets.size,
      "state differences": problems.length,
      "output scanned for key (chars)": capture.size,
      "key found in output": capture.findings(API_KEY).length,
      "duration s": seconds,
    });

    expect(result.ops).toBeGreaterThanOrEqual(2_000);
    for (const kind of FAULT_KINDS) expect(proxy.stats.faults[kind], kind).toBeGreaterThan(0);
    expect(injected / proxy.stats.requests).toBeGreaterThan(0.15);
    expect(problems).toEqual([]);
    expect(actual.samples.length).toBe(intended.samples.size);
    expect(capture.findings(API_KEY)).toEqual([]);
    expect(emulator.violations).toEqual([]);
  });
});
