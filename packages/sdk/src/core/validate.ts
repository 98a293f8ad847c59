/**
 * Client-side argument checks. Each throws a `ValidationError` naming the argument and the fix, before any request.
 */
import { ValidationError } from "./errors.js";

/** Throws unless `value` is a non-empty string (uuids, names). */
export function requireString(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ValidationError(argument, "expected a non-empty string.");
  }
  return value;
}

/** Throws unless `value` is a finite number (rejects NaN and Infinity, which JSON would turn into null). */
export function requireFinite(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ValidationError(argument, `expected a finite number, got ${String(value)}.`);
  }
  return value;
}

/** Throws unless `value` is an integer within [min, max]. */
export function requireInteger(
  value: unknown,
  argument: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    throw new ValidationError(argument, `expected an integer ${range}, got ${String(value)}.`);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(value: unknown, argument: string, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new ValidationError(
      argument,
      `expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function requireObject(value: unknown, argument: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError(argument, "expected a plain object.");
  }
  return value as Record<string, unknown>;
}

/** `per_page` of the list endpoints: 1..1000 (the API's maximum). */
export function requirePerPage(value: unknown): number {
  return requireInteger(value, "per_page", 1, 1000);
}

/** `page` of the list endpoints: 1-based. */
export function requirePage(value: unknown): number {
  return requireInteger(value, "page", 1);
}

/** Throws unless `value` is a string; unlike {@link requireString}, an empty one is allowed (descriptions). */
export function requireText(value: unknown, argument: string): string {
  if (typeof value !== "string") {
    throw new ValidationError(argument, `expected a string, got ${shown(value)}.`);
  }
  return value;
}

/** Throws unless `value` is `true` or `false` (a truthy string or number is a mistake, not a yes). */
export function requireBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== "boolean") {
    throw new ValidationError(argument, `expected true or false, got ${shown(value)}.`);
  }
  return value;
}

/**
 * The longest delay `setTimeout` honours (2^31 - 1 milliseconds): Node and browsers fire a longer one almost at
 * once, so a larger timeout would abort every attempt at once and a larger poll interval would poll in a tight loop.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * `timeout` of the client and of one call: whole milliseconds per attempt. The same check (and message) for both,
 * so a per-call override cannot get past what the constructor refuses.
 */
export function requireTimeout(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS) {
    throw new ValidationError(
      "timeout",
      `expected milliseconds per attempt, an integer between 1 and ${MAX_TIMER_MS}, got ${String(value)} ` +
        "(leave it out for the default).",
    );
  }
  return value;
}

/** `maxRetries` of the client and of one call: 0 (no retry) to 100. */
export function requireMaxRetries(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new ValidationError(
      "maxRetries",
      `expected an integer between 0 and 100 (0 disables retries), got ${String(value)} ` +
        "(leave it out for the default).",
    );
  }
  return value;
}

/** `maxResponseBytes` of the client: 1 byte up to the longest string JavaScript can hold. */
export function requireMaxResponseBytes(value: unknown, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw new ValidationError(
      "maxResponseBytes",
      `expected an integer between 1 and ${max} (the longest string JavaScript can hold), got ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Checks the API root: an http(s) URL (or a path, which a browser resolves against the page) without credentials.
 * `user:password@` in it would be sent to the server and shown in logs and errors, so it is refused, and the message
 * never repeats the URL. Returns it without trailing slashes.
 */
export function requireBaseUrl(value: unknown, argument: string): string {
  let url: URL | undefined;
  try {
    url =
      typeof value === "string" && value.trim() !== ""
        ? new URL(value, "http://relative.invalid")
        : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ValidationError(argument, "expected an http(s) URL such as https://api.segments.ai.");
  }
  if (url.username !== "" || url.password !== "") {
    throw new ValidationError(
      argument,
      "must not contain credentials (`user:password@`): the URL was not used. Remove them; the SDK authenticates " +
        "with `apiKey`.",
    );
  }
  return (value as string).replace(/\/+$/, "");
}

/** Throws unless `value` is an `AbortSignal` (duck-typed, so signals of another realm or polyfill pass). */
export function requireSignal(value: unknown, argument: string): AbortSignal {
  const signal = value as AbortSignal | null;
  if (
    typeof signal !== "object" ||
    signal === null ||
    typeof signal.aborted !== "boolean" ||
    typeof signal.addEventListener !== "function" ||
    typeof signal.removeEventListener !== "function"
  ) {
    throw new ValidationError(argument, "expected an AbortSignal, like `new AbortController().signal`.");
  }
  return signal;
}

/**
 * Checks the per-call `RequestOptions` before anything is sent. Unchecked, a NaN or negative `timeout` reached
 * `setTimeout` as a one-millisecond delay and aborted the request at once, and a NaN or negative `maxRetries`
 * silently disabled retries.
 * Only given keys are checked: most calls pass no options and pay nothing.
 */
export function requireRequestOptions(options: unknown): void {
  if (options === undefined || options === null) return;
  const object = requireObject(options, "options");
  if (object.timeout !== undefined) requireTimeout(object.timeout);
  if (object.maxRetries !== undefined) requireMaxRetries(object.maxRetries);
  if (object.signal !== undefined) requireSignal(object.signal, "signal");
  if (object.headers !== undefined) requireObject(object.headers, "headers");
}

/**
 * The date-times the API accepts for workunit `start`/`end` (the pattern of its OpenAPI spec): RFC 3339, or without
 * a zone offset, which the API reads as UTC.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the fields matched by {@link DATE_TIME} name a real instant (no 2024-02-30, no 25:00). */
function realDateTime(fields: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = fields
    .slice(1)
    .map((field) => (field === undefined ? undefined : Number(field)));
  if (month === undefined || month < 1 || month > 12) return false;
  const leap = year !== undefined && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return (
    day !== undefined &&
    day >= 1 &&
    day <= days &&
    (hour ?? 99) <= 23 &&
    (minute ?? 99) <= 59 &&
    (second ?? 99) <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/**
 * Checks a date-time query parameter and returns what to send: a `Date` as ISO 8601 in UTC
 * (`2024-05-01T00:00:00.000Z`), an ISO 8601 string unchanged. Anything else is a `ValidationError` here rather
 * than a 400 from the server, or the untyped `RangeError` that `toISOString()` throws on an Invalid Date.
 */
export function requireDateTime(value: unknown, argument: string): string {
  if (value instanceof Date) {
    const time = value.getTime();
    // Years outside 0..9999 come out as "+010000-..." or "-000001-...", which the API's pattern refuses.
    const iso = Number.isNaN(time) ? undefined : value.toISOString();
    if (iso !== undefined && DATE_TIME.test(iso)) return iso;
    throw new ValidationError(
      argument,
      `expected a valid Date between the years 0 and 9999, got ${iso ?? "an Invalid Date"}.`,
    );
  }
  if (typeof value === "string") {
    const fields = DATE_TIME.exec(value);
    if (fields && realDateTime(fields)) return value;
  }
  throw new ValidationError(
    argument,
    `expected a Date or an ISO 8601 date-time like "2024-05-01T00:00:00Z" (read as UTC without a zone), ` +
      `got ${shown(value)}.`,
  );
}

/** A short description of a bad value for messages: strings quoted, numbers as written, objects by kind. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || Array.isArray(value)) return value === null ? "null" : "an array";
  return typeof value === "object" || typeof value === "function"
    ? `a value of type ${typeof value}`
    : String(value);
}

/** Drops keys whose value is `undefined`, so optional arguments are not sent (explicit `null` is kept). */
export function definedOnly<T extends Record<string, unknown>>(object: T): T {
  // A plain loop: on every request that has query parameters, entries/filter/fromEntries allocated three arrays.
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    if (object[key] !== undefined) result[key] = object[key];
  }
  return result as T;
}
