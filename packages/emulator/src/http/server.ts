import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { type App, nextTurn, type Reply } from "../app.js";
import { compileRoutes, type RouteTarget } from "../routes/index.js";
import { serveFile } from "../storage/serve.js";
import { handleUpload, STORAGE_PREFIX, UPLOAD_PATH } from "../storage/upload.js";
import type { UserRecord } from "../store/records.js";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./body.js";
import type { BodyLease } from "./body-budget.js";
import type { CorsPolicy } from "./cors.js";
import { ApiError } from "./errors.js";
import type { Throttle } from "./rate-limit.js";
import type { Router } from "./router.js";

/** A response that did not conform to the spec (recorded in test mode). */
export interface Violation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  message: string;
}

export interface ServerOptions {
  throttle?: Throttle;
  validateResponses: boolean;
  violations: Violation[];
  /** Largest accepted JSON request body in bytes (raw, and after gzip decompression); larger ones get a 413. */
  maxBodyBytes?: number;
  /** Which browser origins may call the emulator; preflights are answered before anything else. Default: none. */
  cors?: CorsPolicy;
  /** The route table; default: compiled from `app.spec` (see compileRoutes, which throws when they disagree). */
  routes?: Router<RouteTarget>;
  log: (message: string, error?: unknown) => void;
}

/** The parts of a request URL the pipeline reads; cheaper than `new URL()` on the hot path. */
interface RequestUrl {
  pathname: string;
  searchParams: URLSearchParams;
}

const NO_QUERY = new URLSearchParams();

/** Django's DATA_UPLOAD_MAX_NUMBER_FIELDS: more query parameters than this are a 400 (SuspiciousOperation). */
export const MAX_QUERY_PARAMETERS = 1000;

function parseUrl(raw: string): RequestUrl {
  const queryStart = raw.indexOf("?");
  if (queryStart < 0) return { pathname: raw, searchParams: NO_QUERY };
  return { pathname: raw.slice(0, queryStart), searchParams: new URLSearchParams(raw.slice(queryStart + 1)) };
}

function checkQuerySize(searchParams: URLSearchParams): void {
  if (searchParams.size > MAX_QUERY_PARAMETERS) {
    throw new ApiError(
      400,
      `Too many query parameters: ${searchParams.size} (limit ${MAX_QUERY_PARAMETERS}).`,
    );
  }
}

function authenticate(app: App, req: IncomingMessage): UserRecord {
  const header = req.headers.authorization;
  if (!header) throw new ApiError(401, "Authentication credentials were not provided.");
  const match = /^APIKey\s+(\S+)\s*$/i.exec(header);
  const user = match?.[1] ? app.store.getUserByKey(match[1]) : undefined;
  if (!user) throw new ApiError(401, "Invalid token.");
  return user;
}

/** Array answers longer than this are serialized in chunks, a turn of the event loop apart. */
const ITEMS_PER_TURN = 1000;

/** JSON text of an answer; a long array (a 10,000-sample bulk add) is built in chunks so others are served. */
async function serialize(body: unknown): Promise<string> {
  if (!Array.isArray(body) || body.length <= ITEMS_PER_TURN) return JSON.stringify(body);
  const parts: string[] = [];
  for (let start = 0; start < body.length; start += ITEMS_PER_TURN) {
    if (start > 0) await nextTurn();
    parts.push(JSON.stringify(body.slice(start, start + ITEMS_PER_TURN)).slice(1, -1));
  }
  return `[${parts.join(",")}]`;
}

