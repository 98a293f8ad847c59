/**
 * Server-side bad input: 10,000+ malformed requests generated from the OpenAPI spec (fast-check) hit the emulator.
 * Zero 5xx; every answer is a 4xx whose JSON error body names the problem; the state is unchanged afterwards; the
 * API key appears in no response and no server log line.
 */
import { Agent, request } from "node:http";
import { inspect, isDeepStrictEqual } from "node:util";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type FuzzRequest,
  gzipBombRequests,
  loadOperations,
  malformedRequest,
  type PathValues,
} from "../src/fuzz.ts";
import { bump, recordFigures } from "../src/report.ts";
import { OutputCapture } from "../src/secrets.ts";

const KEY = "fuzz-secret-key-91c4e0";
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 424_242);

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function send(base: URL, fuzz: Pick<FuzzRequest, "method" | "path" | "headers" | "body">): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: fuzz.method,
        path: fuzz.path,
        headers: { ...fuzz.headers, ...(fuzz.body ? { "Content-Length": String(fuzz.body.length) } : {}) },
        timeout: 20_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
    outgoing.on("error", reject);
    outgoing.end(fuzz.body);
  });
}

async function api(emulator: Emulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: `APIKey ${KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Everything a malformed request could have changed, read through the API. */
async function snapshot(emulator: Emulator) {
  const reads = [
    "/user",
    "/user/datasets/",
    "/users/fuzzorg/datasets/",
    "/datasets/fuzz/target/",
    "/datasets/fuzz/target/samples/?labelset=ground-truth&include_full_label=1",
    "/datasets/fuzz/target/labelsets/",
    "/datasets/fuzz/target/issues/",
    "/datasets/fuzz/target/releases/",
    "/datasets/fuzz/target/collaborators/collab",
    "/datasets/fuzz/target/workunits/",
  ];
  return Object.fromEntries(
    await Promise.all(reads.map(async (path) => [path, await api(emulator, "GET", path)])),
  );
}

/** Checks one answer; returns what is wrong, or undefined. */
function problemWith(fuzz: FuzzRequest, answer: Answer): string | undefined {
  if (answer.status < 400 || answer.status >= 500) return `status ${answer.status}`;
  if (!answer.contentType.startsWith("application/json")) return `content-type ${answer.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return "body is not JSON";
  }
  const detail = (body as { detail?: unknown }).detail;
  if (typeof detail !== "string" || detail.length === 0) return "no detail in the error body";
  // The problem is named in the detail or as a field key (`{"detail": ..., "name": ["is required"]}`).
  const named = `${detail} ${Object.keys(body as object).join(" ")}`;
  if (!fuzz.mentions.test(named)) return `error does not name the problem (${fuzz.mentions})`;
  return undefined;
}

