/**
 * A fault-injecting HTTP proxy for loopback tests. It sits between a client and an upstream server and, for a
 * configurable fraction of requests, misbehaves in one of the ways real networks and gateways do:
 *
 * - `status-503`: answers 503 itself; the request is never forwarded.
 * - `status-429`: answers 429 with `Retry-After`; never forwarded.
 * - `reset-before`: destroys the connection after reading the request; never forwarded.
 * - `reset-after`: forwards the request, waits for the complete upstream response, then destroys the connection.
 * - `slow`: forwards, waits for the complete upstream response, and holds it longer than the client's timeout.
 * - `truncated`: forwards, then sends the headers (with the full `Content-Length`) and half the body, and closes.
 *
 * The "after" faults are the hard ones: the server did the work but the client cannot know. The proxy always waits
 * for the upstream response before injecting them, so no forwarded request is still in flight when the client gives
 * up (there are no ghost writes landing later, out of order).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export const FAULT_KINDS = [
  "status-503",
  "status-429",
  "reset-before",
  "reset-after",
  "slow",
  "truncated",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Where requests are forwarded, e.g. `http://127.0.0.1:1234`. */
  upstream: string;
  /** Fraction of requests that get a fault, 0..1. */
  faultRate: number;
  /** Random numbers in [0, 1): inject a seeded generator for reproducible runs. */
  random: () => number;
  /** Which faults to inject (default: all). */
  kinds?: readonly FaultKind[];
  /** How long `slow` holds a response, in ms; make it longer than the client's timeout. */
  slowMs: number;
  /** `Retry-After` of the injected 429s, in seconds. */
  retryAfterSeconds?: number;
  /** Requests whose path starts with one of these are never faulted (e.g. verification reads). */
  exemptPaths?: readonly string[];
}

export interface FaultStats {
  requests: number;
  forwarded: number;
  faults: Record<FaultKind, number>;
  /** Faulted requests by method, e.g. `POST: 120`. */
  faultsByMethod: Record<string, number>;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  /** Stops injecting faults (requests are still forwarded). */
  disable(): void;
  close(): Promise<void>;
}

interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** Headers that describe one hop, not the message; the proxy sets its own. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "host", "content-length"]);

function forward(upstream: URL, req: IncomingMessage, body: Buffer): Promise<UpstreamResponse> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = value;
  }
  headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (response) => {
        readBody(response).then((responseBody) => {
          const responseHeaders: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined && !HOP_HEADERS.has(name)) responseHeaders[name] = value;
          }
          resolve({ status: response.statusCode ?? 502, headers: responseHeaders, body: responseBody });
        }, reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function reply(res: ServerResponse, upstream: UpstreamResponse): void {
  res.writeHead(upstream.status, { ...upstream.headers, "content-length": String(upstream.body.length) });
  res.end(upstream.body);
}

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const kinds = options.kinds ?? FAULT_KINDS;
  const stats: FaultStats = {
    requests: 0,
    forwarded: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
    faultsByMethod: {},
  };
  let enabled = true;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function pickFault(req: IncomingMessage): FaultKind | undefined {
    if (!enabled) return undefined;
    if (options.exemptPaths?.some((prefix) => req.url?.startsWith(prefix))) return undefined;
    if (options.random() >= options.faultRate) return undefined;
    return kinds[Math.floor(options.random() * kinds.length)];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests++;
    const body = await readBody(req);
    const fault = pickFault(req);
    if (fault) {
      stats.faults[fault]++;
      const method = req.method ?? "GET";
      stats.faultsByMethod[method] = (stats.faultsByMethod[method] ?? 0) + 1;
    }
    if (fault === "status-503") {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body><h1>503 Service Unavailable</h1></body></html>");
      return;
    }
    if (fault === "status-429") {
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(options.retryAfterSeconds ?? 1),
      });
      res.end(JSON.stringify({ detail: "Request was throttled." }));
      return;
    }
    if (fault === "reset-before") {
      req.socket.destroy();
      return;
    }
    stats.forwarded++;
    const response = await forward(upstream, req, body);
    if (fault === "reset-after") {
      req.socket.destroy();
      return;
    }
    if (fault === "slow") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, options.slowMs);
        timers.add(timer);
      });
      if (!res.destroyed) reply(res, response);
      return;
    }
    if (fault === "truncated") {
      if (response.body.length < 2) {
        // Nothing to cut (a 204): the closest failure is a connection dropped before the status line.
        req.socket.destroy();
        return;
      }
      res.writeHead(response.status, {
        ...response.headers,
        "content-length": String(response.body.length),
      });
      res.write(response.body.subarray(0, Math.floor(response.body.length / 2)), () => {
        req.socket.destroy();
      });
      return;
    }
    reply(res, response);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: "Bad gateway (fault proxy could not reach upstream)." }));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    disable() {
      enabled = false;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
