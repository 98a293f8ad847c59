import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.js";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, imageAttributes, start } from "./helpers.js";

const MiB = 1024 * 1024;
const headers = { Authorization: "APIKey jane-key", "Content-Type": "application/json" };

/** A streamed (chunked, no Content-Length) body of `chunks` MiB of spaces; endless when `chunks` is Infinity. */
function streamedBody(chunks: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(MiB).fill(0x20));
      else controller.close();
    },
  });
}

async function post(emulator: Emulator, path: string, body: BodyInit, extra: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { ...headers, ...extra },
    body,
    duplex: "half",
  } as RequestInit);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

/** Sends raw bytes on a fresh connection; resolves with everything the server wrote once it closes. */
function rawExchange(emulator: Emulator, bytes: string): Promise<string> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk;
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("request size limits (default 64 MiB body)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterAll(async () => {
    // 413 is declared on every operation with a body, so test mode records no violation.
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  const tooLarge = {
    status: 413,
    type: "application/json",
    body: { detail: `Request body is too large (limit ${64 * MiB} bytes).` },
  };

  it("answers a JSON 413 to a body whose Content-Length is over the limit, and the client reads it", async () => {
    expect(await post(emulator, "/user/datasets/", Buffer.alloc(65 * MiB, 0x20))).toEqual(tooLarge);
  });

  it("answers a JSON 413 to a chunked body that grows past the limit", async () => {
    expect(await post(emulator, "/user/datasets/", streamedBody(70))).toEqual(tooLarge);
  });

  it("keeps serving on the same keep-alive connection after draining a refused body", async () => {
    const { hostname, port } = new URL(emulator.url);
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const outgoing = httpRequest(
          {
            host: hostname,
            port,
            method,
            path,
            agent,
            headers: { ...headers, ...(body ? { "Content-Length": String(body.length) } : {}) },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve({ status: response.statusCode ?? 0, socket: outgoing.socket }));
          },
        );
        outgoing.on("error", reject);
        outgoing.end(body);
      });
    const { Agent } = await import("node:http");
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send("POST", "/user/datasets/", Buffer.alloc(65 * MiB, 0x20));
    const next = await send("GET", "/user");
    agent.destroy();
    expect(refused.status).toBe(413);
    expect(next.status).toBe(200);
    expect(next.socket).toBe(refused.socket);
  });

  it("answers 431 with a JSON body to a URL over Node's 16 KiB header limit, then closes the connection", async () => {
    const response = await fetch(`${emulator.url}/datasets/jane/${"a".repeat(20_000)}/`, { headers });
    expect(response.status).toBe(431);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ detail: "Request header fields too large." });

    const raw = await rawExchange(
      emulator,
      `GET /user HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toContain("Connection: close");
    expect(raw.endsWith('{"detail":"Request header fields too large."}')).toBe(true);
  });

  it("answers malformed HTTP with a JSON 400 and closes the connection", async () => {
    const raw = await rawExchange(emulator, "NOT-HTTP at all\r\n\r\n");
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain("Content-Type: application/json");
    expect(raw.endsWith('{"detail":"Malformed HTTP request."}')).toBe(true);
  });

  it("is still up after all of the above", async () => {
    expect((await client(emulator)("GET", "/user")).status).toBe(200);
  });
});

describe("request size limits: the maxBodyBytes option", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start({ maxBodyBytes: 4096 });
    await createDataset(client(emulator), "small");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("accepts a body at the limit and refuses one byte more", async () => {
    const sample = (size: number) => {
      const json = JSON.stringify({ name: "s.jpg", attributes: { image: { url: "https://e.com/" } } });
      // Pad with whitespace (valid JSON) to exactly `size` bytes.
      return json + " ".repeat(size - json.length);
    };
    expect((await post(emulator, "/datasets/jane/small/samples/", sample(4096))).status).toBe(201);
    expect(await post(emulator, "/datasets/jane/small/samples/", sample(4097))).toEqual({
      status: 413,
      type: "application/json",
      body: { detail: "Request body is too large (limit 4096 bytes)." },
    });
  });

  it("applies the limit after gzip decompression too (a gzip bomb is a 413)", async () => {
    const bomb = gzipSync(Buffer.alloc(MiB, 0x20));
    expect(bomb.length).toBeLessThan(4096);
    expect(
      await post(emulator, "/datasets/jane/small/samples/", bomb, { "Content-Encoding": "gzip" }),
    ).toEqual({
      status: 413,
      type: "application/json",
      body: { detail: "Request body is too large once decompressed (limit 4096 bytes)." },
    });
  });

  it("answers the 413 to a client that never stops sending, then cuts the connection", async () => {
    const answer = await post(
      emulator,
      "/datasets/jane/small/samples/",
      streamedBody(Number.POSITIVE_INFINITY),
    );
    expect(answer.status).toBe(413);
  });

  it("ignores the body of an operation that declares none (no 413, no JSON parsing)", async () => {
    const sample = await createSample(client(emulator), "jane/small", "gone.jpg");
    const response = await fetch(`${emulator.url}/samples/${sample.uuid}/`, {
      method: "DELETE",
      headers,
      body: "x".repeat(10_000),
    });
    expect(response.status).toBe(204);
  });

  it("is validated, and settable from the command line", async () => {
    await expect(start({ maxBodyBytes: 0 })).rejects.toThrow(/maxBodyBytes/);
    expect(parseCli(["--max-body-bytes", "1048576"])).toMatchObject({ maxBodyBytes: MiB });
    expect(parseCli([])).toMatchObject({ maxBodyBytes: undefined });
    expect(() => parseCli(["--max-body-bytes", "1e6"])).toThrow(/--max-body-bytes/);
    expect(() => parseCli(["--max-body-bytes", "0"])).toThrow(/--max-body-bytes/);
  });
});

describe("numeric query parameters accept plain decimals only", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
    await createDataset(client(emulator), "numbers");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  for (const spelling of ["0x10", "1e1", "0b1", "0o7", " 16", "16 ", "+16", "1.0", "16abc", "", "Infinity"]) {
    it(`per_page=${JSON.stringify(spelling)} is a 400 naming per_page`, async () => {
      const response = await client(emulator)(
        "GET",
        `/user/datasets/?per_page=${encodeURIComponent(spelling)}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain("per_page");
      expect(response.body.per_page).toBeDefined();
    });
  }

  it("checks every integer query parameter (page, include_full_label, include_signed_urls)", async () => {
    const jane = client(emulator);
    expect((await jane("GET", "/datasets/jane/numbers/samples/?page=0x1")).body.detail).toContain("`page`");
    expect(
      (await jane("GET", "/datasets/jane/numbers/samples/?include_full_label=1e0")).body.detail,
    ).toContain("include_full_label");
    const sample = await createSample(jane, "jane/numbers", "n.jpg");
    expect((await jane("GET", `/samples/${sample.uuid}/?include_signed_urls=0x1`)).body.detail).toContain(
      "include_signed_urls",
    );
  });

  it("still accepts plain decimal integers", async () => {
    const jane = client(emulator);
    expect((await jane("GET", "/user/datasets/?per_page=16&page=1")).status).toBe(200);
    expect((await jane("GET", "/user/datasets/?per_page=016")).status).toBe(200);
    expect(
      (await jane("GET", "/datasets/jane/numbers/samples/?labelset=ground-truth&include_full_label=1"))
        .status,
    ).toBe(200);
  });
});

