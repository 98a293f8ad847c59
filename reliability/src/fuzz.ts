/**
 * A spec-driven generator of malformed API requests (fast-check arbitraries). Every request it builds is invalid by
 * construction, so the server must answer a 4xx with a JSON error and change nothing:
 *
 * - `wrong-type`: one body property (from the operation's schema) with a value of another JSON type;
 * - `unknown-field`: a property the schema does not declare (bodies are `additionalProperties: false`);
 * - `missing-required`: a body without one of its required properties;
 * - `wrong-top-level`: a body of the wrong JSON type (an array for an object...), up to a few MB;
 * - `invalid-json`, `invalid-gzip`, `wrong-content-type`;
 * - `path-trick`: a path parameter replaced by `%2e%2e%2f`, `..`, `%00`, broken escapes, long or unicode text;
 * - `bad-query`: `per_page`/`page` that are not positive integers in range;
 * - `bad-method`: a method the path does not support;
 * - `bad-auth`: malformed or unknown `Authorization` headers.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import fc from "fast-check";

type Schema = Record<string, unknown>;

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** The JSON body schema, with `$ref`s resolved one level (properties may still hold `$ref`s). */
  body: Schema | undefined;
  /** Query parameters with a positive-integer schema (`minimum >= 1`: `per_page`, `page`). */
  integerQuery: string[];
}

/**
 * A few requests whose gzip body (~80 kB) inflates past the server's 64 MiB body limit: each costs the server a
 * bounded inflate, so they are sent a handful of times rather than generated thousands of times.
 */
export function gzipBombRequests(operations: readonly SpecOperation[], values: PathValues, apiKey: string) {
  const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20), { level: 9 });
  return operations
    .filter((operation) => operation.body !== undefined)
    .slice(0, 3)
    .map(
      (operation): FuzzRequest => ({
        category: "gzip-bomb",
        operationId: operation.operationId,
        method: operation.method,
        path: fillPath(operation.path, values),
        headers: { ...jsonHeaders(apiKey), "Content-Encoding": "gzip" },
        body: bomb,
        mentions: /gzip|large/i,
      }),
    );
}

export interface FuzzRequest {
  category: string;
  operationId: string;
  method: string;
  /** Raw path, sent byte for byte (no URL normalisation). */
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** The detail of the error must match this (it names the problem). */
  mentions: RegExp;
}

const SPEC_FILE = new URL("../../openapi/bundle/openapi.json", import.meta.url);

/** Reads the bundled spec and lists its operations. */
export function loadOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
  };
  const resolve = (schema: unknown): Schema | undefined => {
    if (!schema || typeof schema !== "object") return undefined;
    const ref = (schema as { $ref?: string }).$ref;
    if (ref) return resolve(spec.components.schemas[ref.split("/").pop() ?? ""]);
    return schema as Schema;
  };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as {
        operationId?: string;
        parameters?: Schema[];
        requestBody?: { content?: Record<string, { schema?: unknown }> };
      };
      if (!operation?.operationId) continue;
      const integerQuery = (operation.parameters ?? [])
        .map((parameter) => {
          const ref = parameter.$ref as string | undefined;
          return ref ? spec.components.parameters[ref.split("/").pop() ?? ""] : parameter;
        })
        .filter((parameter) => {
          const schema = parameter?.schema as Schema | undefined;
          return parameter?.in === "query" && schema?.type === "integer" && Number(schema.minimum) >= 1;
        })
        .map((parameter) => String(parameter?.name));
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        body: resolve(operation.requestBody?.content?.["application/json"]?.schema),
        integerQuery,
      });
    }
  }
  return operations;
}

/** Real values for every path parameter, so requests reach body validation. */
export type PathValues = Record<string, string>;

function fillPath(template: string, values: PathValues, override?: { name: string; raw: string }): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    override?.name === name ? override.raw : encodeURIComponent(values[name] ?? "x"),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What the error must name: `field`, or (since the server may report the first problem it finds) one of the
 * operation's required fields that the malformed body also lacks.
 */
function namesFieldOr(operation: SpecOperation, field: string): RegExp {
  const required = ((operation.body?.required as string[] | undefined) ?? []).filter(
    (name) => name !== field,
  );
  return new RegExp([field, ...required].map(escapeRegExp).join("|"));
}

const jsonHeaders = (apiKey: string) => ({
  Authorization: `APIKey ${apiKey}`,
  "Content-Type": "application/json",
});

