/**
 * The start-up check of the emulator's tables keyed by an enum list of the API (roles, task types) against the spec
 * it serves. The lists themselves, as types and `as const` arrays, are generated from the bundled spec into
 * src/generated/enums.ts (`pnpm generate`); the emulator never writes such a list itself, and never takes one from
 * the client or sdk packages: it is the independent other side of the contract.
 */

/** The spec schema each list checked at start-up is the `enum` of. */
const ENUM_SCHEMAS = {
  taskTypes: "TaskType",
  labelStatuses: "LabelStatus",
  roles: "Role",
} as const;

export type SpecEnums = { readonly [K in keyof typeof ENUM_SCHEMAS]: readonly string[] };

/** The spec lacks a list the emulator needs, or the emulator's tables keyed by one disagree with it. */
export class SpecEnumError extends Error {
  override readonly name = "SpecEnumError";
}

function enumOf(document: unknown, schema: string): readonly string[] {
  const components = (document as { components?: { schemas?: Record<string, { enum?: unknown }> } })
    .components;
  const values = components?.schemas?.[schema]?.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === "string")) {
    throw new SpecEnumError(
      `the bundled spec has no string enum at components.schemas.${schema}; regenerate openapi/bundle/openapi.json (pnpm generate)`,
    );
  }
  return Object.freeze([...values]);
}

/** Reads every list from an OpenAPI document; throws a {@link SpecEnumError} naming the first schema missing. */
export function readSpecEnums(document: unknown): SpecEnums {
  const entries = Object.entries(ENUM_SCHEMAS).map(([key, schema]) => [key, enumOf(document, schema)]);
  return Object.freeze(Object.fromEntries(entries)) as SpecEnums;
}

/**
 * Checks that a table keyed by the values of a spec list (e.g. the permission rank of each role) covers exactly that
 * list, so a value added to or renamed in the spec stops the emulator's start instead of being silently unhandled.
 */
export function checkCovers(
  enums: SpecEnums,
  list: keyof SpecEnums,
  keys: Iterable<string>,
  table: string,
): void {
  const expected = new Set(enums[list]);
  const actual = new Set(keys);
  const missing = [...expected].filter((value) => !actual.has(value));
  const unknown = [...actual].filter((value) => !expected.has(value));
  if (missing.length === 0 && unknown.length === 0) return;
  const parts = [
    missing.length > 0 ? `lacks ${missing.join(", ")}` : "",
    unknown.length > 0 ? `has ${unknown.join(", ")}, which the spec does not` : "",
  ].filter(Boolean);
  throw new SpecEnumError(
    `${table} and the spec's ${ENUM_SCHEMAS[list]} enum disagree: the table ${parts.join(" and ")}`,
  );
}
