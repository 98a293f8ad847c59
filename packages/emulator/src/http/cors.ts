import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Cross-origin access (the Fetch standard's CORS protocol) for browser apps served from another origin, e.g. a Vite
 * dev server on `http://localhost:5173` calling the emulator on `http://127.0.0.1:8787`.
 *
 * An allowed origin is echoed in `Access-Control-Allow-Origin` (never `*`, so that `credentials: "include"` works
 * too) with `Vary: Origin`; any other origin gets no CORS header at all, so the browser keeps the answer from the
 * page. Preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered before authentication, on every
 * path, API and storage alike: browsers never send credentials on a preflight.
 */

/** The keyword for every loopback origin: `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`, any port. */
export const LOOPBACK_ORIGINS = "localhost";
/** The keyword for every origin. */
export const ANY_ORIGIN = "*";
/** What the emulator allows when nothing is configured. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = [LOOPBACK_ORIGINS];

/** Every method an operation of the spec or the storage endpoint answers. */
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";

/**
 * Request headers a page may send: the API key, JSON and gzip bodies, and the headers the SDKs add to every call.
 * Listed by name because `Access-Control-Allow-Headers: *` does not cover `Authorization`.
 */
const ALLOWED_HEADERS = [
  "Authorization",
  "Accept",
  "Content-Type",
  "Content-Encoding",
  "X-Source",
  "Segments-SDK-Version",
].join(", ");

/** Response headers the SDK reads besides the always-readable ones (request ids for errors, retry hints). */
const EXPOSED_HEADERS = [
  "X-Request-Id",
  "Request-Id",
  "Retry-After",
  "Retry-After-Ms",
  "X-Should-Retry",
  "Allow",
].join(", ");

/** How long a browser may cache a preflight answer, in seconds (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** `scheme://host[:port]` of an `http:` or `https:` URL given as an origin, or undefined when it is not one. */
function parseOrigin(text: string): URL | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  const isOriginOnly = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  return (url.protocol === "http:" || url.protocol === "https:") && isOriginOnly ? url : undefined;
}

/** Why `entry` cannot be a CORS allow-list entry, or undefined when it can. */
export function corsEntryProblem(entry: string): string | undefined {
  if (entry === ANY_ORIGIN || entry === LOOPBACK_ORIGINS || parseOrigin(entry)) return undefined;
  return `expected an origin such as http://localhost:5173, "localhost" or "*", got "${entry}"`;
}

/** Which origins may call the emulator from a browser, and the headers that tell the browser so. */
export class CorsPolicy {
  private readonly exact = new Set<string>();
  private readonly loopback: boolean;
  private readonly any: boolean;

  /**
   * @param origins exact origins (`https://app.example.com`, `http://localhost:5173`), `localhost` for every
   *   loopback origin, or `*` for every origin. An empty list allows no cross-origin page at all.
   * @throws TypeError naming the first entry that is none of these.
   */
  constructor(origins: readonly string[] = DEFAULT_CORS_ORIGINS) {
    for (const entry of origins) {
      const problem = corsEntryProblem(entry);
      if (problem) throw new TypeError(`cors: ${problem}`);
      const url = parseOrigin(entry);
      if (url) this.exact.add(url.origin);
    }
    this.any = origins.includes(ANY_ORIGIN);
    this.loopback = origins.includes(LOOPBACK_ORIGINS);
  }

  /** True when a page of `origin` (an `Origin` request header) may read the emulator's answers. */
  allows(origin: string): boolean {
    if (this.any) return true;
    const url = parseOrigin(origin);
    if (!url) return false;
    return this.exact.has(url.origin) || (this.loopback && isLoopbackHost(url.hostname));
  }

  /**
   * Sets the CORS headers of the answer to `req` on `res` (they merge into whatever `writeHead` sends later) and
   * answers a preflight. Returns true when the request was a preflight and has been answered.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const isPreflight =
      req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    // The answer depends on Origin whenever not every origin gets the same one: caches must keep them apart.
    res.setHeader("Vary", "Origin");
    const allowed = origin !== undefined && this.allows(origin);
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    if (!isPreflight) return false;
    if (allowed) {
      res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
      // Chromium's Private Network Access: a page on a public origin asks before it may call a loopback server.
      if (req.headers["access-control-request-private-network"] === "true") {
        res.setHeader("Access-Control-Allow-Private-Network", "true");
      }
    }
    // A refused preflight is still a 204: without CORS headers the browser blocks the request all the same.
    res.writeHead(204, { "Content-Length": 0 });
    res.end();
    req.resume();
    return true;
  }
}
