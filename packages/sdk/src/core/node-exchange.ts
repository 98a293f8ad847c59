/**
 * The exchange the SDK uses in Node: node:http / node:https on Node's global keep-alive agents, instead of `fetch`.
 *
 * Why not Node's `fetch` (undici): for a small JSON request to a local server it spends about twice the client CPU,
 * and a per-request timeout signal adds more (bench/run.ts section 1; figures in bench/RESULTS.md). The SDK already
 * has everything `fetch` would add (headers object, body buffering, timeouts), so this file only does what fetch
 * does for our requests: send, read and decompress the body, honour the timeout and the caller's signal.
 * Redirects and multipart (`FormData`) bodies are rare here (the API does not redirect its JSON routes; uploads are
 * sent as bytes), so those go through `fetch` instead of being re-implemented.
 *
 * Only the Node build imports this file (the `node` condition of `#default-exchange` in package.json).
 */
import * as http from "node:http";
import * as https from "node:https";
import { promisify } from "node:util";
import * as zlib from "node:zlib";
import { APIUserAbortError } from "./errors.js";
import {
  type AttemptOptions,
  DEFAULT_MAX_RESPONSE_BYTES,
  type Exchange,
  type HttpRequest,
  type TransportResult,
  timeoutError,
  tooLargeError,
} from "./transport.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Marks a redirect, which `fetch` then follows. */
const REDIRECT = Symbol("redirect");

/** The headers `fetch` adds to every request and a server may rely on; the SDK sends the same ones. */
const FETCH_DEFAULT_HEADERS: Record<string, string> = {
  "accept-encoding": "gzip, deflate",
  "user-agent": "node",
};

/**
 * Creates the node:http exchange. `fallback` handles what it leaves to `fetch`: redirects and `FormData` bodies.
 *
 * @example
 * ```ts
 * const exchange = nodeHttpExchange(fetchExchange(globalThis.fetch));
 * const { status, text } = await exchange({ method: "GET", url, headers: {} }, { timeout: 5_000, signal: undefined });
 * ```
 */
export function nodeHttpExchange(fallback: Exchange): Exchange {
  return async (request, options) => {
    if (request.body instanceof FormData) return fallback(request, options);
    const result = await exchange(request, options);
    return result === REDIRECT ? fallback(request, options) : result;
  };
}

/** One request/response, the body read and decompressed; settles exactly once. */
function exchange(
  request: HttpRequest,
  { timeout, signal, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES }: AttemptOptions,
): Promise<TransportResult | typeof REDIRECT> {
  return new Promise((resolve, reject) => {
    const body = request.body as string | Uint8Array | undefined;
    const client = request.url.startsWith("https:") ? https : http;
    let outgoing: http.ClientRequest;
    try {
      outgoing = client.request(request.url, {
        method: request.method,
        headers: outgoingHeaders(request, body),
      });
    } catch (error) {
      return reject(error); // an invalid URL or header value: nothing was sent
    }
    let settled = false;
    const settle = (error: unknown, result?: TransportResult | typeof REDIRECT) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (result) resolve(result);
      else reject(error);
    };
    const stop = (error: Error) => {
      settle(error);
      outgoing.destroy();
    };
    const timer = setTimeout(() => stop(timeoutError(request, timeout)), timeout);
    const onAbort = () => stop(new APIUserAbortError(undefined, { cause: signal?.reason }));
    signal?.addEventListener("abort", onAbort, { once: true });

    outgoing.on("error", settle);
    outgoing.on("response", (incoming) => {
      const status = incoming.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && incoming.headers.location) {
        incoming.resume(); // read and drop the body so the socket can be reused
        return settle(undefined, REDIRECT);
      }
      const tooLarge = () =>
        stop(tooLargeError(request, status, headersOf(incoming.rawHeaders), maxResponseBytes));
      if (Number(incoming.headers["content-length"]) > maxResponseBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on("data", (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > maxResponseBytes) return tooLarge();
        chunks.push(chunk);
      });
      incoming.on("error", settle); // includes a connection closed mid-body ("aborted", ECONNRESET)
      incoming.on("end", () => {
        if (settled) return;
        decompress(incoming.headers["content-encoding"], Buffer.concat(chunks), maxResponseBytes)
          .then((bytes) => settle(undefined, new NodeHttpResult(request.url, incoming, utf8Text(bytes))))
          .catch((error: unknown) => (isBufferTooLarge(error) ? tooLarge() : settle(error)));
      });
    });
    outgoing.end(body);
  });
}

