import type { ErrorObject, ValidateFunction } from "ajv";
import { nextTurn } from "../app.js";
import { ApiError, notFound } from "../http/errors.js";
import {
  type Ajv,
  type AjvFlavor,
  createAjv,
  escapePointer,
  lookup,
  stripNonValidationKeywords,
} from "./ajv.js";
import { validationError } from "./errors.js";

type JsonObject = Record<string, unknown>;
const SPEC_ID = "openapi";
const METHODS = ["get", "put", "post", "patch", "delete"] as const;

/**
 * How a request is checked. By default the emulator is as lenient as production (Django REST Framework): unknown
 * body fields and query parameters are ignored, and so are unknown values of parameters the spec marks
 * `x-unknown-values: ignored` (`sort`). In strict mode unknown body fields are 400s naming the field, and each other
 * leniency used is reported through `warn`.
 */
export interface RequestMode {
  strict: boolean;
  warn(message: string): void;
}

/** One query or path parameter as the spec declares it. */
interface Parameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  /** `style: form, explode: false` arrays arrive comma-separated and are split before validation. */
  commaSeparated: boolean;
  /** For `x-unknown-values: ignored` enums (production's ordering filter): the values that are not ignored. */
  knownValues?: ReadonlySet<string>;
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
  /** Pointer to the JSON request body schema, when there is one. */
  bodyPointer?: string;
  /** For array bodies: the array's own constraints, checked before its items are, a chunk of items per turn. */
  arrayShell?: ValidateFunction;
  /** True when the operation declares a request body (only those read one). */
  takesBody: boolean;
  bodyRequired: boolean;
  /** Pointers to the JSON response schema for each declared status code (`default` included). */
  responsePointers: Map<string, string | null>;
}

/** Items of an array body validated per turn of the event loop (see checkBody). */
export const BODY_ITEMS_PER_TURN = 1000;

/**
 * Loads the OpenAPI document once and compiles, per operation, a validator for its parameters (coercing strings
 * to the declared types) and one for its JSON request body. Response validators are compiled on first use.
 */
