/**
 * The transport under every SDK call: retries with backoff, optional gzip, typed errors and debug logs. It buffers
 * the request body once, so each attempt sends a fresh copy. Each attempt goes through an `Exchange` (fetch, or
 * node:http in Node), which applies the per-attempt timeout and the caller's signal and reads the response body
 * inside the attempt, so a server that stalls mid-body still times out.
 */
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  createAPIError,
  ResponseTooLargeError,
  SegmentsError,
} from "./errors.js";
import { canGzip, GZIP_MIN_BYTES, gzip } from "./gzip.js";
import { type Logger, redactHeaders } from "./logger.js";
import type { Redact } from "./redact.js";

/**
 * A `fetch`-compatible function (the global one, undici's, a mock...).
 *
 * @example
 * ```ts
 * const logged: FetchLike = (input, init) => (console.log(init?.method, input), fetch(input, init));
 * new SegmentsClient({ fetch: logged });
 * ```
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Options accepted by every SDK method as its last argument.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await client.getSample(uuid, { signal: controller.signal, timeout: 5_000, maxRetries: 0 });
 * ```
 */
export interface RequestOptions {
  /** Cancels the call, including pending retries; the call then throws `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed per attempt (default: the client's `timeout`, 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default: the client's `maxRetries`, 2). `0` disables retries. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; `null` removes a header the SDK would send. */
  headers?: Record<string, string | null | undefined> | undefined;
  /**
   * Also retry POST/PATCH after a timeout, a 408/5xx or a connection drop, i.e. when the server may have processed
   * the first attempt. Only safe when repeating the request has no extra effect (the SDK sets it for `addSamples`,
   * which the API deduplicates by sample name). Without it, POST/PATCH are retried only on 429 and on connection
   * errors that prove the request never left (refused connection, DNS failure).
   */
  retryNonIdempotent?: boolean | undefined;
}

/** Internal per-call options on top of the public ones. */
export interface SendOptions extends RequestOptions {
  /** Gzip the body when it is large enough (sample and label writes). */
  compress?: boolean | undefined;
}

/** Client-wide transport settings. */
export interface TransportConfig {
  /** How one attempt goes over the wire: `fetchExchange(fetch)`, or node:http in Node (see default-exchange). */
  exchange: Exchange;
  timeout: number;
  maxRetries: number;
  logger: Logger;
  /** Whether debug logs are on; when off, the per-request log details are not even built. */
  debug?: boolean;
  /** Largest response body read, in bytes after decompression (default {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  maxResponseBytes?: number;
  /** Hides the API key in error bodies and messages. */
  redact?: Redact;
}

