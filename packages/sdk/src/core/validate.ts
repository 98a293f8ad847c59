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

/** Drops keys whose value is `undefined`, so optional arguments are not sent (explicit `null` is kept). */
export function definedOnly<T extends Record<string, unknown>>(object: T): T {
  // A plain loop: on every request that has query parameters, entries/filter/fromEntries allocated three arrays.
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    if (object[key] !== undefined) result[key] = object[key];
  }
  return result as T;
}
