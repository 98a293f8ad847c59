import type { Client } from "openapi-fetch";
import * as openapiFetch from "openapi-fetch";
import { version } from "../package.json";
import type { paths } from "./generated/schema";

/**
 * openapi-fetch's `createClient`. Its CommonJS build sets `exports.default`, and a CommonJS bundle of this package
 * imports it in Node mode, where the default import is the whole module object: take `.default` once more there.
 */
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === "function"
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;

/** The production API root. */
export const DEFAULT_BASE_URL = "https://api.segments.ai";

/** Version of this package, sent as `Segments-SDK-Version` so the API can tell SDK versions apart. */
export const CLIENT_VERSION: string = version;

/** Options of {@link createSegmentsApiClient}. */
export interface SegmentsApiClientOptions {
  /** Your Segments.ai API key (Account > API keys). Sent as `Authorization: APIKey <key>`; never logged. */
  apiKey: string;
  /**
   * API root; defaults to {@link DEFAULT_BASE_URL}. Point it at the emulator for offline work. A URL with
   * credentials (`https://user:password@host`) is refused: authenticate with `apiKey`.
   */
  baseUrl?: string;
  /** A `fetch` implementation, e.g. one that adds retries, a proxy agent or test instrumentation. */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Identifies the calling library in `X-Source` (the Python SDK sends `python-sdk`). */
  source?: string;
}

/** A typed `openapi-fetch` client for every operation of the Segments.ai API. */
export type SegmentsApiClient = Client<paths>;

/**
 * Creates a typed low-level client: every path, parameter, body and response of the Segments.ai API is checked by
 * TypeScript. Responses are returned as `{ data, error, response }`, never thrown (use `@segments-ts/sdk` for a
 * facade with retries, typed errors and pagination).
 *
 * @example
 * ```ts
 * import { createSegmentsApiClient } from "@segments-ts/client";
 *
 * const api = createSegmentsApiClient({ apiKey: process.env.SEGMENTS_API_KEY! });
 * const { data, error } = await api.GET("/datasets/{owner}/{dataset}/", {
 *   params: { path: { owner: "jane", dataset: "flowers" } },
 * });
 * if (error) throw new Error(error.detail);
 * console.log(data.task_type);
 * ```
 */
export function createSegmentsApiClient(options: SegmentsApiClientOptions): SegmentsApiClient {
  assertApiKey(options.apiKey);
  return createClient<paths>({
    baseUrl: checkedBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // openapi-fetch keeps these in its closure: the key is not a property of the client, so logging or serializing
    // the client cannot reveal it. (Base headers rather than a middleware: no per-request middleware round.)
    headers: {
      ...options.headers,
      Authorization: `APIKey ${options.apiKey}`,
      "X-Source": options.source ?? "typescript-client",
      "Segments-SDK-Version": CLIENT_VERSION,
    },
    querySerializer: QUERY_SERIALIZATION,
  });
}

/**
 * How query parameters are written. The API reads a list as one comma-joined value, `label_status=LABELED,REVIEWED`
 * (what the Python SDK sends); openapi-fetch's default repeats the name (`label_status=LABELED&label_status=REVIEWED`),
 * and a Django query dict then yields one of the values only. Every array query parameter of the spec declares
 * `style: form, explode: false`; test/array-query.test.ts checks each one on the wire.
 */
const QUERY_SERIALIZATION = { array: { style: "form", explode: false } } as const;

function assertApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError(
      "createSegmentsApiClient: `apiKey` must be a non-empty string (find yours under Account > API keys on segments.ai).",
    );
  }
}

/**
 * Refuses `user:password@` in the API root: it would be sent to the server and shown wherever the URL is printed.
 * The message does not repeat the URL. A relative root (a same-origin proxy in a browser) is allowed.
 */
function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl, "http://relative.invalid");
  } catch {
    throw new TypeError(
      "createSegmentsApiClient: `baseUrl` is not a URL (expected e.g. https://api.segments.ai).",
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new TypeError(
      "createSegmentsApiClient: `baseUrl` must not contain credentials (`user:password@`); authenticate with `apiKey`.",
    );
  }
  return baseUrl;
}