/** zlib's error when an output passes `maxOutputLength`. */
function isBufferTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_BUFFER_TOO_LARGE";
}

function outgoingHeaders(
  request: HttpRequest,
  body: string | Uint8Array | undefined,
): Record<string, string> {
  const headers = { ...FETCH_DEFAULT_HEADERS, ...request.headers };
  if (body !== undefined && headers["content-length"] === undefined) {
    headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
  }
  return headers;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);
/** RFC 9110 says deflate is zlib-wrapped, some servers send it raw: a zlib header has 8 in its low nibble. */
const isZlibWrapped = (data: Buffer) => ((data[0] ?? 0) & 0x0f) === 0x08;

type Decoder = (data: Buffer, limit: number) => Promise<Buffer>;

/**
 * zlib options: lenient like fetch (a compressed stream cut short gives what was decoded instead of an error), and
 * bounded: zlib stops with ERR_BUFFER_TOO_LARGE once the output passes `limit`, so a gzip bomb costs at most that.
 */
const lenient = (limit: number) => ({ finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit });

/** The content codings `fetch` decodes, and how. */
const DECODERS = new Map<string, Decoder>([
  ["gzip", (data, limit) => gunzip(data, lenient(limit))],
  ["x-gzip", (data, limit) => gunzip(data, lenient(limit))],
  [
    "deflate",
    (data, limit) => (isZlibWrapped(data) ? inflate(data, lenient(limit)) : inflateRaw(data, lenient(limit))),
  ],
  ["br", (data, limit) => brotliDecompress(data, { maxOutputLength: limit })],
]);

/** Undoes `content-encoding` the way `fetch` does; with a coding it does not know, the bytes stay as received. */
async function decompress(encoding: string | undefined, bytes: Buffer, limit: number): Promise<Buffer> {
  if (!encoding || bytes.length === 0) return bytes;
  const codings = encoding
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  const decoders = codings.map((coding) => DECODERS.get(coding));
  let data = bytes;
  // Codings are listed in the order they were applied, so they are undone from the last one.
  for (const decode of decoders.reverse()) {
    if (!decode) return bytes;
    data = await decode(data, limit);
  }
  return data;
}

/** UTF-8 text without a leading byte-order mark, like `Response.text()`. */
function utf8Text(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Node's raw header list (`[name, value, name, value, ...]`) as `Headers`. */
function headersOf(rawHeaders: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    headers.append(rawHeaders[i] as string, rawHeaders[i + 1] as string);
  }
  return headers;
}

/**
 * A result whose `Response` is only built when someone asks for it (errors, `withResponse()`, debug logs): most
 * calls only need the status and the text, and building a `Response` with its `Headers` is a large share of a
 * request's client CPU (bench/RESULTS.md).
 */
class NodeHttpResult implements TransportResult {
  readonly status: number;
  readonly text: string;
  readonly #url: string;
  readonly #statusText: string;
  readonly #rawHeaders: string[];
  #response: Response | undefined;

  constructor(url: string, incoming: http.IncomingMessage, text: string) {
    this.status = incoming.statusCode ?? 0;
    this.text = text;
    this.#url = url;
    this.#statusText = incoming.statusMessage ?? "";
    this.#rawHeaders = incoming.rawHeaders;
  }

  get response(): Response {
    this.#response ??= this.#toResponse();
    return this.#response;
  }

  #toResponse(): Response {
    const headers = headersOf(this.#rawHeaders);
    // The body was already read into `text`; like a fetch Response after `.text()`, this one has none left.
    // `Response` only takes statuses 200-599 while HTTP allows 100-999, so any other one is set afterwards.
    const constructible = this.status >= 200 && this.status <= 599;
    const status = constructible ? this.status : 599;
    const response = new Response(null, { status, statusText: this.#statusText, headers });
    Object.defineProperty(response, "url", { value: this.#url });
    if (!constructible)
      Object.defineProperties(response, { status: { value: this.status }, ok: { value: false } });
    return response;
  }
}
