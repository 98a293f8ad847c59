/**
 * What the node:http exchange does beyond the transport suite (which runs on both exchanges): decompression, text
 * decoding, what it hands to `fetch`, the `Response` it builds on demand, and that Node clients use it by default.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fetchExchange } from "../src/core/fetch-exchange.js";
import { nodeHttpExchange } from "../src/core/node-exchange.js";
import type { Exchange, HttpRequest } from "../src/core/transport.js";
import { SegmentsClient } from "../src/index.js";
import { closedPortUrl, type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";
import { specBody } from "./helpers/spec-bodies.js";

let server: LocalServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const fallbackCalls: HttpRequest[] = [];
const countingFallback: Exchange = (request, options) => {
  fallbackCalls.push(request);
  return fetchExchange(globalThis.fetch)(request, options);
};
const exchange = nodeHttpExchange(countingFallback);
const ATTEMPT = { timeout: 5_000, signal: undefined };
const get = (url: string, headers: Record<string, string> = {}) =>
  exchange({ method: "GET", url, headers }, ATTEMPT);

describe("response bodies", () => {
  const json = JSON.stringify({ name: "rosé.jpg", items: Array.from({ length: 200 }, (_, i) => i) });
  const encoded: [string, Buffer][] = [
    ["gzip", gzipSync(json)],
    ["x-gzip", gzipSync(json)],
    ["deflate", deflateSync(json)], // zlib-wrapped, as RFC 9110 says
    ["deflate", deflateRawSync(json)], // raw, as some servers send it
    ["br", brotliCompressSync(json)],
    ["gzip, br", brotliCompressSync(gzipSync(json))], // applied left to right, undone right to left
  ];

  test.each(encoded)("content-encoding %s is decoded", async (coding, bytes) => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
      res.end(bytes);
    });
    const result = await get(`${server.url}/x/`);
    expect(result.text).toBe(json);
    expect(server.requests[0]?.headers["accept-encoding"]).toBe("gzip, deflate");
  });

  test("an unknown content-encoding leaves the bytes as received, like fetch", async () => {
    const gzipped = gzipSync("not decoded");
    server = await startLocalServer((req, res) => {
      // In a chain too: fetch decodes nothing when it does not know one of the codings.
      res.writeHead(200, { "content-encoding": req.url === "/chain/" ? "gzip, zstd" : "zstd" });
      res.end(req.url === "/chain/" ? gzipped : "not really zstd");
    });
    expect((await get(`${server.url}/x/`)).text).toBe("not really zstd");
    expect((await get(`${server.url}/chain/`)).text).toBe(gzipped.toString("utf8"));
  });

  test("a corrupt gzip body is an error, not garbage text", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("this is not gzip");
    });
    await expect(get(`${server.url}/x/`)).rejects.toThrow(/header/i);
  });

  test("UTF-8 text loses a leading byte-order mark, like Response.text()", async () => {
    server = await startLocalServer((_req, res) => res.end(Buffer.from('\uFEFF{"a":"é"}', "utf8")));
    expect((await get(`${server.url}/x/`)).text).toBe('{"a":"é"}');
  });

  test("a connection closed mid-body rejects with ECONNRESET", async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await expect(get(`${server.url}/x/`)).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});

describe("requests", () => {
  test("bodies are sent with their byte length, multi-byte characters included", async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
    const body = '{"name":"rosé 🌹"}';
    await exchange({ method: "POST", url: `${server.url}/x/`, headers: {}, body }, ATTEMPT);
    await exchange(
      { method: "PUT", url: `${server.url}/y/`, headers: {}, body: new TextEncoder().encode(body) },
      ATTEMPT,
    );
    for (const received of server.requests) {
      expect(received.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
      expect(received.body.toString()).toBe(body);
    }
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "PUT"]);
  });

  test("an https URL goes through node:https", async () => {
    // node:http would throw ERR_INVALID_PROTOCOL before connecting; node:https tries, and the port is closed.
    const url = (await closedPortUrl()).replace("http:", "https:");
    await expect(get(`${url}/x/`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  test("redirects are left to fetch, which follows them", async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === "/old/") {
        res.writeHead(301, { location: "/new/" });
        return res.end("moved");
      }
      sendJson(res, 200, { at: req.url });
    });
    fallbackCalls.length = 0;
    const result = await get(`${server.url}/old/`);
    expect(JSON.parse(result.text)).toEqual({ at: "/new/" });
    expect(fallbackCalls.map((r) => r.url)).toEqual([`${server.url}/old/`]);
  });

  test("FormData bodies are left to fetch", async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 204, null));
    const form = new FormData();
    form.append("file", new Blob(["abc"]), "a.txt");
    fallbackCalls.length = 0;
    await exchange({ method: "POST", url: `${server.url}/upload/`, headers: {}, body: form }, ATTEMPT);
    expect(fallbackCalls).toHaveLength(1);
    expect(server.requests[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0]?.body.toString()).toContain("abc");
  });
});

describe("the Response", () => {
  test("is built on demand with the status, reason, every header and the URL", async () => {
    server = await startLocalServer((_req, res) => {
      res.statusMessage = "Created Nicely";
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      sendJson(res, 201, { ok: true }, { "x-request-id": "rid-7" });
    });
    const result = await get(`${server.url}/x/`);
    expect(result.status).toBe(201);
    const { response } = result;
    expect(result.response).toBe(response); // built once
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Created Nicely");
    expect(response.url).toBe(`${server.url}/x/`);
    expect(response.headers.get("x-request-id")).toBe("rid-7");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  test("keeps a status that Response cannot be constructed with", async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 999, { detail: "odd" }));
    const result = await get(`${server.url}/x/`);
    expect(result.status).toBe(999);
    expect(result.response.status).toBe(999);
    expect(result.response.ok).toBe(false);
    expect(result.response.headers.get("content-type")).toBe("application/json");
  });
});

describe("the default in Node", () => {
  test("a client given no fetch sends over node:http, never the global fetch", async () => {
    server = await startLocalServer((_req, res) =>
      sendJson(res, 200, specBody("GET", "/user", { username: "jane" })),
    );
    const globalFetch = vi.spyOn(globalThis, "fetch");
    const client = new SegmentsClient({ apiKey: "k", baseUrl: server.url, logLevel: "off" });
    expect((await client.getUser()).username).toBe("jane");
    expect(globalFetch).not.toHaveBeenCalled();
    // fetch marks its requests with sec-fetch-mode; node:http sends only the SDK's headers and fetch's defaults.
    expect(server.requests[0]?.headers["sec-fetch-mode"]).toBeUndefined();
    expect(server.requests[0]?.headers["user-agent"]).toBe("node");
  });

  test("a client given a fetch uses it for every request", async () => {
    server = await startLocalServer((_req, res) =>
      sendJson(res, 200, specBody("GET", "/user", { username: "jane" })),
    );
    const custom = vi.fn((input: string | URL | Request, init?: RequestInit) => fetch(input, init));
    const client = new SegmentsClient({ apiKey: "k", baseUrl: server.url, logLevel: "off", fetch: custom });
    await client.getUser();
    expect(custom).toHaveBeenCalledTimes(1);
  });
});