export class SpecValidator {
  readonly operations: Operation[] = [];
  private readonly strictAjv: Ajv;
  private readonly coercingAjv: Ajv;
  /** Drops properties a schema does not declare (`additionalProperties: false`) instead of failing: DRF ignores them. */
  private readonly lenientAjv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly spec: JsonObject) {
    const schemaDocument = stripNonValidationKeywords(spec) as JsonObject;
    this.strictAjv = createAjv("strict");
    this.coercingAjv = createAjv("coercing");
    this.lenientAjv = createAjv("lenient");
    for (const ajv of [this.strictAjv, this.coercingAjv, this.lenientAjv])
      ajv.addSchema(schemaDocument, SPEC_ID);
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

  /**
   * Validates query and path parameters; returns the coerced values or throws a 400 naming the parameter. A query
   * parameter given more than once is merged like the comma form when it is an array, and a 400 naming it otherwise
   * (unless every value is the same): never silently one of the values.
   */
  parseParams(
    operation: Operation,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    mode: RequestMode = LENIENT,
  ): JsonObject {
    const values: JsonObject = {};
    for (const parameter of operation.parameters) {
      const raw =
        parameter.in === "path" ? pathParams[parameter.name] : queryValue(operation, parameter, query, mode);
      if (raw === undefined) continue;
      if (parameter.knownValues && !parameter.knownValues.has(raw)) {
        mode.warn(
          `${operation.operationId}: unknown ${parameter.name} value ${JSON.stringify(raw)} is ignored, as production does`,
        );
        continue;
      }
      const value = parameter.commaSeparated ? raw.split(",") : raw;
      values[parameter.name] = value;
      const syntax = parameter.numericSyntax;
      if (syntax && [value].flat().some((item) => !syntax.pattern.test(item))) {
        this.rejectParam(parameter, syntax.type);
      }
    }
    if (mode.strict) warnUnknownQueryParameters(operation, query, mode);
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
   * Validates a JSON body; throws a 400 naming the field. Unknown fields are dropped from the body, as DRF ignores
   * them, unless the mode is strict (then they are a 400 naming the field). An array body (a bulk add of up to
   * 10,000 samples) is checked {@link BODY_ITEMS_PER_TURN} items per turn of the event loop, so other requests are
   * served meanwhile.
   */
  async checkBody(operation: Operation, body: unknown, mode: RequestMode = LENIENT): Promise<void> {
    if (body === undefined) {
      if (operation.bodyRequired) throw new ApiError(400, "Invalid request body: a JSON body is required.");
      return;
    }
    const { bodyPointer, arrayShell } = operation;
    if (bodyPointer === undefined) return;
    const flavor = mode.strict ? "strict" : "lenient";
    if (arrayShell && Array.isArray(body) && body.length > BODY_ITEMS_PER_TURN) {
      if (!arrayShell(body)) throw validationError("request body", arrayShell.errors ?? []);
      const validateItem = this.byPointer(`${bodyPointer}/items`, flavor);
      for (let index = 0; index < body.length; index++) {
        if (index > 0 && index % BODY_ITEMS_PER_TURN === 0) await nextTurn();
        if (!validateItem(body[index])) {
          const errors = (validateItem.errors ?? []).map((error) => ({
            ...error,
            instancePath: `/${index}${error.instancePath}`,
          }));
          throw validationError("request body", errors);
        }
      }
      return;
    }
    const validateBody = this.byPointer(bodyPointer, flavor);
    if (!validateBody(body)) throw validationError("request body", validateBody.errors ?? []);
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

  private byPointer(pointer: string, flavor: AjvFlavor = "strict"): ValidateFunction {
    const cacheKey = `${flavor}:${pointer}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      const ajv = { strict: this.strictAjv, coercing: this.coercingAjv, lenient: this.lenientAjv }[flavor];
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

  /** For an inline `type: array` body schema: a validator of the array without its items (see checkBody). */
  private compileArrayShell(schemaPointer: string): ValidateFunction | undefined {
    const schema = lookup(this.spec, schemaPointer) as JsonObject | undefined;
    if (schema?.type !== "array" || !schema.items) return undefined;
    const { items: _items, ...shell } = stripNonValidationKeywords(schema) as JsonObject;
    return this.strictAjv.compile(shell);
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
      const ignoresUnknown = parameter["x-unknown-values"] === "ignored" && Array.isArray(valueSchema.enum);
      parameters.push({
        name,
        in: parameter.in,
        required: parameter.required === true,
        commaSeparated: isArray && parameter.explode === false,
        knownValues: ignoresUnknown ? new Set((valueSchema.enum as unknown[]).map(String)) : undefined,
        numericSyntax:
          valueType === "integer" || valueType === "number"
            ? { type: valueType, pattern: NUMERIC_SYNTAX[valueType] }
            : undefined,
      });
      properties[name] = { $ref: `${SPEC_ID}${parameterPointer}/schema` };
      if (parameter.required === true) required.push(name);
    }
    const validateParams = this.coercingAjv.compile({ type: "object", properties, required });

    let bodyPointer: string | undefined;
    let arrayShell: ValidateFunction | undefined;
    let bodyRequired = false;
    if (operation.requestBody) {
      const [requestBody, requestBodyPointer] = this.resolve(operation.requestBody, `${pointer}/requestBody`);
      bodyRequired = requestBody.required === true;
      const content = (requestBody.content ?? {}) as JsonObject;
      if (content["application/json"]) {
        bodyPointer = `${requestBodyPointer}/content/application~1json/schema`;
        this.byPointer(bodyPointer); // compiled up front: the strict validator is the one the lenient one mirrors
        arrayShell = this.compileArrayShell(bodyPointer);
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
      bodyPointer,
      arrayShell,
      takesBody: operation.requestBody !== undefined,
      bodyRequired,
      responsePointers,
    };
  }
}

/** The default mode: production's leniency, nothing reported. */
const LENIENT: RequestMode = { strict: false, warn: () => {} };

/**
 * The value of a query parameter: a repeated array parameter is merged like its comma form, a repeated scalar one
 * must repeat the same value (Django would silently use the last one; a 400 names it instead).
 */
function queryValue(
  operation: Operation,
  parameter: Parameter,
  query: URLSearchParams,
  mode: RequestMode,
): string | undefined {
  const values = query.getAll(parameter.name);
  if (values.length <= 1) return values[0];
  if (parameter.commaSeparated) {
    mode.warn(
      `${operation.operationId}: query parameter \`${parameter.name}\` was given ${values.length} times; merged like the comma form`,
    );
    return values.join(",");
  }
  if (values.every((value) => value === values[0])) return values[0];
  throw new ApiError(
    400,
    `Invalid parameter: \`${parameter.name}\` was given ${values.length} times with different values; give it once.`,
    { [parameter.name]: ["Give this parameter once."] },
  );
}

/** Strict mode: query parameters the operation does not declare are ignored (as by production), with a warning. */
function warnUnknownQueryParameters(operation: Operation, query: URLSearchParams, mode: RequestMode): void {
  const declared = new Set(operation.parameters.map((parameter) => parameter.name));
  const unknown = [...new Set(query.keys())].filter((name) => !declared.has(name));
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 5).map((name) => `\`${name}\``);
  if (unknown.length > 5) shown.push(`and ${unknown.length - 5} more`);
  mode.warn(
    `${operation.operationId}: unknown query parameter ${shown.join(", ")} ignored, as production does`,
  );
}
