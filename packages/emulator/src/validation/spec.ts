import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { nextTurn } from "../app.js";
import { ApiError, notFound } from "../http/errors.js";
import { validationError } from "./errors.js";

// ajv and ajv-formats are CommonJS; under ESM the constructor sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

type JsonObject = Record<string, unknown>;
const SPEC_ID = "openapi";
const METHODS = ["get", "put", "post", "patch", "delete"] as const;

/** One query or path parameter as the spec declares it. */
interface Parameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  /** `style: form, explode: false` arrays arrive comma-separated and are split before validation. */
  commaSeparated: boolean;
  /** For integer and number parameters (or array items): the only spellings accepted (see NUMERIC_SYNTAX). */
  numericSyntax?: { type: "integer" | "number"; pattern: RegExp };
}

/**
 * ajv's type coercion turns a string into a number with `+value`, which also accepts `0x10`, `1e1`, `0b1`, ` 16 `
 * and `Infinity`-like spellings; the real API (Django) parses query integers as plain decimals. Raw values are
 * checked against these before ajv coerces them.
 */
const NUMERIC_SYNTAX = {
  integer: /^-?\d+$/,
  number: /^-?\d+(\.\d+)?$/,
} as const;

/** Everything the server needs to know about one operation of the spec, with its validators compiled. */
export interface Operation {
  operationId: string;
  method: string;
  /** Wire path template, e.g. `/datasets/{owner}/{dataset}/`. */
  path: string;
  parameters: Parameter[];
  /** Validates `{...pathParams, ...queryParams}` after coercion; mutates it (defaults, coerced types). */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
  /** For array bodies: the array's own constraints and its item schema, checked a chunk of items per turn. */
  arrayBody?: { validateShell: ValidateFunction; validateItem: ValidateFunction };
  /** True when the operation declares a request body (only those read one). */
  takesBody: boolean;
  bodyRequired: boolean;
  /** Pointers to the JSON response schema for each declared status code (`default` included). */
  responsePointers: Map<string, string | null>;
}

/** Items of an array body validated per turn of the event loop (see checkBody). */
export const BODY_ITEMS_PER_TURN = 1000;

const escapePointer = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Loads the OpenAPI document once and compiles, per operation, a validator for its parameters (coercing strings
 * to the declared types) and one for its JSON request body. Response validators are compiled on first use.
 */