/** What one attempt needs besides the request. */
export interface AttemptOptions {
  /** Milliseconds allowed for the whole attempt, response body included. */
  timeout: number;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** Largest body to read, after decompression (default {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  maxResponseBytes?: number | undefined;
}

/**
 * The default limit on a response body: far above any page of 1000 samples with labels (a few MiB), far below what
 * would exhaust memory or JavaScript's longest string (about 512 MiB).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** The largest accepted `maxResponseBytes`: the longest string V8 can hold, since the body is read as text. */
export const MAX_RESPONSE_BYTES_LIMIT = 2 ** 29 - 24;

/**
 * One attempt over the wire: sends the request and reads the whole response body within `timeout`. It rejects with
 * `APITimeoutError` when the time is up, with `APIUserAbortError` when `signal` aborts, and with the underlying error
 * when the connection fails (the transport wraps that in `APIConnectionError`). Any status is a result, not an error.
 */
export type Exchange = (request: HttpRequest, options: AttemptOptions) => Promise<TransportResult>;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** Error codes meaning the connection was never established, so the server cannot have seen the request. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

const INITIAL_RETRY_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** Upper bound for a server-provided `Retry-After`, so a misbehaving server cannot park the client for hours. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A request as the SDK builds it: cheaper than a `Request` object, which would be parsed and copied again by
 * `fetch`. Header names are lower-case.
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | FormData | undefined;
}

/** A response, its body already read as text within the attempt's timeout. */
export interface TransportResult {
  readonly status: number;
  readonly text: string;
  /** Status and headers (the body was read into `text`). An exchange may build it on first access. */
  readonly response: Response;
}

let requestCounter = 0;

/** Why an attempt failed, as `Transport.send` decides whether to try again. */
interface FailedAttempt {
  /** What the call throws when it gives up. */
  error: unknown;
  /** Whether sending the request again is allowed (retries left aside). */
  retryable: boolean;
  /** For the log line of the retry. */
  reason: string;
  /** The response's headers, whose `Retry-After` sets the delay. */
  retryAfter?: Headers;
}

/** Sends requests with retries, timeouts and error mapping. One instance per client. */
export class Transport {
  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /** Sends the request, retrying as allowed; resolves with a 2xx response and its body text. */
  async send(request: HttpRequest | Request, options: SendOptions = {}): Promise<TransportResult> {
    const plain = request instanceof Request ? await fromRequest(request) : request;
    // Only gzip needs to await; the common case stays synchronous (fewer promise hops per request).
    const prepared = options.compress ? await compress(prepare(plain, options)) : prepare(plain, options);
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const replayable = IDEMPOTENT_METHODS.has(prepared.method) || options.retryNonIdempotent === true;
    const logId = this.#config.debug ? `req_${++requestCounter}` : "";
    for (let retriesDone = 0; ; retriesDone++) {
      let failure: FailedAttempt;
      try {
        const result = await this.#attempt(prepared, options, logId && `${logId}#${retriesDone}`);
        if (result.status >= 200 && result.status < 300) return result;
        failure = this.#failedResponse(prepared, result, replayable);
      } catch (error) {
        failure = failedConnection(error, replayable);
      }
      if (retriesDone >= maxRetries || !failure.retryable) throw failure.error;
      const delay = retryDelayMs(retriesDone, failure.retryAfter);
      await this.#waitBeforeRetry(prepared, delay, failure.reason, options.signal);
    }
  }

  /** A non-2xx response: the typed error it becomes, and whether the request may be sent again. */
  #failedResponse(
    prepared: HttpRequest,
    { response, text }: TransportResult,
    replayable: boolean,
  ): FailedAttempt {
    const error = createAPIError({
      method: prepared.method,
      path: pathOf(prepared.url),
      status: response.status,
      headers: response.headers,
      text,
      redact: this.#config.redact,
    });
    return {
      error,
      retryable: shouldRetryResponse(response, replayable),
      reason: `HTTP ${response.status}`,
      retryAfter: response.headers,
    };
  }