async function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
  rewrite: (payload: string) => string = (payload) => payload,
): Promise<void> {
  // Like the real API's load balancer, every answer carries an id that users can quote in support requests.
  const headers = { "X-Request-Id": randomUUID(), ...extraHeaders };
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = rewrite(await serialize(body));
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/**
 * The request pipeline: route, authenticate, throttle, read and validate input against the spec, run the handler,
 * and (in test mode) check the response against the spec before sending it.
 */
export function createRequestListener(app: App, options: ServerOptions) {
  const router = options.routes ?? compileRoutes(app.spec.operations);

  async function answerApi(
    req: IncomingMessage,
    url: RequestUrl,
    target: RouteTarget,
    pathParams: Record<string, string>,
    context: { baseUrl: string; lease: BodyLease },
  ) {
    const user = authenticate(app, req);
    options.throttle?.check(user.username);
    checkQuerySize(url.searchParams);
    // Bind the request to the dataset its path names now, before the body arrives (see Call.pinnedDatasetId).
    const pinnedDatasetId =
      pathParams.owner !== undefined && pathParams.dataset !== undefined
        ? (app.store.getDataset(pathParams.owner, pathParams.dataset)?.id ?? null)
        : undefined;
    // Only operations that declare a body read one (like the real API, which ignores the body of e.g. a DELETE):
    // so only they can answer 413, which the spec declares on exactly those operations.
    const body = target.operation.takesBody
      ? await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, context.lease)
      : undefined;
    const params = app.spec.parseParams(target.operation, pathParams, url.searchParams, app.mode);
    await app.spec.checkBody(target.operation, body, app.mode);
    return target.handler({ app, user, params, body, baseUrl: context.baseUrl, pinnedDatasetId });
  }

  function checkResponse(req: IncomingMessage, url: RequestUrl, target: RouteTarget, reply: Reply): Reply {
    if (!options.validateResponses) return reply;
    const message = app.spec.responseViolation(target.operation, reply.status, reply.body);
    if (!message) return reply;
    options.violations.push({
      operationId: target.operation.operationId,
      method: req.method ?? "",
      path: url.pathname,
      status: reply.status,
      message,
    });
    options.log(`response violates the spec: ${message}`);
    return { status: 500, body: { detail: `Response does not conform to the spec: ${message}` } };
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (options.cors?.handle(req, res)) return;
    const url = parseUrl(req.url ?? "/");
    const method = req.method ?? "GET";
    const baseUrl = app.urls.baseOf(req.headers.host, app.baseUrl);
    const rewrite = (text: string) => app.urls.rewrite(text, baseUrl);
    const lease = app.budget.lease(res);
    if (url.pathname.startsWith(STORAGE_PREFIX)) {
      if (method === "POST" && url.pathname === UPLOAD_PATH) {
        const { store, signer, settings } = app;
        return handleUpload(req, res, { store, signer, lease, maxUploadBytes: settings.maxUploadBytes });
      }
      if (method === "GET" || method === "HEAD") {
        const key = url.pathname.slice(STORAGE_PREFIX.length);
        return serveFile(res, app.store, key, method === "HEAD", rewrite);
      }
    }
    const match = router.match(method, url.pathname);
    if (match.kind === "not-found") return send(res, 404, { detail: "Not found." });
    if (match.kind === "method-not-allowed") {
      return send(
        res,
        405,
        { detail: `Method "${method}" not allowed.` },
        { Allow: match.allowed.join(", ") },
      );
    }
    let reply: Reply;
    let headers: Record<string, string> = {};
    try {
      reply = await answerApi(req, url, match.route.target, match.params, { baseUrl, lease });
    } catch (error) {
      if (error instanceof ApiError) {
        reply = { status: error.status, body: error.body() };
        headers = error.headers;
      } else {
        options.log(`${method} ${url.pathname} failed`, error);
        reply = { status: 500, body: { detail: "Internal server error." } };
      }
    }
    reply = checkResponse(req, url, match.route.target, reply);
    if (!req.complete) req.resume();
    await send(res, reply.status, reply.body, headers, rewrite);
  };
}

/** A socket as node:http hands it to `clientError`; `_httpMessage` is the response in progress on it, if any. */
type ClientSocket = Duplex & { _httpMessage?: ServerResponse | null };

/** How long a connection refused in `clientError` may stay open for the client to read the answer. */
const CLIENT_ERROR_LINGER_MS = 2000;

/**
 * Sockets already answered in `clientError`. The HTTP parser stays in its error state, so every further chunk the
 * client sends raises `clientError` again; those repeats must not cut the lingering connection short.
 */
const answeredSockets = new WeakSet<Duplex>();

function clientErrorAnswer(error: NodeJS.ErrnoException): [status: number, reason: string, detail: string] {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return [431, "Request Header Fields Too Large", "Request header fields too large."];
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return [413, "Payload Too Large", "Chunk extensions too large."];
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return [408, "Request Timeout", "Request timed out."];
    default:
      return [400, "Bad Request", "Malformed HTTP request."];
  }
}

/**
 * Answers what node:http refuses before any request handler runs (oversized headers or URL, malformed HTTP,
 * timeouts) with a JSON error like every other answer, instead of Node's bare status line; then closes the
 * connection, since the parser cannot resynchronise with the byte stream.
 */
export function handleClientError(error: NodeJS.ErrnoException, rawSocket: Duplex): void {
  const socket = rawSocket as ClientSocket;
  if (answeredSockets.has(socket)) return;
  answeredSockets.add(socket);
  // The peer is gone, or a response is already being written on this socket: nothing can be answered.
  if (error.code === "ECONNRESET" || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, detail] = clientErrorAnswer(error);
  const payload = JSON.stringify({ detail });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      `X-Request-Id: ${randomUUID()}\r\n` +
      "Connection: close\r\n\r\n" +
      payload,
  );
  // Half-close only, and keep reading what the client still sends: closing a socket with unread input makes the
  // kernel send RST, which can discard our answer before the client reads it. A client that neither stops nor
  // closes is cut off after a short grace period.
  socket.resume();
  const linger = setTimeout(() => socket.destroy(), CLIENT_ERROR_LINGER_MS);
  linger.unref();
  socket.once("close", () => clearTimeout(linger));
}