describe("hostile shapes are 400/413 JSON errors, never 500s", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
    await createDataset(client(emulator), "shapes");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  let count = 0;
  const sampleWith = (metadata: string) =>
    `{"name":"deep-${++count}.jpg","attributes":{"image":{"url":"https://e.com/a.jpg"}},"metadata":${metadata}}`;

  it.each([
    ["100,000 nested objects in metadata", sampleWith(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`)],
    ["100,000 nested arrays in metadata", sampleWith(`{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`)],
    ["1,000 nested objects in metadata", sampleWith(`${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`)],
    ["100,000 nested arrays at the top", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ])("%s: 400 naming the nesting", async (_, body) => {
    const answer = await post(emulator, "/datasets/jane/shapes/samples/", body);
    expect(answer.status).toBe(400);
    expect(answer.type).toBe("application/json");
    expect(answer.body.detail).toMatch(/nests deeper than \d+ levels/);
  });

  it("accepts nesting as deep as real payloads (a 20-level metadata object)", async () => {
    const answer = await post(
      emulator,
      "/datasets/jane/shapes/samples/",
      sampleWith(`${'{"a":'.repeat(20)}1${"}".repeat(20)}`),
    );
    expect(answer.status).toBe(201);
  });

  it("refuses huge arrays: a 5,000,000-element bulk body and more samples than maxItems", async () => {
    const huge = await post(emulator, "/datasets/jane/shapes/samples_bulk/", `[${"0,".repeat(4_999_999)}0]`);
    expect(huge.status).toBe(400);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({
      name: `${i}.jpg`,
      attributes: imageAttributes("x"),
    }));
    const answer = await post(emulator, "/datasets/jane/shapes/samples_bulk/", JSON.stringify(tooMany));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain("10000");
  });

  it("answers 10,000 query parameters with a JSON 4xx, and more than 1,000 (Django's cap) with a 400", async () => {
    const tenThousand = Array.from({ length: 10_000 }, (_, i) => `p${i}=1`).join("&");
    const big = await fetch(`${emulator.url}/datasets/jane/shapes/samples/?${tenThousand}`, { headers });
    expect([400, 413, 431]).toContain(big.status);
    expect(big.headers.get("content-type")).toBe("application/json");
    const overCap = Array.from({ length: 1001 }, () => "a").join("&");
    const answer = await fetch(`${emulator.url}/datasets/jane/shapes/samples/?${overCap}`, { headers });
    expect(answer.status).toBe(400);
    expect((await answer.json()).detail).toMatch(/Too many query parameters: 1001 \(limit 1000\)/);
  });
});

describe("a global budget for request bodies in memory", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start({ maxInFlightBodyBytes: MiB, maxBodyBytes: MiB, maxBodyWaitMs: 1500 });
    await createDataset(client(emulator), "budget");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  /** Starts a POST whose body holds 600 KiB of the budget until `finish()` is called. */
  function holdBudget(name: string) {
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const answer = fetch(`${emulator.url}/user/datasets/`, {
      method: "POST",
      headers,
      duplex: "half",
      body: new ReadableStream({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"name": "${name}", ${" ".repeat(600 * 1024)}`));
          await finished;
          controller.enqueue(new TextEncoder().encode('"task_type": "vector"}'));
          controller.close();
        },
      }),
    } as RequestInit);
    return { answer, finish };
  }
  const padded = (name: string) => `{"name": "${name}", "task_type": "vector"${" ".repeat(600 * 1024)}}`;

  it("makes a body that does not fit wait for the budget, then serves it", async () => {
    const held = holdBudget("held-1");
    await new Promise((resolve) => setTimeout(resolve, 150));
    const waiting = fetch(`${emulator.url}/user/datasets/`, {
      method: "POST",
      headers,
      body: padded("second-1"),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.finish();
    expect((await held.answer).status).toBe(201);
    expect((await waiting).status).toBe(201);
  });

  it("answers 503 with Retry-After when the budget stays spent, and serves the retry", async () => {
    const held = holdBudget("held-2");
    await new Promise((resolve) => setTimeout(resolve, 150));
    const refused = await fetch(`${emulator.url}/user/datasets/`, {
      method: "POST",
      headers,
      body: padded("second-2"),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await refused.json()).detail).toMatch(/busy/);
    held.finish();
    expect((await held.answer).status).toBe(201);
    const retried = await fetch(`${emulator.url}/user/datasets/`, {
      method: "POST",
      headers,
      body: padded("second-2"),
    });
    expect(retried.status).toBe(201);
  });
});