/** JSON values whose type is not in `types` (a schema's `type`, string or list). */
function wrongValue(types: string[]): fc.Arbitrary<unknown> {
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ["string", fc.string({ unit: "grapheme", maxLength: 30 })],
    ["integer", fc.integer()],
    ["number", fc.double({ noNaN: true, noDefaultInfinity: true })],
    ["boolean", fc.boolean()],
    ["null", fc.constant(null)],
    ["array", fc.array(fc.integer(), { maxLength: 3 })],
    ["object", fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })],
  ];
  const accepts = (candidate: string) =>
    types.includes(candidate) ||
    (candidate === "integer" && types.includes("number")) ||
    // an integral double is an integer in JSON Schema
    (candidate === "number" && types.includes("integer"));
  return fc.oneof(...candidates.filter(([name]) => !accepts(name)).map(([, arbitrary]) => arbitrary));
}

function typesOf(schema: unknown): string[] | undefined {
  const type = (schema as { type?: unknown } | undefined)?.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.map(String);
  return undefined;
}

const PATH_TRICKS = [
  "%2e%2e%2f",
  "%2E%2E%2F%2E%2E%2F",
  "..%2f..%2fuser",
  "%2e%2e",
  "..",
  ".",
  "%252e%252e%252f",
  "%00",
  "%ff%fe",
  "%",
  "%zz",
  "%c0%ae%c0%ae%c0%af",
  "a%2Fb",
  "%E2%80%AE",
];

