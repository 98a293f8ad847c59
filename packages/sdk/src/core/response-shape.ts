/**
 * Checks a success response against the shape the API spec gives its operation (generated into
 * `@segments-ts/client`'s `OPERATIONS`): the JSON type, the keys an object must have, and for a list the same of
 * each item. Deeper fields are left to the types: this catches a proxy's empty 200, a `null`, or a body meant for
 * another route, for a few operations per response.
 */
import { OPERATIONS } from "@segments-ts/client";
import { InvalidResponseError } from "./errors.js";
import { noRedaction, type Redact } from "./redact.js";

/** What the generated table says about a body (see packages/client/scripts/operations.mjs). */
interface Shape {
  readonly type: string;
  readonly nullable?: boolean;
  readonly required?: readonly string[];
  readonly items?: Shape;
}

/** `"GET /samples/{sample_uuid}/"` -> the shape of its 2xx body, or `null` when it has none. */
const shapes = new Map<string, Shape | null>(
  Object.values(OPERATIONS).map((operation) => [`${operation.method} ${operation.path}`, operation.response]),
);

/** Describes what is wrong with `value` for `shape`, or returns undefined when it fits. */
function mismatch(value: unknown, shape: Shape): string | undefined {
  if (value === null) return shape.nullable ? undefined : `expected ${article(shape.type)}, got null`;
  const type = Array.isArray(value) ? "array" : typeof value;
  if (type !== shape.type) return `expected ${article(shape.type)}, got ${article(type)}`;
  if (shape.required) {
    const missing = shape.required.filter((key) => !Object.hasOwn(value as object, key));
    if (missing.length > 0) return `the object lacks ${missing.map((key) => `\`${key}\``).join(", ")}`;
  }
  if (shape.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = mismatch(value[i], shape.items);
      if (problem) return `item ${i}: ${problem}`;
    }
  }
  return undefined;
}

function article(type: string): string {
  const noun = type === "object" ? "JSON object" : type;
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Everything about the response the error needs. */
export interface ResponseContext {
  method: string;
  /** The path template of the operation, e.g. `/samples/{sample_uuid}/`. */
  template: string;
  /** The filled path, for the message. */
  path: string;
  response: Response;
  text: string;
  redact?: Redact | undefined;
}

function invalid(context: ResponseContext, problem: string, body: unknown): InvalidResponseError {
  const redact = context.redact ?? noRedaction;
  const { status, headers } = context.response;
  const message =
    `${status} ${context.method} ${context.path}: the response does not match the API spec (${redact(problem)}). ` +
    "A proxy or a server error may have answered instead of the API.";
  const requestId = headers.get("x-request-id") ?? undefined;
  return new InvalidResponseError({ status, message, body, headers, requestId });
}

/**
 * Parses a 2xx body and checks it against the operation's shape. An empty body is `undefined` when the operation
 * has none (204) and an error when it has one; operations missing from the spec are parsed, not checked.
 */
export function parseResponse(context: ResponseContext): unknown {
  const shape = shapes.get(`${context.method} ${context.template}`);
  if (context.text === "") {
    if (!shape) return undefined;
    throw invalid(context, "the body is empty", "");
  }
  let data: unknown;
  try {
    data = JSON.parse(context.text);
  } catch {
    throw invalid(
      context,
      "the body is not JSON",
      (context.redact ?? noRedaction)(context.text.slice(0, 1000)),
    );
  }
  const problem = shape ? mismatch(data, shape) : undefined;
  if (problem) throw invalid(context, problem, JSON.parse((context.redact ?? noRedaction)(context.text)));
  return data;
}
