import type { ErrorObject } from "ajv";
import { ApiError } from "../http/errors.js";

/** Turns an ajv error path like `/attributes/image` plus the error's own property into `attributes.image.url`. */
export function errorPath(error: ErrorObject, prefix = ""): string {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  if (extra !== undefined) segments.push(extra);
  const dotted = segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    "",
  );
  return prefix && dotted ? `${prefix}.${dotted}` : prefix || dotted;
}

/** A readable message for one ajv error, e.g. `must have required property 'url'`. */
export function errorMessage(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string };
  if (error.keyword === "enum" && params.allowedValues) {
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") return "is not allowed (unknown field)";
  if (error.keyword === "required") return "is required";
  return error.message ?? "is invalid";
}

/**
 * Builds the 400 the real API answers for invalid input: `detail` names the field and what is wrong, and the
 * top-level field gets its own list of messages (DRF style).
 */
export function validationError(where: string, errors: ErrorObject[], prefix = ""): ApiError {
  const first = mostSpecific(errors);
  if (!first) return new ApiError(400, `Invalid ${where}.`);
  const path = errorPath(first, prefix) || where;
  const message = errorMessage(first);
  const field = path.split(/[.[]/)[0] || path;
  const fieldMessage =
    path === field ? message : `${path.slice(field.length).replace(/^\./, "")}: ${message}`;
  return new ApiError(400, `Invalid ${where}: \`${path}\` ${message}.`, { [field]: [fieldMessage] });
}

/**
 * The error to report. A failed `anyOf`/`oneOf` (sample attributes of any data type, point or polygon shapes) yields
 * one error per branch; the branch that got furthest into the value names the real field (a bad
 * `attributes.frames[1].image.url`, not the `attributes.image` that the first branch, an image sample, required).
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  let bestDepth = -1;
  for (const error of errors) {
    if (error.keyword === "anyOf" || error.keyword === "oneOf") continue;
    const depth = errorPath(error).split(/[.[]/).length;
    if (depth > bestDepth) {
      best = error;
      bestDepth = depth;
    }
  }
  return best ?? errors[0];
}
