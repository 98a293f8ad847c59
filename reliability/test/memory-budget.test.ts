/**
 * Memory under concurrent large bodies: 24 clients each send a maximum-size (64 MiB) JSON body at once to an
 * emulator in a child process. A global budget for bodies in memory answers the excess 503 with Retry-After (the
 * clients wait and resend), so the server's resident set stays under ~1 GB, and comes back down afterwards.
 */
import { type ChildProcess, fork } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bump, recordFigures } from "../src/report.ts";

const MiB = 1024 * 1024;
const CLIENTS = 24;
const BODY_BYTES = 64 * MiB; // the emulator's default maxBodyBytes
const RSS_LIMIT = 1024 * MiB;

type Message = { kind: string; url?: string; peakRss?: number; rss?: number };

/** A sample whose metadata holds one huge string and whose priority is invalid: parsed in full, then a 400. */
function maximumBody(): Buffer {
  const head =
    '{"name":"big.jpg","attributes":{"image":{"url":"https://example.com/a.jpg"}},"priority":"high","metadata":{"blob":"';
  const tail = '"}}';
  const body = Buffer.alloc(BODY_BYTES, 0x61);
  body.write(head, 0);
  body.write(tail, BODY_BYTES - tail.length);
  return body;
}

function post(url: string, body: Buffer): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}/datasets/jane/memory/samples/`,
      {
        method: "POST",
        headers: {
          Authorization: "APIKey memory-key",
          "Content-Type": "application/json",
          "Content-Length": body.length,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("memory: a global budget for request bodies", () => {
  let child: ChildProcess;
  let url = "";
  const ask = (kind: string) =>
    new Promise<Message>((resolve) => {
      const onMessage = (message: Message) => {
        if (message.kind !== kind) return;
        child.off("message", onMessage);
        resolve(message);
      };
      child.on("message", onMessage);
      child.send({ kind });
    });

  beforeAll(async () => {
    child = fork(fileURLToPath(new URL("../src/memory-server.ts", import.meta.url)), [], {
      execArgv: ["--expose-gc", "--import", "tsx", "--conditions=source"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    url = ((await new Promise<Message>((resolve) => child.once("message", resolve))).url ?? "") as string;
    const created = await fetch(`${url}/user/datasets/`, {
      method: "POST",
      headers: { Authorization: "APIKey memory-key", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "memory", task_type: "vector" }),
    });
    expect(created.status).toBe(201);
  });

  afterAll(() => {
    child?.kill("SIGKILL");
  });

  test(`${CLIENTS} concurrent 64 MiB bodies keep the server under ~1 GB, and memory comes back`, async () => {
    const body = maximumBody();
    const baseline = (await ask("reset")).rss ?? 0;
    const statuses: Record<string, number> = {};
    let retries = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (;;) {
          const answer = await post(url, body);
          bump(statuses, String(answer.status));
          if (answer.status !== 503) return answer;
          expect(answer.retryAfter).toBe("1");
          retries++;
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { peakRss = 0, rss = 0 } = await ask("report");
    recordFigures("Memory: concurrent maximum-size bodies", {
      clients: CLIENTS,
      "body MiB": BODY_BYTES / MiB,
      "answers (status)": statuses,
      "503 retries": retries,
      "baseline RSS MiB": baseline / MiB,
      "peak RSS MiB": peakRss / MiB,
      "RSS after MiB": rss / MiB,
      "duration s": seconds,
    });
    expect(statuses["400"]).toBe(CLIENTS); // every body was read, parsed and validated in the end
    expect(peakRss).toBeLessThan(RSS_LIMIT);
    expect(rss).toBeLessThan(baseline + 128 * MiB);
  });
});