export class SpecValidator {
  readonly operations: Operation[] = [];
  private readonly strictAjv: InstanceType<typeof Ajv2020>;
  private readonly coercingAjv: InstanceType<typeof Ajv2020>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly spec: JsonObject) {
    const schemaDocument = stripNonValidationKeywords(spec) as JsonObject;
    this.strictAjv = createAjv(false);
    this.coercingAjv = createAjv(true);
    this.strictAjv.addSchema(schemaDocument, SPEC_ID);
    this.coercingAjv.addSchema(schemaDocument, SPEC_ID);
    this.collectOperations();
  }

  /** True when `components.schemas[name]` exists. */
  hasSchema(name: string): boolean {
    const schemas = (this.spec.components as JsonObject | undefined)?.schemas as JsonObject | undefined;
    return Boolean(schemas && name in schemas);
  }

  /** A compiled validator for `#/components/schemas/<name>`. */
  schemaValidator(name: string): ValidateFunction {
    return this.byPointer(`#/components/schemas/${escapePointer(name)}`);
  }

  /** Validates query and path parameters; returns the coerced values or throws a 400 naming the parameter. */
  parseParams(operation: Operation, pathParams: Record<string, string>, query: URLSearchParams): JsonObject {
    const values: JsonObject = {};
    for (const parameter of operation.parameters) {
      const raw = parameter.in === "path" ? pathParams[parameter.name] : query.get(parameter.name);
      if (raw === undefined || raw === null) continue;
      const value = parameter.commaSeparated ? raw.split(",") : raw;
      values[parameter.name] = value;
      const syntax = parameter.numericSyntax;
      if (syntax && [value].flat().some((item) => !syntax.pattern.test(item))) {
        this.rejectParam(parameter, syntax.type);
      }
    }
    if (!operation.validateParams(values)) {
      const errors = operation.validateParams.errors ?? [];
      const field = errors[0]?.instancePath.split("/")[1];
      // Like Django's URL converters, a malformed path segment (e.g. a non-uuid) matches no URL: 404, not 400.
      if (operation.parameters.some((parameter) => parameter.in === "path" && parameter.name === field)) {
        throw notFound();
      }
      throw validationError("parameter", errors);
    }
    return values;
  }

  /** Throws the error for a malformed parameter: 404 for a path segment (see parseParams), else a 400 naming it. */
  private rejectParam(parameter: Parameter, type: string): never {
    if (parameter.in === "path") throw notFound();
    const error: ErrorObject = {
      instancePath: `/${escapePointer(parameter.name)}`,
      schemaPath: "#/type",
      keyword: "type",
      params: { type },
      message: `must be ${type === "integer" ? "a decimal integer" : "a decimal number"}`,
    };
    throw validationError("parameter", [error]);
  }

  /**
   * Validates a JSON body; throws a 400 naming the field. An array body (a bulk add of up to 10,000 samples) is
   * checked {@link BODY_ITEMS_PER_TURN} items per turn of the event loop, so other requests are served meanwhile.
   */
  async checkBody(operation: Operation, body: unknown): Promise<void> {
    if (body === undefined) {
      if (operation.bodyRequired) throw new ApiError(400, "Invalid request body: a JSON body is required.");
      return;
    }
    const { arrayBody } = operation;
    if (arrayBody && Array.isArray(body) && body.length > BODY_ITEMS_PER_TURN) {
      if (!arrayBody.validateShell(body)) {
        throw validationError("request body", arrayBody.validateShell.errors ?? []);
      }
      for (let index = 0; index < body.length; index++) {
        if (index > 0 && index % BODY_ITEMS_PER_TURN === 0) await nextTurn();
        if (!arrayBody.validateItem(body[index])) {
          const errors = (arrayBody.validateItem.errors ?? []).map((error) => ({
            ...error,
            instancePath: `/${index}${error.instancePath}`,
          }));
          throw validationError("request body", errors);
        }
      }
      return;
    }
    if (operation.validateBody && !operation.validateBody(body)) {
      throw validationError("request body", operation.validateBody.errors ?? []);
    }
  }

  /**
   * Checks a response against the spec. Returns a description of the violation, or undefined when it conforms.
   * A status the operation does not declare (and no `default`) is a violation too.
   */
  responseViolation(operation: Operation, status: number, body: unknown): string | undefined {
    const key = operation.responsePointers.has(String(status))
      ? String(status)
      : operation.responsePointers.has(`${String(status)[0]}XX`)
        ? `${String(status)[0]}XX`
        : operation.responsePointers.has("default")
          ? "default"
          : undefined;
    if (key === undefined) return `status ${status} is not declared for ${operation.operationId}`;
    const pointer = operation.responsePointers.get(key);
    if (!pointer) {
      return body === undefined
        ? undefined
        : `${operation.operationId} ${status} declares no body but one was sent`;
    }
    const validate = this.byPointer(pointer);
    if (validate(body)) return undefined;
    const error = (validate.errors ?? [])[0] as ErrorObject | undefined;
    return `${operation.operationId} ${status} response: ${error ? `${error.instancePath || "/"} ${error.message}` : "invalid"}`;
  }

  private byPointer(pointer: string, coercing = false): ValidateFunction {
    const cacheKey = `${coercing ? "c" : "s"}${pointer}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      const ajv = coercing ? this.coercingAjv : this.strictAjv;
      validate = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.compiled.set(cacheKey, validate);
    }
    return validate;
  }

  private resolve(value: unknown, pointer: string): [JsonObject, string] {
    let current = value as JsonObject;
    let currentPointer = pointer;
    for (let depth = 0; depth < 10 && typeof current?.$ref === "string"; depth++) {
      currentPointer = current.$ref as string;
      current = lookup(this.spec, currentPointer) as JsonObject;
    }
    return [current, currentPointer];
  }

  /** For an inline `type: array` body schema: a validator of the array without its items, and one per item. */
  private compileArrayBody(schemaPointer: string): Operation["arrayBody"] {
    const schema = lookup(this.spec, schemaPointer) as JsonObject | undefined;
    if (schema?.type !== "array" || !schema.items) return undefined;
    const { items: _items, ...shell } = stripNonValidationKeywords(schema) as JsonObject;
    return {
      validateShell: this.strictAjv.compile(shell),
      validateItem: this.byPointer(`${schemaPointer}/items`),
    };
  }

  private collectOperations(): void {
    const paths = (this.spec.paths ?? {}) as Record<string, JsonObject>;
    for (const [path, pathItem] of Object.entries(paths)) {
      const pathPointer = `#/paths/${escapePointer(path)}`;
      for (const method of METHODS) {
        const operation = pathItem[method] as JsonObject | undefined;
        if (!operation || typeof operation.operationId !== "string") continue;
        this.operations.push(
          this.compileOperation(path, method, operation, pathItem, `${pathPointer}/${method}`, pathPointer),
        );
      }
    }
  }

  private compileOperation(
    path: string,
    method: string,
    operation: JsonObject,
    pathItem: JsonObject,
    pointer: string,
    pathPointer: string,
  ): Operation {
    const parameters: Parameter[] = [];
    const properties: JsonObject = {};
    const required: string[] = [];
    const declared = [
      ...((pathItem.parameters as unknown[]) ?? []).map((p, i) =>
        this.resolve(p, `${pathPointer}/parameters/${i}`),
      ),
      ...((operation.parameters as unknown[]) ?? []).map((p, i) =>
        this.resolve(p, `${pointer}/parameters/${i}`),
      ),
    ];
    for (const [parameter, parameterPointer] of declared) {
      if (parameter.in !== "query" && parameter.in !== "path") continue;
      const name = parameter.name as string;
      const schema = (parameter.schema ?? {}) as JsonObject;
      const [resolvedSchema] = this.resolve(schema, `${parameterPointer}/schema`);
      const isArray = resolvedSchema.type === "array";
      const [valueSchema] = isArray
        ? this.resolve(resolvedSchema.items ?? {}, `${parameterPointer}/schema/items`)
        : [resolvedSchema];
      const valueType = valueSchema.type;
      parameters.push({
        name,
        in: parameter.in,
        required: parameter.required === true,
        commaSeparated: isArray && parameter.explode === false,
        numericSyntax:
          valueType === "integer" || valueType === "number"
            ? { type: valueType, pattern: NUMERIC_SYNTAX[valueType] }
            : undefined,
      });
      properties[name] = { $ref: `${SPEC_ID}${parameterPointer}/schema` };
      if (parameter.required === true) required.push(name);
    }
    const validateParams = this.coercingAjv.compile({ type: "object", properties, required });

    let validateBody: ValidateFunction | undefined;
    let arrayBody: Operation["arrayBody"];
    let bodyRequired = false;
    if (operation.requestBody) {
      const [requestBody, bodyPointer] = this.resolve(operation.requestBody, `${pointer}/requestBody`);
      bodyRequired = requestBody.required === true;
      const content = (requestBody.content ?? {}) as JsonObject;
      if (content["application/json"]) {
        const schemaPointer = `${bodyPointer}/content/application~1json/schema`;
        validateBody = this.byPointer(schemaPointer);
        arrayBody = this.compileArrayBody(schemaPointer);
      }
    }

    const responsePointers = new Map<string, string | null>();
    for (const [status, response] of Object.entries((operation.responses ?? {}) as JsonObject)) {
      const [resolved, responsePointer] = this.resolve(
        response,
        `${pointer}/responses/${escapePointer(status)}`,
      );
      const content = (resolved.content ?? {}) as JsonObject;
      const json = content["application/json"] as JsonObject | undefined;
      responsePointers.set(
        status,
        json?.schema ? `${responsePointer}/content/application~1json/schema` : null,
      );
    }

    return {
      operationId: operation.operationId as string,
      method: method.toUpperCase(),
      path,
      parameters,
      validateParams,
      validateBody,
      arrayBody,
      takesBody: operation.requestBody !== undefined,
      bodyRequired,
      responsePointers,
    };
  }
}

function createAjv(coerce: boolean): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    validateFormats: true,
    coerceTypes: coerce ? "array" : false,
    useDefaults: coerce,
    logger: false,
  });
  addFormats(ajv);
  return ajv;
}

function lookup(document: unknown, pointer: string): unknown {
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
function stripNonValidationKeywords(node: unknown): unknown {
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
