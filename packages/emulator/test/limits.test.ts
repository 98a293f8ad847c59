import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.js";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, start } from "./helpers.js";

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
