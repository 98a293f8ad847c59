/**
 * Validation of identifiers that end up in URL paths. openapi-fetch percent-encodes every path parameter
 * (`a/b` becomes `a%2Fb`), but `.` and `..` survive encoding and URL parsing would resolve them as dot segments
 * (`/samples/../` is `/`), so they are rejected here, together with empty values.
 */
import { ValidationError } from "./errors.js";

/** A dataset identifier split into the two path parameters of the API. */
export interface DatasetRef {
  owner: string;
  dataset: string;
}

// %2e is a dot for the WHATWG URL parser, so `%2e%2e` is a dot segment too.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Control characters (C0 and DEL) are never valid in identifiers; URL parsers strip or reject them. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Checks one value that becomes a whole path segment; returns it unchanged (openapi-fetch encodes it). */
export function pathSegment(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new ValidationError(argument, `expected a non-empty string, got ${describe(value)}.`);
  }
  if (DOT_SEGMENT.test(value)) {
    throw new ValidationError(argument, `"${value}" is not a valid name: it would change the URL path.`);
  }
  if (hasControlCharacter(value)) {
    throw new ValidationError(argument, "must not contain control characters.");
  }
  return value;
}

/** Checks a new dataset name: a path segment that also contains no `/` (it becomes half of `owner/name`). */
export function datasetName(value: unknown, argument: string): string {
  const name = pathSegment(value, argument);
  if (name.includes("/")) {
    throw new ValidationError(
      argument,
      `a dataset name cannot contain "/" (got "${name}"); pass the name only.`,
    );
  }
  return name;
}

/**
 * Parses `owner/name` (e.g. `jane/flowers`) into its parts.
 *
 * @example
 * ```ts
 * parseDatasetIdentifier("jane/flowers"); // { owner: "jane", dataset: "flowers" }
 * ```
 */
export function parseDatasetIdentifier(value: unknown, argument = "dataset"): DatasetRef {
  const parts = typeof value === "string" ? value.split("/") : [];
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new ValidationError(
      argument,
      `expected a dataset identifier of the form "owner/name", like "jane/flowers", got ${describe(value)}.`,
    );
  }
  return {
    owner: pathSegment(parts[0], `${argument} (owner)`),
    dataset: pathSegment(parts[1], `${argument} (name)`),
  };
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return value === null ? "null" : typeof value;
}
