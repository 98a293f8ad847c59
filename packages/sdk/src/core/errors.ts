import { noRedaction, type Redact, redactHeaderValues } from "./redact.js";

/**
 * Error classes thrown by the SDK. Everything extends {@link SegmentsError}, so one `instanceof` check catches all.
 *
 * HTTP errors are mapped by status first, then refined by the response text the way the Python SDK (v1.30) does it,
 * so its users find the classes they know (`NotFoundError`, `AlreadyExistsError`, `CollaboratorError`, ...).
 */

/**
 * Base class of every error thrown by the SDK.
 *
 * @example
 * ```ts
 * try {
 *   await client.getDataset("jane/flowers");
 * } catch (error) {
 *   if (error instanceof SegmentsError) console.error(error.message);
 * }
 * ```
 */
export class SegmentsError extends Error {
  override name = "SegmentsError";
}

/**
 * Input rejected on the client before any request was sent. `argument` names the offending argument.
 *
 * @example
 * ```ts
 * try {
 *   await client.getDataset("flowers");
 * } catch (error) {
 *   if (error instanceof ValidationError) console.error(error.argument, error.message);
 * }
 * ```
 */
export class ValidationError extends SegmentsError {
  override name = "ValidationError";
  /** Name of the argument that failed validation, e.g. `"dataset"`. */
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(`Invalid \`${argument}\`: ${message}`);
    this.argument = argument;
  }
}

/** Everything the SDK knows about a failed HTTP response. */
export interface APIErrorInit {
  status: number | undefined;
  message: string;
  body?: unknown;
  headers?: Headers;
  requestId?: string | undefined;
}

/**
 * The API answered with an error status (4xx/5xx). Subclasses narrow it down by status and message.
 *
 * @example
 * ```ts
 * try {
 *   await client.getSample("0f0e...");
 * } catch (error) {
 *   if (error instanceof APIError) console.error(error.status, error.requestId, error.body);
 * }
 * ```
 */
export class APIError extends SegmentsError {
  override name = "APIError";
  /** HTTP status; `undefined` when raised before any request (a missing API key). */
  readonly status: number | undefined;
  /** Parsed JSON body when the response had one, else its text. */
  readonly body: unknown;
  /** Response headers. */
  readonly headers: Headers;
  /** Value of the `x-request-id` response header, for support tickets. */
  readonly requestId: string | undefined;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
    this.requestId = init.requestId;
  }
}

