import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Handler, Reply } from "../app.js";
import { HANDLERS, KNOWN_ROUTES } from "../routes/index.js";
import { handleUpload, STORAGE_PREFIX, serveFile, UPLOAD_PATH } from "../storage/upload.js";
import type { UserRecord } from "../store/records.js";
import type { Operation } from "../validation/spec.js";
import { readJsonBody } from "./body.js";
import { ApiError } from "./errors.js";
import type { Throttle } from "./rate-limit.js";
import { Router } from "./router.js";

/** A response that did not conform to the spec (recorded in test mode). */
export interface Violation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  message: string;
}

interface RouteTarget {
  handler: Handler;
  /** Undefined for an operation the spec does not declare yet (then nothing is validated). */
  operation?: Operation;
}

export interface ServerOptions {
  throttle?: Throttle;
  validateResponses: boolean;
  violations: Violation[];
  log: (message: string, error?: unknown) => void;
}

/** Compiles the router: every spec operation with a handler, plus any known operation the spec lacks. */
function buildRouter(app: App): Router<RouteTarget> {
  const router = new Router<RouteTarget>();
  for (const operation of app.spec.operations) {
    const handler = HANDLERS[operation.operationId];
    if (handler) router.add(operation.method, operation.path, { handler, operation });
  }
  for (const [method, path, operationId] of KNOWN_ROUTES) {
    const handler = HANDLERS[operationId];
    if (handler && !router.has(method, path)) router.add(method, path, { handler });
  }
  return router;
}

/** The parts of a request URL the pipeline reads; cheaper than `new URL()` on the hot path. */
interface RequestUrl {
  pathname: string;
  searchParams: URLSearchParams;
}

const NO_QUERY = new URLSearchParams();

function parseUrl(raw: string): RequestUrl {
  const queryStart = raw.indexOf("?");
  if (queryStart < 0) return { pathname: raw, searchParams: NO_QUERY };
  return { pathname: raw.slice(0, queryStart), searchParams: new URLSearchParams(raw.slice(queryStart + 1)) };
}

function authenticate(app: App, req: IncomingMessage): UserRecord {
  const header = req.headers.authorization;
  if (!header) throw new ApiError(401, "Authentication credentials were not provided.");
  const match = /^APIKey\s+(\S+)\s*$/i.exec(header);
  const user = match?.[1] ? app.store.getUserByKey(match[1]) : undefined;
  if (!user) throw new ApiError(401, "Invalid token.");
  return user;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  // Like the real API's load balancer, every answer carries an id that users can quote in support requests.
  const headers = { "X-Request-Id": randomUUID(), ...extraHeaders };
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
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
  const router = buildRouter(app);

  async function answerApi(
    req: IncomingMessage,
    url: RequestUrl,
    target: RouteTarget,
    pathParams: Record<string, string>,
  ) {
    const user = authenticate(app, req);
    options.throttle?.check(user.username);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readJsonBody(req);
    let params: Record<string, unknown> = { ...pathParams };
    if (target.operation) {
      params = app.spec.parseParams(target.operation, pathParams, url.searchParams);
      app.spec.checkBody(target.operation, body);
    } else {
      for (const [key, value] of url.searchParams) params[key] ??= value;
    }
    return target.handler({ app, user, params, body });
  }

  function checkResponse(req: IncomingMessage, url: RequestUrl, target: RouteTarget, reply: Reply): Reply {
    if (!options.validateResponses || !target.operation) return reply;
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
    const url = parseUrl(req.url ?? "/");
    const method = req.method ?? "GET";
    if (url.pathname.startsWith(STORAGE_PREFIX)) {
      if (method === "POST" && url.pathname === UPLOAD_PATH)
        return handleUpload(req, res, app.store, app.signer);
      if (method === "GET" || method === "HEAD") {
        const key = decodeURIComponent(url.pathname.slice(STORAGE_PREFIX.length));
        return serveFile(res, app.store, key, method === "HEAD");
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
      reply = await answerApi(req, url, match.route.target, match.params);
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
    send(res, reply.status, reply.body, headers);
  };
}
