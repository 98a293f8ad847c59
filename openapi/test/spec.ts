// Loads the bundled spec and compiles its schemas with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
// The idea other packages can copy: move `components.schemas` under `$defs` of one schema document, rewrite
// `#/components/schemas/X` refs to point there, and declare the OpenAPI-only keywords as annotations.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const SPEC_ID = "https://api.segments.ai/openapi.json";
const COMPONENT_SCHEMA_PREFIX = "#/components/schemas/";

export function loadSpec(): JsonObject {
  const path = fileURLToPath(new URL("../bundle/openapi.json", import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy of `value` with every `$ref: "#/components/schemas/X"` pointing into the `$defs` document instead. */
export function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string" && child.startsWith(COMPONENT_SCHEMA_PREFIX)) {
      out[key] = `${SPEC_ID}#/$defs/${child.slice(COMPONENT_SCHEMA_PREFIX.length)}`;
    } else if (key === "discriminator") {
      out[key] = child; // annotation only: its mapping values are not schema refs for Ajv
    } else {
      out[key] = rewriteRefs(child);
    }
  }
  return out;
}

export function componentSchemas(spec: JsonObject): JsonObject {
  const components = spec.components;
  if (!isObject(components) || !isObject(components.schemas))
    throw new Error("spec has no components.schemas");
  return components.schemas;
}

export function createAjv(spec: JsonObject): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: true,
    allowUnionTypes: true,
    allErrors: true,
    // Ajv's own `discriminator` support rejects `mapping`; the unions are written so that plain oneOf semantics
    // (exactly one branch matches) already give the discriminated behaviour, so it is declared as an annotation.
    discriminator: false,
  });
  addFormats(ajv);
  ajv.addVocabulary(["discriminator", "example", "xml", "externalDocs"]);
  ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(componentSchemas(spec)) as JsonObject });
  return ajv;
}

export class SpecValidator {
  readonly spec: JsonObject;
  readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(spec: JsonObject = loadSpec()) {
    this.spec = spec;
    this.ajv = createAjv(spec);
  }

  /** Validator of the component schema `name` (`components.schemas.<name>`). */
  schema(name: string): ValidateFunction {
    if (!(name in componentSchemas(this.spec))) throw new Error(`unknown component schema ${name}`);
    return this.pointer(`/${name}`);
  }

  /** Validator of the subschema at a JSON pointer inside `components.schemas` (e.g. `/Dataset/properties/owner`). */
  pointer(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      const found = this.ajv.getSchema(`${SPEC_ID}#/$defs${pointer}`);
      if (!found) throw new Error(`no schema at ${pointer}`);
      validate = found;
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  /** Validator of a schema found inline in the spec (operation bodies, parameters, headers). */
  inline(schema: Json): ValidateFunction {
    return this.ajv.compile(rewriteRefs(schema) as JsonObject);
  }

  errors(validate: ValidateFunction): string {
    return this.ajv.errorsText(validate.errors, { separator: "\n" });
  }
}

export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Resolves a local `$ref` (`#/components/...`) of the bundled spec. */
export function resolveRef<T extends Json>(spec: JsonObject, value: T): Json {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  let node: Json = spec;
  for (const raw of value.$ref.replace(/^#\//, "").split("/")) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node)) throw new Error(`cannot resolve ${value.$ref}`);
    node = node[segment] ?? null;
  }
  return resolveRef(spec, node);
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface Operation {
  method: string;
  path: string;
  operation: JsonObject;
  /** Path-item parameters followed by operation parameters, `$ref`s resolved. */
  parameters: JsonObject[];
}

export function operations(spec: JsonObject): Operation[] {
  const result: Operation[] = [];
  const paths = spec.paths;
  if (!isObject(paths)) return result;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const parameters = [...shared, ...own].map((p) => resolveRef(spec, p)).filter(isObject);
      result.push({ method, path, operation, parameters });
    }
  }
  return result;
}
