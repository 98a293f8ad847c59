import { afterEach, describe, expect, test } from "vitest";
import { defaultExchange as nodeDefaultExchange } from "../src/core/default-exchange-node.js";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from "../src/core/errors.js";
import { fetchExchange } from "../src/core/fetch-exchange.js";
import { createLogger, type Logger } from "../src/core/logger.js";
import {
  type Exchange,
  MAX_RETRY_AFTER_MS,
  retryDelayMs,
  type SendOptions,
  Transport,
} from "../src/core/transport.js";
import { closedPortUrl, type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";

const quiet = createLogger("off");
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every test below runs on both exchanges: fetch (browsers, a custom `fetch`) and node:http (the Node default). */
const EXCHANGES: [string, Exchange][] = [
  ["fetch", fetchExchange(globalThis.fetch)],
  ["node:http", nodeDefaultExchange()], // what a Node client without `fetch` uses
];

type TransportOverrides = Partial<{ timeout: number; maxRetries: number; logger: Logger; debug: boolean }>;

async function send(t: Transport, url: string, init: RequestInit = {}, options: SendOptions = {}) {
  const { response, text } = await t.send(new Request(url, init), options);
  return { status: response.status, json: () => JSON.parse(text) };
}

describe.each(EXCHANGES)("over %s", (_name, exchange) => {
  const transport = (overrides: TransportOverrides = {}) =>
    new Transport({ exchange, timeout: 5_000, maxRetries: 2, logger: quiet, ...overrides });

  describe("retries", () => {
    test("429 with retry-after-ms is retried until success, for POST too", async () => {
      let calls = 0;
      server = await startLocalServer((_req, res) => {
        calls++;
        if (calls < 3)
          return sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after-ms": "5" });
        sendJson(res, 201, { ok: true });
      });
      const response = await send(transport(), `${server.url}/x/`, { method: "POST", body: "{}" });
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ ok: true });
      expect(calls).toBe(3);
    });

    test("exhausted retries throw RateLimitError with status, body and request id", async () => {
      server = await startLocalServer((_req, res) =>
        sendJson(
          res,
          429,
          { detail: "Request was throttled." },
          { "retry-after": "0", "x-request-id": "rid-1" },
        ),
      );
      const error = await send(transport({ maxRetries: 1 }), `${server.url}/x/`).then(
        () => expect.unreachable("a 429 must be thrown"),
        (e: RateLimitError) => e,
      );
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({
        status: 429,
        requestId: "rid-1",
        body: { detail: "Request was throttled." },
      });
      // The error carries the response headers, never the request headers (which hold the API key).
      expect(error.headers.get("x-request-id")).toBe("rid-1");
      expect(server.requests).toHaveLength(2);
    });

    test("503 is retried for GET but not for POST unless retryNonIdempotent", async () => {
      server = await startLocalServer((_req, res) =>
        sendJson(res, 503, { detail: "busy" }, { "retry-after-ms": "1" }),
      );
      const t = transport();
      await expect(send(t, `${server.url}/g/`)).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(3);

      server.requests.length = 0;
      await expect(send(t, `${server.url}/p/`, { method: "POST", body: "{}" })).rejects.toBeInstanceOf(
        InternalServerError,
      );
      expect(server.requests).toHaveLength(1);

      server.requests.length = 0;
      const optedIn = send(
        t,
        `${server.url}/p/`,
        { method: "POST", body: "{}" },
        { retryNonIdempotent: true },
      );
      await expect(optedIn).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(3);
    });

    test("x-should-retry: false stops retrying a 500", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 500, {}, { "x-should-retry": "false" }));
      await expect(send(transport(), `${server.url}/x/`)).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
    });

    test("the request body is resent intact on every attempt", async () => {
      server = await startLocalServer((_req, res, received) => {
        if (server && server.requests.length < 2) return sendJson(res, 503, {}, { "retry-after-ms": "1" });
        sendJson(res, 200, JSON.parse(received.body.toString()));
      });
      const response = await send(transport(), `${server.url}/x/`, { method: "PUT", body: '{"a":1}' });
      expect(await response.json()).toEqual({ a: 1 });
      expect(server.requests.map((r) => r.body.toString())).toEqual(['{"a":1}', '{"a":1}']);
    });
  });

  describe("connection faults", () => {
    test("a reset connection is retried for GET and then succeeds", async () => {
      server = await startLocalServer((req, res) => {
        if (server && server.requests.length === 1) return req.socket.destroy();
        sendJson(res, 200, { ok: 1 });
      });
      const response = await send(transport(), `${server.url}/x/`);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(2);
    });

    test("a reset connection on POST is not retried: the server may have processed it", async () => {
      server = await startLocalServer((req) => req.socket.destroy());
      const error = await send(transport(), `${server.url}/x/`, { method: "POST", body: "{}" }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error).not.toBeInstanceOf(APITimeoutError);
      expect(server.requests).toHaveLength(1);
    });

    test("a refused connection is retried even for POST (it never reached a server)", async () => {
      const url = await closedPortUrl();
      let attempts = 0;
      const counting = new Transport({
        exchange: (request, options) => {
          attempts++;
          return exchange(request, options);
        },
        timeout: 5_000,
        maxRetries: 1,
        logger: quiet,
      });
      const error = await send(counting, `${url}/x/`, { method: "POST", body: "{}" }).catch((e) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(String(error.message)).toContain("ECONNREFUSED");
      expect(attempts).toBe(2);
    });
  });

  describe("timeouts and aborts", () => {
    test("a slow response times out per attempt and is retried", async () => {
      server = await startLocalServer((_req, res) => {
        setTimeout(() => sendJson(res, 200, {}), 2_000).unref();
      });
      const started = Date.now();
      const error = await send(transport({ timeout: 100, maxRetries: 1 }), `${server.url}/x/`).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APITimeoutError);
      expect(server.requests).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(1_900);
    });

    test("a body that stalls after the headers also times out", async () => {
      server = await startLocalServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"partial":');
      });
      const error = await send(transport({ timeout: 150, maxRetries: 0 }), `${server.url}/x/`).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APITimeoutError);
    });

    test("the caller's signal aborts an in-flight request without retrying", async () => {
      server = await startLocalServer(() => {});
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await send(transport(), `${server.url}/x/`, {}, { signal: controller.signal }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(server.requests).toHaveLength(1);
    });

    test("aborting during the backoff wait stops at once", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 429, {}, { "retry-after": "30" }));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const error = await send(transport(), `${server.url}/x/`, {}, { signal: controller.signal }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    test("an already-aborted signal sends nothing", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
      const error = await send(transport(), `${server.url}/x/`, {}, { signal: AbortSignal.abort() }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("bodies, headers and logs", () => {
    test("compress gzips large bodies and leaves small ones alone", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
      const large = JSON.stringify({
        items: Array.from({ length: 500 }, (_, i) => ({ name: `sample-${i}` })),
      });
      await send(transport(), `${server.url}/x/`, { method: "POST", body: large }, { compress: true });
      await send(transport(), `${server.url}/x/`, { method: "POST", body: '{"a":1}' }, { compress: true });
      const [big, small] = server.requests;
      expect(big?.headers["content-encoding"]).toBe("gzip");
      expect(big?.body.toString()).toBe(large);
      expect(big?.rawLength).toBeLessThan(large.length / 4);
      expect(small?.headers["content-encoding"]).toBeUndefined();
      expect(small?.body.toString()).toBe('{"a":1}');
    });

    test("per-call headers add and remove", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
      const init = { headers: { "x-remove-me": "1", "x-keep": "k" } };
      await send(transport(), `${server.url}/x/`, init, {
        headers: { "x-remove-me": null, "x-added": "yes" },
      });
      const headers = server.requests[0]?.headers;
      expect(headers?.["x-remove-me"]).toBeUndefined();
      expect(headers?.["x-added"]).toBe("yes");
      expect(headers?.["x-keep"]).toBe("k");
    });

    test("debug logs redact the Authorization header", async () => {
      server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
      const lines: string[] = [];
      const capture = (message: string, ...details: unknown[]) =>
        lines.push(`${message} ${JSON.stringify(details)}`);
      const logger = createLogger("debug", { debug: capture, info: capture, warn: capture, error: capture });
      await send(transport({ logger, debug: true }), `${server.url}/x/`, {
        headers: { Authorization: "APIKey sk-secret-123" },
      });
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.join("\n")).not.toContain("sk-secret-123");
      expect(lines.join("\n")).toContain("***");
    });
  });
});

describe("retryDelayMs", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  test("prefers retry-after-ms, then Retry-After seconds or date, capped", () => {
    expect(retryDelayMs(0, headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryDelayMs(0, headers({ "retry-after": "2" }))).toBe(2_000);
    expect(retryDelayMs(0, headers({ "retry-after": "3600" }))).toBe(MAX_RETRY_AFTER_MS);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = retryDelayMs(0, headers({ "retry-after": inTenSeconds }));
    expect(fromDate).toBeGreaterThan(8_000);
    expect(fromDate).toBeLessThanOrEqual(10_000);
  });

  test("falls back to capped exponential backoff with up to 25% jitter", () => {
    expect(retryDelayMs(0, headers({ "retry-after": "soon" }), () => 0)).toBe(500);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, undefined, () => 1)).toBe(1_500);
    expect(retryDelayMs(10, undefined, () => 0)).toBe(8_000);
  });
});
