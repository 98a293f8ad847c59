/**
 * Throughput of the emulator next to a bare `node:http` server answering the same JSON, on loopback, with
 * autocannon. The servers run in a child process (bench/servers.ts) so the load generator does not steal their
 * CPU. Prints requests/s of both and their ratio (target for GET sample: >= 0.5). Bounded: ~3 s per run.
 *
 *   pnpm --filter @segments-ts/emulator bench        (BENCH_DURATION=<seconds> to change the run length)
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 3);
const CONNECTIONS = 10;
const BULK_SIZE = 50;
const headers = { Authorization: "APIKey bench-key", "Content-Type": "application/json" };

interface Servers {
  emulatorUrl: string;
  bareUrl: string;
  sampleUuid: string;
}

async function run(title: string, options: autocannon.Options): Promise<number> {
  const result = await autocannon({ duration: DURATION_SECONDS, connections: CONNECTIONS, ...options });
  const failures = result.non2xx + result.errors;
  const average = result.requests.average;
  const line = `  ${title.padEnd(36)} ${average.toFixed(0).padStart(7)} req/s  p99 ${result.latency.p99} ms`;
  console.log(failures ? `${line}  (${failures} failed requests!)` : line);
  return average;
}

let counter = 0;
/** Each bulk request adds BULK_SIZE new samples (unique names), as an import would. */
function bulkBody(): string {
  return JSON.stringify(
    Array.from({ length: BULK_SIZE }, () => {
      counter++;
      return {
        name: `bench-${counter}.jpg`,
        attributes: { image: { url: `https://example.com/${counter}.jpg` } },
      };
    }),
  );
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx/esm", "--conditions=source", "bench/servers.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
    });
    const servers = JSON.parse(firstLine) as Servers;
    console.log(`Throughput on loopback, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run`);
    const emulatorGet = await run("emulator GET /samples/{uuid}/", {
      url: `${servers.emulatorUrl}/samples/${servers.sampleUuid}/`,
      headers,
    });
    const bareGet = await run("bare node:http GET (same JSON)", { url: `${servers.bareUrl}/`, headers });
    const bulkRequest = {
      method: "POST" as const,
      headers,
      setupRequest: (request: autocannon.Request) => ({ ...request, body: bulkBody() }),
    };
    const emulatorBulk = await run(`emulator POST samples_bulk (${BULK_SIZE} each)`, {
      url: `${servers.emulatorUrl}/datasets/bench/bench/samples_bulk/`,
      requests: [bulkRequest],
    });
    const bareBulk = await run("bare node:http POST (parse + echo)", {
      url: `${servers.bareUrl}/`,
      requests: [bulkRequest],
    });
    console.log(`GET sample ratio (emulator / bare): ${(emulatorGet / bareGet).toFixed(2)}  (target >= 0.5)`);
    console.log(`bulk add ratio   (emulator / bare): ${(emulatorBulk / bareBulk).toFixed(2)}`);
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