/** 400 or 422: the server rejected the request's content. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** 401, or no API key configured (then `status` is `undefined`). */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** 403: authenticated, but not allowed. Also exported as `AuthorizationError` (the Python SDK's name). */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** 403/402 whose message says the subscription does not allow it ("free trial ended", "exceeded user limit"). */
export class SubscriptionError extends PermissionDeniedError {
  override name = "SubscriptionError";
}
/** 404, or any 4xx saying "not found", "does not exist" or "invalid page". */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** 409: the request conflicts with the current state. */
export class ConflictError extends APIError {
  override name = "ConflictError";
}
/** A 4xx saying "already exists": a dataset, labelset or release with that name exists. */
export class AlreadyExistsError extends ConflictError {
  override name = "AlreadyExistsError";
}
/** A 4xx saying the user "cannot be added as collaborator" or "is already a collaborator". */
export class CollaboratorError extends ConflictError {
  override name = "CollaboratorError";
}
/** 429: throttled. Also exported as `APILimitError` (the Python SDK's name). */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** 5xx: the server failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/**
 * The response body is larger than the client's `maxResponseBytes` (counted after decompression, so a small gzip
 * body that inflates to gigabytes stops at the limit). Reading stopped there and the connection was closed; `body` is
 * undefined. Never retried: the same request would get the same body.
 *
 * @example
 * ```ts
 * try {
 *   await client.getSamples("jane/flowers");
 * } catch (error) {
 *   if (error instanceof ResponseTooLargeError) console.error(error.message); // names the limit and how to raise it
 * }
 * ```
 */
export class ResponseTooLargeError extends APIError {
  override name = "ResponseTooLargeError";
}

/**
 * A success status whose body is not what the operation returns according to the API spec: empty, `null`, not JSON,
 * the wrong JSON type (an object where a list belongs) or an object without a key the spec requires. Only this top
 * level is checked (and for a list, each item's type and required keys), so the check costs little.
 *
 * @example
 * ```ts
 * try {
 *   await client.getSample(uuid);
 * } catch (error) {
 *   if (error instanceof InvalidResponseError) console.error(error.status, error.message, error.body);
 * }
 * ```
 */
export class InvalidResponseError extends APIError {
  override name = "InvalidResponseError";
}

/**
 * No HTTP response was received (DNS failure, refused or reset connection).
 *
 * @example
 * ```ts
 * try {
 *   await client.getUser();
 * } catch (error) {
 *   if (error instanceof APIConnectionError) console.error("network problem:", error.cause);
 * }
 * ```
 */
export class APIConnectionError extends SegmentsError {
  override name = "APIConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
/** An attempt took longer than the `timeout` option (per attempt, after all retries). */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}
/** The caller's `AbortSignal` fired. Never retried. */
export class APIUserAbortError extends SegmentsError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted by the caller.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

type APIErrorClass = new (init: APIErrorInit) => APIError;

/** Body phrases the Python SDK maps to specific classes, checked in its order. */
const MESSAGE_RULES: ReadonlyArray<readonly [readonly string[], APIErrorClass]> = [
  [["not found", "does not exist", "invalid page"], NotFoundError],
  [["already exists", "already have"], AlreadyExistsError],
  [["cannot be added as collaborator", "is already a collaborator"], CollaboratorError],
  [["authentication credentials were not provided"], AuthenticationError],
  [["free trial ended", "exceeded user limit"], SubscriptionError],
  [
    ["cannot leave the organization", "need to be an administrator", "do not have permission"],
    PermissionDeniedError,
  ],
];

function classByMessage(text: string): APIErrorClass | undefined {
  const lower = text.toLowerCase();
  return MESSAGE_RULES.find(([phrases]) => phrases.some((phrase) => lower.includes(phrase)))?.[1];
}

function classByStatus(status: number): APIErrorClass {
  if (status === 400 || status === 422) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionDeniedError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return InternalServerError;
  return APIError;
}

/** Statuses whose meaning depends on the message; others (401, 404, 429, 5xx) are unambiguous. */
const REFINABLE_STATUSES = new Set([400, 402, 403, 409, 422]);

/**
 * Picks the error class for an HTTP error: the status decides, and for statuses whose meaning depends on the message
 * the Python SDK's phrases refine it (a 400 saying "already exists" is an `AlreadyExistsError`).
 */
export function errorClassFor(status: number, text: string): APIErrorClass {
  const byStatus = classByStatus(status);
  if (!REFINABLE_STATUSES.has(status)) return byStatus;
  const byMessage = classByMessage(text);
  // A 403 stays a PermissionDeniedError unless it is about the subscription.
  if (status === 403) return byMessage === SubscriptionError ? SubscriptionError : byStatus;
  return byMessage ?? byStatus;
}

/** Extracts a human message from a DRF-style error body (`{"detail": ...}`, `{"field": ["msg"]}`, text). */
export function describeBody(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 500);
  if (body && typeof body === "object") {
    const detail = (body as { detail?: unknown }).detail;
    if (typeof detail === "string") return detail;
    return JSON.stringify(body).slice(0, 500);
  }
  return "";
}

/**
 * Builds the typed error for a non-2xx response whose body was already read as text. `redact` hides the API key in
 * the body, the message and the headers, in case the server echoes it back.
 */
export function createAPIError(args: {
  status: number;
  text: string;
  headers: Headers;
  method: string;
  path: string;
  redact?: Redact | undefined;
}): APIError {
  const redact = args.redact ?? noRedaction;
  const text = redact(args.text);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (an HTML gateway page, S3 XML): keep the text.
  }
  const detail = describeBody(body);
  const headers = redactHeaderValues(args.headers, redact);
  const requestId = headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
  const ErrorClass = errorClassFor(args.status, text);
  let message = `${args.status} ${args.method} ${args.path}${detail ? `: ${detail}` : ""}`;
  if (ErrorClass === NotFoundError && args.path.includes("/datasets/")) {
    message += " (check the dataset identifier, e.g. `jane/flowers`, and that you can access it)";
  }
  return new ErrorClass({ status: args.status, message, body, headers, requestId });
}
