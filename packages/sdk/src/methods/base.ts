/**
 * What every `SegmentsClient` is built on: its options (key, API root, timeouts, retries, transport, logging) and
 * the per-client state the methods use.
 */
import { defaultExchange } from "#default-exchange";
import { createApiClient } from "../core/api-client.js";
import type { Context } from "../core/context.js";
import { AuthenticationError } from "../core/errors.js";
import { fetchExchange } from "../core/fetch-exchange.js";
import { createLogger, type Logger, type LogLevel, readEnv, resolveLogLevel } from "../core/logger.js";
import { secretRedactor } from "../core/redact.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  MAX_RESPONSE_BYTES_LIMIT,
  Transport,
} from "../core/transport.js";
import {
  requireBaseUrl,
  requireMaxResponseBytes,
  requireMaxRetries,
  requireTimeout,
} from "../core/validate.js";

/**
 * The production API root.
 *
 * @example
 * ```ts
 * new SegmentsClient({ baseUrl: DEFAULT_API_URL });
 * ```
 */
export const DEFAULT_API_URL = "https://api.segments.ai";

/**
 * Options of {@link SegmentsClient}.
 *
 * @example
 * ```ts
 * const client = new SegmentsClient({ apiKey: "...", timeout: 30_000, maxRetries: 4, logLevel: "info" });
 * ```
 */
export interface SegmentsClientOptions {
  /** Your API key (Account > API keys). Default: the `SEGMENTS_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /**
   * API root. Default: `SEGMENTS_API_URL`, else `https://api.segments.ai`. An http(s) URL without credentials: a
   * `user:password@` in it is refused with a `ValidationError` (it would reach logs and the server).
   */
  baseUrl?: string | undefined;
  /** Milliseconds allowed per attempt, response body included (default 60 000). */
  timeout?: number | undefined;
  /** Retries after a failed attempt (default 2). See {@link RequestOptions.retryNonIdempotent} for POST/PATCH. */
  maxRetries?: number | undefined;
  /**
   * A `fetch` implementation (a proxy-aware one, a test double...) to send every request with. Default: in Node,
   * node:http on Node's global keep-alive agent (about half the CPU per request of Node's own `fetch`); elsewhere,
   * the global `fetch`.
   */
  fetch?: FetchLike | undefined;
  /**
   * Largest response body to read, in bytes after decompression (default 256 MiB, at most 536870888). A larger one
   * is a `ResponseTooLargeError`; reading stops at the limit, so a gzip bomb costs no more memory than that.
   */
  maxResponseBytes?: number | undefined;
  /** Log verbosity. Default: `SEGMENTS_LOG`, else `warn`. `debug` logs every request with the key redacted. */
  logLevel?: LogLevel | undefined;
  /** Where logs go (default `console`). */
  logger?: Logger | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/** Each client's shared state, kept off the object so that inspecting or serializing a client shows none of it. */
const contexts = new WeakMap<object, Context>();

/** The state of the client a method was called on: each method of src/methods/ starts with `contextOf(this)`. */
export function contextOf(client: object): Context {
  const context = contexts.get(client);
  if (!context) throw new TypeError("SegmentsClient methods must be called on a SegmentsClient");
  return context;
}

/**
 * The root of {@link SegmentsClient}: reads the options, builds the transport and the typed request methods. The
 * API methods are added by the layers in src/methods/, one file per resource.
 */
export class ClientBase {
  /** The API root requests go to. */
  readonly baseUrl: string;

  constructor(options: SegmentsClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("SEGMENTS_API_KEY");
    if (!apiKey?.trim()) {
      throw new AuthenticationError({
        status: undefined,
        message:
          "No API key: pass `new SegmentsClient({ apiKey })` or set the SEGMENTS_API_KEY environment variable " +
          "(create a key under Account > API keys on segments.ai).",
      });
    }
    const envUrl = options.baseUrl === undefined ? readEnv("SEGMENTS_API_URL") : undefined;
    this.baseUrl = requireBaseUrl(
      options.baseUrl ?? envUrl ?? DEFAULT_API_URL,
      envUrl === undefined ? "baseUrl" : "SEGMENTS_API_URL",
    );
    // The key lives only in closures (this redactor's and the request builder's): it is not a property of this
    // object, so logging, inspecting or serializing the client cannot reveal it.
    const redact = secretRedactor(apiKey);
    const logLevel = resolveLogLevel(options.logLevel);
    const logger = createLogger(logLevel, options.logger, redact);
    const transport = new Transport({
      exchange: options.fetch ? fetchExchange(options.fetch) : defaultExchange(),
      // The same checks as the per-call overrides in `RequestOptions` (see requireRequestOptions).
      timeout: requireTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS),
      maxRetries: requireMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES),
      maxResponseBytes: requireMaxResponseBytes(
        options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        MAX_RESPONSE_BYTES_LIMIT,
      ),
      logger,
      debug: logLevel === "debug",
      redact,
    });
    const api = createApiClient({ apiKey, baseUrl: this.baseUrl, transport, redact });
    contexts.set(this, { api, transport, logger });
  }

  /** What `console.log(client)` and `util.inspect` show: never the key. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `SegmentsClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** What `JSON.stringify(client)` shows: never the key. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}
