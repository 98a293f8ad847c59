// The operations table of src/generated/operations.ts: for every operationId of the spec, its HTTP method, its path
// template and the shape of its success response, reduced to what can be checked in a few operations per response
// (the JSON type, the keys an object must have, the type of array items). The SDK checks each response against it,
// so a 200 whose body is empty, `null` or of the wrong kind is an error instead of data.

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** Follows a local `$ref` (`#/components/schemas/Name`). */
function resolve(spec, schema) {
  let current = schema;
  for (let depth = 0; current?.$ref; depth++) {
    if (depth > 32) throw new Error(`$ref cycle at ${schema.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
    if (!current) throw new Error(`unresolved $ref ${schema.$ref}`);
  }
  return current;
}

/** The JSON type of a schema and whether `null` is allowed: `type: [object, null]`, `nullable`, `const: null`. */
function typeOf(schema) {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes("null") || schema.nullable === true;
  const [type] = types.filter((t) => t !== "null");
  if (type) return { type: type === "integer" ? "number" : type, nullable };
  if (schema.properties || schema.required) return { type: "object", nullable };
  return { type: undefined, nullable };
}

/**
 * The checkable shape of a schema: `{ type, nullable?, required?, items? }`, or undefined when nothing can be said
 * (no type, or variants of different types). `allOf` adds up the required keys; `oneOf`/`anyOf` keep the keys every
 * variant requires. Array items are described one level deep (their type and required keys).
 */
export function shapeOf(spec, schema, depth = 0) {
  const resolved = resolve(spec, schema);
  if (resolved.allOf)
    return mergeAll(
      resolved.allOf.map((part) => shapeOf(spec, part, depth)),
      resolved,
    );
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants) return commonShape(variants.map((variant) => shapeOf(spec, variant, depth)));
  const { type, nullable } = typeOf(resolved);
  if (!type) return undefined;
  const shape = { type };
  if (nullable) shape.nullable = true;
  if (type === "object" && resolved.required?.length) shape.required = [...resolved.required];
  if (type === "array" && resolved.items && depth === 0) {
    const items = shapeOf(spec, resolved.items, depth + 1);
    if (items) shape.items = items;
  }
  return shape;
}

function mergeAll(parts, schema) {
  const own = typeOf(schema);
  const typed = parts.filter(Boolean);
  const type = own.type ?? typed[0]?.type;
  if (!type || typed.some((part) => part.type !== type)) return undefined;
  const shape = { type };
  if (own.nullable || typed.every((part) => part.nullable)) shape.nullable = true;
  const required = [
    ...new Set([...(schema.required ?? []), ...typed.flatMap((part) => part.required ?? [])]),
  ];
  if (required.length) shape.required = required;
  return shape;
}

function commonShape(shapes) {
  const nonNull = shapes.filter((shape) => shape?.type !== "null");
  const nullable = nonNull.length < shapes.length || nonNull.some((shape) => shape?.nullable);
  const [first] = nonNull;
  if (!first || nonNull.some((shape) => !shape || shape.type !== first.type)) return undefined;
  const shape = { type: first.type };
  if (nullable) shape.nullable = true;
  const required = (first.required ?? []).filter((key) => nonNull.every((s) => s.required?.includes(key)));
  if (required.length) shape.required = required;
  return shape;
}

/** The schema name of a `$ref` to components/schemas, e.g. `Dataset`. */
const refName = (schema) => schema?.$ref?.match(/^#\/components\/schemas\/([A-Za-z0-9_]+)$/)?.[1];

/**
 * The shape of an operation's 2xx JSON bodies, as `{ shape, name }` (`name`: the schema it comes from, or of its
 * items), or `null` when it declares none (204). Two 2xx responses with different shapes stop the generator: the SDK
 * checks one shape per operation.
 */
function successShape(spec, operationId, responses) {
  const schemas = Object.entries(responses ?? {})
    .filter(([status]) => /^2(\d\d|XX)$/i.test(status))
    .map(([, response]) => resolve(spec, response).content?.["application/json"]?.schema)
    .filter(Boolean);
  const distinct = [...new Set(schemas.map((schema) => JSON.stringify(shapeOf(spec, schema) ?? null)))];
  if (distinct.length > 1) throw new Error(`${operationId}: 2xx responses of different shapes: ${distinct}`);
  const [schema] = schemas;
  if (!schema) return null;
  return {
    shape: shapeOf(spec, schema) ?? null,
    name: refName(schema) ?? refName(resolve(spec, schema).items),
  };
}

/** Every operation of the spec: `[operationId, { method, path, response }]`, in spec order. */
export function operationsOf(spec) {
  const rows = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const response = successShape(spec, operation.operationId, operation.responses);
      rows.push([operation.operationId, { method: method.toUpperCase(), path, response }]);
    }
  }
  return rows;
}

/**
 * The module: one constant per object shape, named after its schema (`Dataset`), shared by every operation that
 * returns it or a list of it; then the table.
 */
export function operationsModule(spec, banner) {
  const constants = new Map(); // JSON of an object shape -> constant name
  const reference = (shape, name) => {
    if (shape?.type !== "object" || !name) return JSON.stringify(shape);
    const json = JSON.stringify(shape);
    if (!constants.has(json))
      constants.set(json, [...constants.values()].includes(name) ? `${name}Shape` : name);
    return constants.get(json);
  };
  const rows = operationsOf(spec).map(([id, { method, path, response }]) => {
    let body = "null";
    if (response?.shape?.type === "array" && response.shape.items) {
      const { items, ...array } = response.shape;
      const fields = Object.entries(array).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      body = `{ ${[...fields, `items: ${reference(items, response.name)}`].join(", ")} }`;
    } else if (response) {
      body = reference(response.shape, response.name);
    }
    return `  ${id}: { method: ${JSON.stringify(method)}, path: ${JSON.stringify(path)}, response: ${body} },`;
  });
  return [
    banner,
    ...[...constants].map(([json, name]) => `const ${name} = ${json} as const;`),
    "",
    "/**",
    " * Every operation of the API by operationId: its method, path template and the shape of its 2xx JSON body",
    " * (`null`: no body). The SDK checks responses against `response` and maps operations to its methods.",
    " */",
    "export const OPERATIONS = {",
    ...rows,
    "} as const;",
    "",
    "/** The operationId of an API operation. */",
    "export type OperationId = keyof typeof OPERATIONS;",
    "",
  ].join("\n");
}
