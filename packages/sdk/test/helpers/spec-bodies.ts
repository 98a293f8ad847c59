/**
 * Minimal response bodies of the shape the API spec gives each operation, for mock servers: the SDK checks every
 * success response against that shape (see src/core/response-shape.ts), so a mock must answer like the API would.
 */
import { OPERATIONS } from "@segments-ts/client";

const routes = Object.values(OPERATIONS).map((operation) => ({
  method: operation.method as string,
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  response: operation.response as { type: string; required?: readonly string[] } | null,
}));

/**
 * The smallest body the operation at `method url` may return: an object with every required key (value "x") merged
 * with `overrides`, an empty list, or `undefined` for an operation without a body.
 */
export function specBody(method: string, url: string, overrides: Record<string, unknown> = {}): unknown {
  const path = new URL(url, "http://mock.invalid").pathname;
  const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!route) throw new Error(`no operation in the spec for ${method} ${path}`);
  const shape = route.response;
  if (shape === null) return undefined;
  if (shape.type === "array") return [];
  return { ...Object.fromEntries((shape.required ?? []).map((key) => [key, "x"])), ...overrides };
}
