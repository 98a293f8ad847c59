/**
 * The request path of every API call: the typed openapi-fetch client of `@segments-ts/client` fills the path,
 * serializes the query and the body and adds the authentication headers (so those exist once, for both packages),
 * and its `fetch` is the SDK's transport: retries, timeouts, the Node exchange, size limits and typed errors. The
 * transport reads the body within the attempt's timeout; this module then checks it against the operation's shape.
 */
import { createSegmentsApiClient, type SegmentsApiClient } from "@segments-ts/client";
import type { Redact } from "./redact.js";
import { parseResponse } from "./response-shape.js";
import {
  type HttpRequest,
  pathOf,
  type SendOptions,
  type Transport,
  type TransportResult,
} from "./transport.js";

/** The typed methods the `SegmentsClient` methods (src/methods/) use. */
export type ApiMethods = Pick<SegmentsApiClient, "GET" | "POST" | "PUT" | "PATCH" | "DELETE">;

/** What the methods pass as the second argument, next to `params` and `body`. */
export interface CallInit {
  sendOptions: SendOptions;
  // The generated init types have an index signature.
  [option: string]: unknown;
}

/**
 * The request openapi-fetch builds for each call (passed to it as its `Request` class). The transport reads only
 * these fields, so a plain object does instead of undici's `Request`, whose construction and body read (through a
 * stream) cost more client CPU than the rest of a call (bench/RESULTS.md).
 */
class OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | FormData | undefined;

  constructor(url: string, init: { method?: string; headers?: Headers; body?: string | FormData | null }) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers ?? new Headers();
    this.body = init.body ?? undefined;
  }

  /** The transport's request shape: lower-case header names (as `Headers` gives them), the body as built. */
  toHttpRequest(): HttpRequest {
    const headers: Record<string, string> = {};
    this.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { method: this.method, url: this.url, headers, body: this.body };
  }
}

/**
 * What openapi-fetch is handed back once the transport has read and checked a success: it only needs to see a 2xx.
 * Reading `body` (`parseAs: "stream"`) is all it does with it, so one shared instance serves every call.
 */
const READ_BY_TRANSPORT = new Response(null, { status: 200 });

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type RequestFn = (method: Method, path: string, init: Record<string, unknown>) => Promise<unknown>;

/** Creates the typed request methods. The API key stays in the generated client's closure. */
export function createApiClient(config: {
  baseUrl: string;
  apiKey: string;
  transport: Transport;
  redact?: Redact;
}): ApiMethods {
  const client = createSegmentsApiClient({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    source: "typescript-sdk",
    headers: { accept: "application/json" },
  });
  const request = client.request as unknown as RequestFn;
  const method = (name: Method) => async (pathTemplate: string, init: CallInit) => {
    const { sendOptions, ...typed } = init;
    let result: TransportResult | undefined;
    let url = "";
    await request(name, pathTemplate, {
      ...typed,
      parseAs: "stream",
      Request: OutgoingRequest,
      fetch: async (outgoing: OutgoingRequest) => {
        url = outgoing.url;
        result = await config.transport.send(outgoing.toHttpRequest(), sendOptions);
        return READ_BY_TRANSPORT;
      },
    });
    if (!result)
      throw new Error(`${name} ${pathTemplate}: no response reached the SDK (a middleware answered)`);
    const { response, text } = result;
    const path = pathOf(url);
    return {
      data: parseResponse({
        method: name,
        template: pathTemplate,
        path,
        response,
        text,
        redact: config.redact,
      }),
      response,
    };
  };
  const api = {
    GET: method("GET"),
    POST: method("POST"),
    PUT: method("PUT"),
    PATCH: method("PATCH"),
    DELETE: method("DELETE"),
  };
  return api as unknown as ApiMethods;
}
