/**
 * The JSON Schema side of request and response checking: ajv instances in the three flavours the validator needs,
 * and the JSON-pointer helpers that find a schema in the spec document.
 */
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv and ajv-formats are CommonJS; under ESM the constructor sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

export type Ajv = InstanceType<typeof Ajv2020>;

/**
 * `strict`: validates as written; `coercing`: query and path strings coerced to the schema's types, defaults filled;
 * `lenient`: unknown body fields removed, as production (Django REST Framework) ignores them.
 */
export type AjvFlavor = "strict" | "coercing" | "lenient";

type JsonObject = Record<string, unknown>;

/** A key as one segment of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`). */
export const escapePointer = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** A fresh ajv (JSON Schema 2020-12, formats checked) of the given flavour. */
export function createAjv(flavor: AjvFlavor): Ajv {
  const coerce = flavor === "coercing";
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    validateFormats: true,
    coerceTypes: coerce ? "array" : false,
    useDefaults: coerce,
    removeAdditional: flavor === "lenient",
    logger: false,
  });
  addFormats(ajv);
  return ajv;
}

/** The node at a JSON pointer (`#/paths/~1user/get`) of `document`, or undefined. */
export function lookup(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .reduce<unknown>(
      (node, segment) => (node as JsonObject | undefined)?.[segment.replace(/~1/g, "/").replace(/~0/g, "~")],
      document,
    );
}

/**
 * OpenAPI-only keywords ajv cannot or need not evaluate: `discriminator` (ajv rejects `mapping`; `oneOf` still
 * decides), `example` and `xml`. Removing them keeps validation semantics unchanged.
 */
export function stripNonValidationKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripNonValidationKeywords);
  if (!node || typeof node !== "object") return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    const isDiscriminator =
      key === "discriminator" && typeof (value as JsonObject)?.propertyName === "string";
    if (isDiscriminator || key === "xml") continue;
    result[key] = stripNonValidationKeywords(value);
  }
  return result;
}
