/**
 * Listing at scale: a 1,000,000-sample dataset in an emulator child process (seeded by the emulator bench's
 * server, bench/scale-server.ts, which writes the rows inside SQLite). `per_page=1` pages, sorted several ways and
 * deep into the list, come back right; their latency is printed next to a 10,000-sample dataset's and a trivial
 * request's, measured in the same run (figures, not assertions: the O(page) property itself is asserted in the
 * emulator's own tests, test/scale.test.ts).
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { percentile, recordFigures } from "../src/report.ts";

const SERVER = fileURLToPath(new URL("../../packages/emulator/bench/scale-server.ts", import.meta.url));
const EMULATOR_DIR = fileURLToPath(new URL("../../packages/emulator/", import.meta.url));
const headers = { Authorization: "APIKey bench-key" };
const ROUNDS = 100;

type Message = { kind: string; url?: string };

describe("listing a 1,000,000-sample dataset", () => {
  let child: ChildProcess;
  let url = "";
  const ask = (message: object, answer: string) =>
    new Promise<Message>((resolve) => {
      const onMessage = (reply: Message) => {
        if (reply.kind !== answer) return;
        child.off("message", onMessage);
        resolve(reply);
      };
      child.on("message", onMessage);
      child.send(message);
    });

  beforeAll(async () => {
    child = fork(SERVER, [], {
      cwd: EMULATOR_DIR,
      execArgv: ["--import", "tsx", "--conditions=source"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    url = (await new Promise<Message>((resolve) => child.once("message", resolve))).url ?? "";
  }, 60_000);

  afterAll(() => {
    child?.kill("SIGKILL");
  });

  async function timed(path: string): Promise<{ p50: number; p99: number; body: { name: string }[] }> {
    const times: number[] = [];
    let body: { name: string }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers });
      body = (await response.json()) as { name: string }[];
      times.push(performance.now() - started);
      expect(response.status, path).toBe(200);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), body };
  }

  test("per_page=1 pages are right and cost about what a trivial request costs", async () => {
    const seedStarted = performance.now();
    await ask({ kind: "seed", name: "million", count: 1_000_000 }, "seeded");
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await ask({ kind: "seed", name: "small", count: 10_000 }, "seeded");

    const baseline = await timed("/api_status/");
    const small = await timed("/datasets/bench/small/samples/?per_page=1");
    const first = await timed("/datasets/bench/million/samples/?per_page=1");
    const last = await timed("/datasets/bench/million/samples/?per_page=1&sort=-name");
    const newest = await timed("/datasets/bench/million/samples/?per_page=1&sort=-created_at");
    const deep = await timed("/datasets/bench/million/samples/?per_page=100&page=100");
    expect(first.body.map((s) => s.name)).toEqual(["sample-0000000.jpg"]);
    expect(last.body.map((s) => s.name)).toEqual(["sample-0999999.jpg"]);
    expect(newest.body.map((s) => s.name)).toEqual(["sample-0999999.jpg"]);
    expect(deep.body[0]?.name).toBe("sample-0009900.jpg");
    const dataset = await (await fetch(`${url}/datasets/bench/million/`, { headers })).json();
    expect(dataset.samples_count).toBe(1_000_000);

    const ms = (value: number) => Number(value.toFixed(2));
    recordFigures("Scale: listing 1,000,000 samples", {
      "seed s": seedSeconds,
      "GET /api_status/ p50/p99 ms": { p50: ms(baseline.p50), p99: ms(baseline.p99) },
      "10k per_page=1 p50/p99 ms": { p50: ms(small.p50), p99: ms(small.p99) },
      "1M per_page=1 p50/p99 ms": { p50: ms(first.p50), p99: ms(first.p99) },
      "1M per_page=1 sort=-name p50/p99 ms": { p50: ms(last.p50), p99: ms(last.p99) },
      "1M per_page=1 sort=-created_at p50/p99 ms": { p50: ms(newest.p50), p99: ms(newest.p99) },
      "1M per_page=100 page=100 p50/p99 ms": { p50: ms(deep.p50), p99: ms(deep.p99) },
      "1M / 10k p50 ratio": first.p50 / small.p50,
    });
  });
});
