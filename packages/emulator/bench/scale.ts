/**
 * Scale of the emulator: listing latency at 10k / 100k / 1M samples (O(page), not O(dataset)) and the event-loop
 * delay inside the server while a 100,000-sample bulk add runs (as 100 requests of 1,000, the SDK's batch size,
 * and as 10 requests of 10,000, the largest allowed). The server runs in a child process (bench/scale-server.ts).
 * Latencies are printed next to a baseline measured in the same run (GET /api_status/, the cheapest request).
 *
 *   pnpm --filter @segments-ts/emulator bench:scale
 */
import { type ChildProcess, fork } from "node:child_process";

const headers = { Authorization: "APIKey bench-key", "Content-Type": "application/json" };
const SIZES = [10_000, 100_000, 1_000_000];
const ROUNDS = 200;

type Message = { kind: string; url?: string; maxMs?: number; p99Ms?: number; meanMs?: number };

function ask(child: ChildProcess, message: object, answer: string): Promise<Message> {
  return new Promise((resolve) => {
    const onMessage = (reply: Message) => {
      if (reply.kind !== answer) return;
      child.off("message", onMessage);
      resolve(reply);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function latencies(url: string): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function bulkAdd(url: string, total: number, batch: number, prefix: string): Promise<void> {
  for (let start = 0; start < total; start += batch) {
    const items = Array.from({ length: batch }, (_, i) => ({
      name: `${prefix}-${start + i}.jpg`,
      attributes: { image: { url: `https://example.com/${start + i}.jpg` } },
    }));
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(items) });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`bulk add: ${response.status}`);
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main(): Promise<void> {
  const child = fork("bench/scale-server.ts", [], {
    execArgv: ["--import", "tsx/esm", "--conditions=source"],
  });
  try {
    const { url } = await new Promise<Message>((resolve) => child.once("message", resolve));
    const baseline = await latencies(`${url}/api_status/`);
    console.log(
      `Listing (per_page=1), ${ROUNDS} requests each; baseline GET /api_status/ p50 ${ms(baseline.p50)}`,
    );
    for (const size of SIZES) {
      await ask(child, { kind: "seed", name: `d${size}`, count: size }, "seeded");
      const list = `${url}/datasets/bench/d${size}/samples/`;
      for (const query of ["?per_page=1", "?per_page=1&sort=-created_at", "?per_page=100&page=50"]) {
        const { p50, p99 } = await latencies(`${list}${query}`);
        console.log(
          `  ${String(size).padStart(9)} samples  ${query.padEnd(30)} p50 ${ms(p50).padStart(10)}  p99 ${ms(p99).padStart(10)}  p50/baseline ${(p50 / baseline.p50).toFixed(1)}x`,
        );
      }
    }
    console.log("Event-loop delay in the server during a 100,000-sample bulk add:");
    for (const batch of [1000, 10_000]) {
      await fetch(`${url}/user/datasets/`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: `bulk${batch}`, task_type: "vector" }),
      });
      await ask(child, { kind: "eld-start" }, "eld-started");
      const started = performance.now();
      await bulkAdd(`${url}/datasets/bench/bulk${batch}/samples_bulk/`, 100_000, batch, `b${batch}`);
      const seconds = (performance.now() - started) / 1000;
      const eld = await ask(child, { kind: "eld-stop" }, "eld");
      console.log(
        `  batches of ${String(batch).padStart(6)}: max ${ms(eld.maxMs ?? 0)}, p99 ${ms(eld.p99Ms ?? 0)}, ${(100_000 / seconds).toFixed(0)} samples/s (target: max ~50 ms)`,
      );
    }
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