  /** One attempt through the exchange, with debug logs; a failed connection becomes `APIConnectionError`. */
  async #attempt(prepared: HttpRequest, options: SendOptions, logId: string): Promise<TransportResult> {
    const { logger, debug, exchange, maxResponseBytes } = this.#config;
    const signal = options.signal;
    if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
    const started = debug ? Date.now() : 0;
    if (debug)
      logger.debug(`${logId} ${prepared.method} ${prepared.url}`, {
        headers: redactHeaders(prepared.headers),
      });
    try {
      const timeout = options.timeout ?? this.#config.timeout;
      const result = await exchange(prepared, { timeout, signal, maxResponseBytes });
      if (debug) {
        const requestId = result.response.headers.get("x-request-id") ?? undefined;
        logger.debug(`${logId} ${result.status} in ${Date.now() - started} ms`, { requestId });
      }
      return result;
    } catch (error) {
      if (error instanceof SegmentsError) throw error;
      throw new APIConnectionError(
        `${prepared.method} ${pathOf(prepared.url)} failed: ${describeCause(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async #waitBeforeRetry(prepared: HttpRequest, delayMs: number, reason: string, signal?: AbortSignal) {
    this.#config.logger.info(
      `retrying ${prepared.method} ${pathOf(prepared.url)} in ${Math.round(delayMs)} ms (${reason})`,
    );
    await sleep(delayMs, signal);
  }
}

/**
 * Converts a `Request` (every API call, built by openapi-fetch, and the multipart upload) into the SDK's request
 * shape, buffering the body once so each attempt can resend it. JSON stays text, as a `fetch` given to the client
 * would expect it; anything else becomes bytes.
 */
async function fromRequest(request: Request): Promise<HttpRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (!request.body) return { method: request.method, url: request.url, headers };
  const body = headers["content-type"]?.startsWith("application/json")
    ? await request.text()
    : new Uint8Array(await request.arrayBuffer());
  return { method: request.method, url: request.url, headers, body };
}

/**
 * Applies per-call headers (`null` removes one) and upper-cases the method; the caller's objects are not modified.
 * The SDK's own requests usually need neither, and are then sent as they are, without a copy.
 */
function prepare(request: HttpRequest, options: SendOptions): HttpRequest {
  const method = request.method.toUpperCase();
  if (!options.headers && method === request.method) return request;
  let headers = request.headers;
  if (options.headers) {
    headers = { ...headers };
    for (const [name, value] of Object.entries(options.headers)) {
      if (value === null) delete headers[name.toLowerCase()];
      else if (value !== undefined) headers[name.toLowerCase()] = value;
    }
  }
  return { url: request.url, body: request.body, headers, method };
}

/** Gzips a large JSON body (sample and label writes), like the Python SDK. */
async function compress(request: HttpRequest): Promise<HttpRequest> {
  const { body } = request;
  if (body === undefined || body instanceof FormData || !canGzip()) return request;
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  if (bytes.byteLength < GZIP_MIN_BYTES) return request;
  return { ...request, body: await gzip(bytes), headers: { ...request.headers, "content-encoding": "gzip" } };
}

/** The error an exchange throws when an attempt runs out of time. */
export function timeoutError(request: HttpRequest, timeout: number, cause?: unknown): APITimeoutError {
  return new APITimeoutError(`${request.method} ${pathOf(request.url)} timed out after ${timeout} ms.`, {
    cause,
  });
}

/**
 * The error an exchange throws when a body passes `limit` bytes (after decompression). It carries the status and
 * headers, but no body: what was read is dropped.
 */
export function tooLargeError(
  request: HttpRequest,
  status: number,
  headers: Headers,
  limit: number,
): ResponseTooLargeError {
  const message =
    `${status} ${request.method} ${pathOf(request.url)}: the response body is larger than ${limit} bytes ` +
    "(maxResponseBytes); reading stopped there. Request smaller pages, or raise `maxResponseBytes` if you expect it.";
  return new ResponseTooLargeError({ status, message, headers });
}

/** The path part of an absolute URL, for messages, computed only when one is written (cheaper than `new URL`). */
export function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const end = url.indexOf("?", start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/**
 * An attempt that got no response: only a connection error is retried, and for POST/PATCH only when the request
 * cannot have reached the server (a timeout, an abort or a bug is thrown as it is).
 */
function failedConnection(error: unknown, replayable: boolean): FailedAttempt {
  const retryable = error instanceof APIConnectionError && (replayable || neverReachedServer(error));
  return { error, retryable, reason: error instanceof Error ? error.message : String(error) };
}

/** 429 means "not processed, come back later", so it is retried for every method; 408/5xx only when replayable. */
function shouldRetryResponse(response: Response, replayable: boolean): boolean {
  const override = response.headers.get("x-should-retry");
  if (override === "true") return true;
  if (override === "false") return false;
  if (response.status === 429) return true;
  return replayable && (response.status === 408 || response.status >= 500);
}

/** True when the error chain carries a code proving the request never reached the server. */
export function neverReachedServer(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Delay before the next attempt: the server's `retry-after-ms` or `Retry-After` (seconds or HTTP date) capped at
 * {@link MAX_RETRY_AFTER_MS}, else exponential backoff `min(0.5 s * 2^n, 8 s)` minus up to 25 % jitter.
 */
export function retryDelayMs(
  retriesDone: number,
  headers?: Headers,
  random: () => number = Math.random,
): number {
  const fromServer = headers ? serverRetryDelayMs(headers) : undefined;
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retriesDone, MAX_BACKOFF_MS);
  return backoff * (1 - random() * 0.25);
}

function serverRetryDelayMs(headers: Headers): number | undefined {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.min(milliseconds, MAX_RETRY_AFTER_MS);
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

/** Resolves after `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError(undefined, { cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error's message, with the system error code (its own or its cause's, as fetch nests it) when not in it. */
function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const ownCode = (error as { code?: unknown } | undefined)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const code = typeof causeCode === "string" ? causeCode : ownCode;
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