describe("server fuzz: malformed requests from the spec", () => {
  let emulator: Emulator;
  let base: URL;
  const capture = new OutputCapture();
  const values: PathValues = {
    owner: "fuzz",
    dataset: "target",
    user: "fuzz",
    organization: "fuzzorg",
    labelset: "ground-truth",
    username: "collab",
    release: "v1",
  };

  beforeAll(async () => {
    emulator = await startEmulator({
      users: [
        { username: "fuzz", apiKey: KEY },
        { username: "collab", apiKey: "collab-key" },
      ],
      organizations: [{ name: "fuzzorg", members: [{ username: "fuzz", role: "admin" }] }],
      releaseDelayMs: 0,
      log: (message, error) => capture.add(`emulator: ${message} ${inspect(error)}`),
    });
    base = new URL(emulator.url);
    await api(emulator, "POST", "/user/datasets/", {
      name: "target",
      task_type: "vector",
      task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "object" }] },
    });
    const sample = await api(emulator, "POST", "/datasets/fuzz/target/samples/", {
      name: "one.jpg",
      attributes: { image: { url: "https://example.com/one.jpg" } },
    });
    values.sample_uuid = sample.uuid;
    await api(emulator, "PUT", `/labels/${sample.uuid}/ground-truth/`, {
      attributes: { format_version: "0.1", annotations: [] },
      label_status: "LABELED",
    });
    await api(emulator, "POST", "/datasets/fuzz/target/labelsets/", { name: "extra", attributes: "{}" });
    await api(emulator, "POST", "/datasets/fuzz/target/collaborators/", { user: "collab", role: "labeler" });
    const issue = await api(emulator, "POST", `/samples/${sample.uuid}/issues/`, { description: "check" });
    values.issue_uuid = issue.uuid;
    await api(emulator, "POST", "/datasets/fuzz/target/releases/", { name: "v1", description: "" });
    for (let i = 0; i < 100; i++) {
      const release = await api(emulator, "GET", "/datasets/fuzz/target/releases/v1/");
      if (release.status === "SUCCEEDED") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  afterAll(async () => {
    agent.destroy();
    await emulator?.close();
  });

  test(`${RUNS} malformed requests: only 4xx with a JSON error naming the problem, state unchanged`, async () => {
    const operations = loadOperations();
    expect(operations.length).toBeGreaterThan(30);
    const before = await snapshot(emulator);
    const statuses: Record<string, number> = {};
    const categories: Record<string, number> = {};
    let sent = 0;
    const problems: string[] = [];
    const problemKinds: Record<string, number> = {};
    const started = performance.now();

    const check = async (fuzz: FuzzRequest) => {
      const answer = await send(base, fuzz);
      sent++;
      bump(statuses, String(answer.status));
      bump(categories, fuzz.category);
      capture.add(`${answer.status} ${answer.contentType} ${answer.text.slice(0, 2000)}`);
      const problem = problemWith(fuzz, answer);
      if (problem) {
        bump(problemKinds, `${fuzz.category} ${fuzz.operationId}: ${problem.slice(0, 80)}`);
        if (problems.length < 20) {
          problems.push(
            `${fuzz.category} ${fuzz.method} ${fuzz.path.slice(0, 120)} -> ${problem}: ${answer.text.slice(0, 200)}`,
          );
        }
      }
    };

    for (const bomb of gzipBombRequests(operations, values, KEY)) await check(bomb);
    await fc.assert(fc.asyncProperty(malformedRequest(operations, values, KEY), check), {
      numRuns: RUNS,
      seed: SEED,
      endOnFailure: true,
    });
    const after = await snapshot(emulator);

    recordFigures("Bad input: server fuzz (spec-driven, fast-check)", {
      seed: SEED,
      "fuzz requests sent": sent,
      "requests by category": categories,
      "status histogram": statuses,
      "5xx": Object.entries(statuses)
        .filter(([status]) => status.startsWith("5"))
        .reduce((sum, [, count]) => sum + count, 0),
      "state unchanged": isDeepStrictEqual(before, after),
      "spec violations": emulator.violations.length,
      "key found in responses or server logs": capture.findings(KEY).length,
      "duration s": (performance.now() - started) / 1000,
    });

    expect({ kinds: problemKinds, examples: problems }).toEqual({ kinds: {}, examples: [] });
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(after).toEqual(before);
    expect(emulator.violations).toEqual([]);
    expect(capture.findings(KEY)).toEqual([]);
  });

  // Formerly known bugs of @segments-ts/emulator, fixed there: each was a `test.fails` reproduction.
  describe("limits and strict parameters", () => {
    const json = { Authorization: `APIKey ${KEY}`, "Content-Type": "application/json" };

    test("a hexadecimal per_page (`0x10`) is a 400 naming the parameter, not accepted as 16", async () => {
      const answer = await send(base, {
        method: "GET",
        path: "/user/datasets/?per_page=0x10",
        headers: json,
        body: undefined,
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).detail).toContain("per_page");
    });

    test("a body over the 64 MiB limit gets a JSON 413, not a reset connection (or a 500 in test mode)", async () => {
      const body = Buffer.alloc(65 * 1024 * 1024, 0x20);
      const answer = await send(base, { method: "POST", path: "/user/datasets/", headers: json, body });
      expect(answer.status).toBe(413);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.text).detail).toMatch(/too large/i);
    });

    test("a request line over Node's 16 KiB header limit gets a JSON error, not a bare 431", async () => {
      const answer = await send(base, {
        method: "GET",
        path: `/datasets/fuzz/${"a".repeat(20_000)}/`,
        headers: json,
        body: undefined,
      });
      expect(answer.status).toBe(431);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.text).detail).toMatch(/too large/i);
    });
  });
});
