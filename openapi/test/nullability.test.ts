// The spec against the nullability table (python-sdk-models.yaml): every schema is mapped to the Python SDK model
// it mirrors, and every field is required / nullable / optional / default exactly as the table says. The table is
// the written record of what the SDK (and so the real API) does; this test keeps the spec from drifting off it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  componentSchemas,
  isObject,
  type Json,
  type JsonObject,
  loadSpec,
  operations,
  resolveRef,
} from "./spec";

const KINDS = {
  required: { required: true, nullable: false },
  nullable: { required: true, nullable: true },
  optional: { required: false, nullable: true },
  default: { required: false, nullable: false },
} as const;
type Kind = keyof typeof KINDS;

interface TableEntry {
  python: string | null;
  evidence?: string;
  fields?: Record<string, Kind | { kind: Kind; why: string }>;
}

const spec = loadSpec();
const schemas = componentSchemas(spec);
const table = loadTable();

function loadTable(): Record<string, TableEntry> {
  const path = fileURLToPath(new URL("./python-sdk-models.yaml", import.meta.url));
  const document = parse(readFileSync(path, "utf8")) as { schemas?: Record<string, TableEntry> };
  if (!isObject((document.schemas ?? null) as Json))
    throw new Error(`${path} has no top-level "schemas" map`);
  return document.schemas as Record<string, TableEntry>;
}

function kindOf(field: Kind | { kind: Kind; why: string }): Kind {
  return typeof field === "string" ? field : field.kind;
}

/** True when the schema accepts null: a `null` type, a nullable branch of anyOf/oneOf, or a `$ref` to one. */
function acceptsNull(schema: Json, seen = new Set<Json>()): boolean {
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (typeof schema.$ref === "string") return acceptsNull(resolveRef(spec, schema), seen);
  const type = schema.type;
  if (type === "null" || (Array.isArray(type) && type.includes("null"))) return true;
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.some((branch) => acceptsNull(branch, seen))) return true;
  }
  return false;
}

interface ObjectShape {
  properties: Map<string, Json>;
  required: Set<string>;
}

/** The properties and required keys of an object schema, `allOf` parts (and the `$ref`s in them) merged. */
function objectShape(schema: Json): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  const visit = (node: Json): void => {
    const resolved = resolveRef(spec, node);
    if (!isObject(resolved)) return;
    if (Array.isArray(resolved.allOf)) for (const part of resolved.allOf) visit(part);
    if (isObject(resolved.properties))
      for (const [name, property] of Object.entries(resolved.properties))
        shape.properties.set(name, property);
    if (Array.isArray(resolved.required))
      for (const name of resolved.required) if (typeof name === "string") shape.required.add(name);
  };
  visit(schema);
  return shape;
}

/**
 * Every schema the table must map: each component schema, plus each object schema written inline below one
 * (keyed `Schema/property/...`), since those are fields of the wire format too.
 */
function mappableSchemas(): Map<string, Json> {
  const found = new Map<string, Json>();
  const visitInline = (node: Json, key: string): void => {
    if (!isObject(node)) return;
    if (isObject(node.properties)) found.set(key, node);
    for (const [name, property] of Object.entries(isObject(node.properties) ? node.properties : {}))
      visitInline(property, `${key}/${name}`);
    for (const keyword of ["items", "additionalProperties"] as const) visitInline(node[keyword] ?? null, key);
    for (const keyword of ["allOf", "anyOf", "oneOf"] as const) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) visitInline(branch, key);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) {
    found.set(name, schema);
    if (!isObject(schema)) continue;
    const { properties } = objectShape(schema);
    for (const [property, child] of properties) visitInline(child, `${name}/${property}`);
  }
  return found;
}

const mappable = mappableSchemas();

describe("nullability table (python-sdk-models.yaml)", () => {
  it("maps every schema of the spec, and nothing else", () => {
    const unmapped = [...mappable.keys()].filter((name) => !(name in table));
    const stale = Object.keys(table).filter((name) => !mappable.has(name));
    expect(unmapped, "schemas missing from openapi/test/python-sdk-models.yaml").toEqual([]);
    expect(stale, "table entries without a schema in the spec").toEqual([]);
  });

  it("says where each schema's field kinds come from", () => {
    const undocumented = Object.entries(table)
      .filter(([, entry]) => entry.python === null && !entry.evidence)
      .map(([name]) => name);
    expect(undocumented, "entries with `python: null` need an `evidence` line").toEqual([]);
  });

  it("keeps request and response bodies in component schemas, where the table can map them", () => {
    const inline: string[] = [];
    for (const { method, path, operation } of operations(spec)) {
      const bodies: Json[] = [operation.requestBody ?? null, ...Object.values(asObject(operation.responses))];
      for (const body of bodies) {
        for (const media of Object.values(asObject(asObject(resolveRef(spec, body)).content))) {
          const schema = asObject(media).schema ?? null;
          if (hasInlineProperties(schema)) inline.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(inline, "move these inline object schemas to components/schemas and map them").toEqual([]);
  });

  const objectEntries = [...mappable.entries()].filter(([name]) => table[name]?.fields !== undefined);
  it.each(objectEntries)("%s matches the table", (name, schema) => {
    const entry = table[name] as TableEntry & { fields: NonNullable<TableEntry["fields"]> };
    const shape = objectShape(schema);
    const specFields = [...shape.properties.keys()].sort();
    expect(specFields, `${name}: the spec's properties and the table's fields differ`).toEqual(
      Object.keys(entry.fields).sort(),
    );
    const mismatches: string[] = [];
    for (const [field, tableField] of Object.entries(entry.fields)) {
      const kind = kindOf(tableField);
      const expected = KINDS[kind];
      if (!expected) throw new Error(`${name}.${field}: unknown kind ${JSON.stringify(tableField)}`);
      const required = shape.required.has(field);
      const nullable = acceptsNull(shape.properties.get(field) ?? null);
      if (required !== expected.required)
        mismatches.push(
          `${name}.${field} is ${kind}: ${expected.required ? "add it to `required`" : "remove it from `required`"}`,
        );
      if (nullable !== expected.nullable)
        mismatches.push(
          `${name}.${field} is ${kind}: ${expected.nullable ? "let it be null (type [..., 'null'] or anyOf [$ref, {type: 'null'}])" : "do not accept null"}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

  it("maps schemas without fields to non-object schemas only", () => {
    const misfiled = [...mappable.entries()]
      .filter(
        ([name, schema]) => table[name] && !table[name].fields && objectShape(schema).properties.size > 0,
      )
      .map(([name]) => name);
    expect(misfiled, "object schemas need a `fields` map in the table").toEqual([]);
  });
});

function asObject(value: Json | undefined): JsonObject {
  return isObject(value ?? null) ? (value as JsonObject) : {};
}

function hasInlineProperties(schema: Json): boolean {
  if (!isObject(schema) || typeof schema.$ref === "string") return false;
  if (isObject(schema.properties)) return true;
  if (hasInlineProperties(schema.items ?? null)) return true;
  return ["allOf", "anyOf", "oneOf"].some((keyword) => {
    const branches = schema[keyword];
    return Array.isArray(branches) && branches.some(hasInlineProperties);
  });
}
