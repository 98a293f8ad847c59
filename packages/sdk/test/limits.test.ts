/**
 * Response bodies are size-capped, counted after decompression: a gzip bomb and a body larger than memory allows
 * are a typed ResponseTooLargeError, never a crash of the host process. Both exchanges: node:http (the Node
 * default) and fetch (browsers, or a `fetch` given to the client). The big bodies are streamed by the server, never
 * held in memory by the test.
 */
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, test } from "vitest";
import { APIError, ResponseTooLargeError, SegmentsClient, type SegmentsClientOptions } from "../src/index.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";

const MiB = 1024 * 1024;
const UUID = "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// 128 gzip members of 8 MiB of zeros: about 1 MiB on the wire, 1 GiB once inflated (a gzip stream may hold several
// members, and both Node's zlib and fetch decode them all).
const member = gzipSync(Buffer.alloc(8 * MiB), { level: 9 });
const bomb = Buffer.concat(Array.from({ length: 128 }, () => member));

/** Writes `total` bytes of JSON whitespace in 1 MiB chunks, as fast as the client reads; reports what was sent. */
function streamBody(res: ServerResponse, total: number, done: (sent: number) => void): void {
  const chunk = Buffer.alloc(MiB, " ");
  let sent = 0;
  res.on("close", () => done(sent));
  const write = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    res.end();
  };
  write();
}

const EXCHANGES: [string, SegmentsClientOptions][] = [
  ["node:http", {}],
  ["fetch", { fetch: (input, init) => globalThis.fetch(input, init) }],
];

describe.each(EXCHANGES)("over %s", (_name, exchange) => {
  const client = (options: SegmentsClientOptions = {}) =>
    new SegmentsClient({ apiKey: "k", baseUrl: server?.url, logLevel: "off", ...exchange, ...options });

  test("a 1 MiB gzip bomb stops at the default limit of 256 MiB", async () => {
    expect(bomb.length).toBeLessThan(1.1 * MiB);
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const error = await client()
      .getSample(UUID)
      .then(
        () => expect.unreachable("a 1 GiB body must be refused"),
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, body: undefined });
    expect((error as Error).message).toMatch(/larger than 268435456 bytes \(maxResponseBytes\)/);
    expect(server.requests).toHaveLength(1); // not retried
  });

  test("the limit counts decompressed bytes: 1 MiB on the wire, over a 4 MiB limit once inflated", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    await expect(client({ maxResponseBytes: 4 * MiB }).getSample(UUID)).rejects.toThrow(
      /larger than 4194304 bytes/,
    );
  });

  test("a 600 MiB plain body is refused once 256 MiB are read, and the connection is closed", async () => {
    let sent: Promise<number> = Promise.resolve(0);
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }); // no length: chunked, counted while read
      sent = new Promise((resolve) => streamBody(res, 600 * MiB, resolve));
    });
    await expect(client().getSample(UUID)).rejects.toBeInstanceOf(ResponseTooLargeError);
    // The client stopped reading: the server could not send much past the limit (socket buffers aside).
    expect(await sent).toBeLessThan(400 * MiB);
  });

  test("a declared Content-Length over the limit is refused before the body is read", async () => {
    let sent: Promise<number> = Promise.resolve(0);
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(600 * MiB) });
      sent = new Promise((resolve) => streamBody(res, 600 * MiB, resolve));
    });
    await expect(client({ maxResponseBytes: MiB }).getSample(UUID)).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    expect(await sent).toBeLessThan(200 * MiB);
  });
});

test("maxResponseBytes is checked at construction", () => {
  for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 29, "1000"]) {
    expect(() => new SegmentsClient({ apiKey: "k", maxResponseBytes: bad as number }), String(bad)).toThrow(
      /maxResponseBytes/,
    );
  }
});