/** Builds the arbitrary of malformed requests for `operations`. */
export function malformedRequest(
  operations: readonly SpecOperation[],
  values: PathValues,
  apiKey: string,
): fc.Arbitrary<FuzzRequest> {
  const withBody = operations.filter((op) => op.body !== undefined);
  const withObjectBody = withBody.filter((op) => op.body?.type === "object" && op.body.properties);
  const withRequired = withObjectBody.filter((op) => ((op.body?.required as string[]) ?? []).length > 0);
  const withQuery = operations.filter((op) => op.integerQuery.length > 0);
  const withParams = operations.filter((op) => op.path.includes("{"));
  const op = (list: readonly SpecOperation[]) => fc.constantFrom(...list);
  const base = (category: string, operation: SpecOperation, mentions: RegExp) => ({
    category,
    operationId: operation.operationId,
    method: operation.method,
    path: fillPath(operation.path, values),
    headers: jsonHeaders(apiKey),
    mentions,
  });

  /** Body properties with a plain JSON type (the ones a wrong-type value can be built for). */
  const typedProperties = (operation: SpecOperation): [string, string[]][] =>
    Object.entries((operation.body?.properties ?? {}) as Record<string, Schema>).flatMap(([name, schema]) => {
      const types = typesOf(schema);
      return types ? [[name, types] as [string, string[]]] : [];
    });
  const wrongType = op(withObjectBody.filter((operation) => typedProperties(operation).length > 0))
    .chain((operation) => fc.tuple(fc.constant(operation), fc.constantFrom(...typedProperties(operation))))
    .chain(([operation, [name, types]]) =>
      wrongValue(types).map((value) => ({
        ...base("wrong-type", operation, namesFieldOr(operation, name)),
        body: Buffer.from(JSON.stringify({ [name]: value })),
      })),
    );

  const unknownField = fc
    .tuple(
      op(withObjectBody),
      fc.string({ minLength: 1, maxLength: 12, unit: "grapheme-ascii" }),
      fc.jsonValue(),
    )
    .filter(([operation, suffix]) => !Object.hasOwn(operation.body?.properties ?? {}, `zz${suffix}`))
    .map(([operation, suffix, value]) => ({
      ...base("unknown-field", operation, namesFieldOr(operation, `zz${suffix}`)),
      body: Buffer.from(JSON.stringify({ [`zz${suffix}`]: value })),
    }));

  const missingRequired = op(withRequired).chain((operation) =>
    fc.constantFrom(...((operation.body?.required as string[]) ?? [])).map((field) => ({
      ...base("missing-required", operation, new RegExp(field)),
      body: Buffer.from(
        JSON.stringify(
          Object.fromEntries(
            ((operation.body?.required as string[]) ?? []).filter((f) => f !== field).map((f) => [f, "x"]),
          ),
        ),
      ),
    })),
  );

  const wrongTopLevel = fc
    .tuple(
      op(withBody),
      fc.oneof(
        fc.integer(),
        fc.string({ unit: "grapheme" }),
        fc.constant(null),
        fc.boolean(),
        fc.array(fc.integer(), { maxLength: 5 }),
        fc.integer({ min: 100_000, max: 400_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
      ),
    )
    .filter(([operation, value]) => {
      const wanted = operation.body?.type;
      if (wanted === "array") return !Array.isArray(value);
      return value === null || typeof value !== "object" || Array.isArray(value);
    })
    .map(([operation, value]) => ({
      ...base("wrong-top-level", operation, /./),
      body: Buffer.from(JSON.stringify(value)),
    }));

  const invalidJson = fc
    .tuple(op(withBody), fc.string({ minLength: 1, maxLength: 200, unit: "binary" }))
    .filter(([, text]) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return text.trim().length > 0;
      }
    })
    .map(([operation, text]) => ({
      ...base("invalid-json", operation, /JSON/),
      body: Buffer.from(text),
    }));

  const invalidGzip = fc
    .tuple(op(withBody), fc.uint8Array({ minLength: 1, maxLength: 300 }))
    .filter(([, bytes]) => bytes[0] !== 0x1f)
    .map(([operation, bytes]) => ({
      ...base("invalid-gzip", operation, /gzip/i),
      headers: { ...jsonHeaders(apiKey), "Content-Encoding": "gzip" },
      body: Buffer.from(bytes),
    }));

  const wrongContentType = fc
    .tuple(op(withBody), fc.constantFrom("text/plain", "application/xml", "multipart/form-data", "image/png"))
    .map(([operation, type]) => ({
      ...base("wrong-content-type", operation, /Content-Type/),
      headers: { ...jsonHeaders(apiKey), "Content-Type": type },
      body: Buffer.from("{}"),
    }));

  const trick = fc.oneof(
    fc.constantFrom(...PATH_TRICKS),
    fc
      .string({ minLength: 1, maxLength: 40, unit: "grapheme" })
      .map((text) => `zz${encodeURIComponent(text)}`),
    fc.integer({ min: 1000, max: 8000 }).map((n) => "a".repeat(n)),
  );
  const pathTrick = op(withParams).chain((operation) => {
    const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
    return fc.tuple(fc.constantFrom(...names), trick).map(([name, raw]) => ({
      ...base("path-trick", operation, /./),
      path: fillPath(operation.path, values, { name, raw }),
      // A body the schema rejects, in case the tricked path reaches a handler.
      body: operation.body ? Buffer.from(JSON.stringify({ zz_fuzz: true })) : undefined,
    }));
  });

  const badQuery = fc
    .tuple(
      op(withQuery),
      fc.oneof(
        fc.constantFrom("0", "-1", "1.5", "abc", "NaN", "Infinity", "1e400", "", "%00"),
        fc.integer({ max: 0 }).map(String),
      ),
    )
    .chain(([operation, value]) =>
      fc.constantFrom(...operation.integerQuery).map((name) => ({
        ...base("bad-query", operation, new RegExp(name)),
        path: `${fillPath(operation.path, values)}?${name}=${value}`,
        body: undefined,
      })),
    );

  const badMethod = fc
    .tuple(op(operations), fc.constantFrom("PUT", "PATCH", "DELETE", "POST", "GET"))
    .filter(([operation, method]) =>
      operations.every((other) => other.path !== operation.path || other.method !== method),
    )
    .map(([operation, method]) => ({
      ...base("bad-method", operation, /method/i),
      method,
      body: undefined,
    }));

  const badAuth = fc
    .tuple(
      op(operations),
      fc.oneof(
        fc.constantFrom("", "APIKey", "APIKey ", "Bearer token", "Basic dXNlcjpwYXNz", `APIKey ${apiKey}x`),
        fc
          .string({ minLength: 1, maxLength: 40, unit: "grapheme-ascii" })
          .map((text) => `APIKey zz${text.trim()}`),
      ),
    )
    .map(([operation, header]) => ({
      ...base("bad-auth", operation, /credentials|token|auth/i),
      headers: { "Content-Type": "application/json", ...(header === "" ? {} : { Authorization: header }) },
      body: operation.body ? Buffer.from("{}") : undefined,
    }));

  return fc.oneof(
    { arbitrary: wrongType, weight: 4 },
    { arbitrary: unknownField, weight: 2 },
    { arbitrary: missingRequired, weight: 2 },
    { arbitrary: wrongTopLevel, weight: 2 },
    { arbitrary: invalidJson, weight: 2 },
    { arbitrary: invalidGzip, weight: 1 },
    { arbitrary: wrongContentType, weight: 1 },
    { arbitrary: pathTrick, weight: 4 },
    { arbitrary: badQuery, weight: 2 },
    { arbitrary: badMethod, weight: 1 },
    { arbitrary: badAuth, weight: 2 },
  );
}
