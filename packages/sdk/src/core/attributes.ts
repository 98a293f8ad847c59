/**
 * Cheap shape checks of sample and label attributes. The full schemas are large; these catch the common mistakes
 * (wrong task type, a missing top-level key, a non-array list) before the request, with a message saying what the
 * task type expects. Deeper validation is left to the API.
 */
import { TASK_TYPES as API_TASK_TYPES } from "@segments-ts/client";
import { ValidationError } from "./errors.js";
import { requireObject, requireOneOf } from "./validate.js";

/**
 * Every task type of the API (the empty string is a dataset without a task type).
 *
 * @example
 * ```ts
 * if (!TASK_TYPES.includes(input as TaskType)) throw new Error(`unknown task type ${input}`);
 * ```
 */
export const TASK_TYPES = [...API_TASK_TYPES, ""] as const;

type KnownTaskType = (typeof TASK_TYPES)[number];

/** Top-level keys a sample of each task type must have. */
function sampleKeysFor(taskType: KnownTaskType): string[] {
  if (taskType === "multisensor-sequence") return ["sensors"];
  if (taskType.endsWith("-sequence")) return ["frames"];
  if (taskType.startsWith("pointcloud-")) return ["pcd"];
  return taskType === "" ? [] : ["image"];
}

/** Top-level keys a label of each task type must have. */
function labelKeysFor(taskType: KnownTaskType): string[] {
  if (taskType === "multisensor-sequence") return ["sensors"];
  if (taskType.endsWith("-sequence")) return ["frames"];
  if (taskType.startsWith("segmentation-bitmap")) return ["annotations", "segmentation_bitmap"];
  if (taskType === "pointcloud-segmentation") return ["annotations", "point_annotations"];
  return taskType === "" ? [] : ["annotations"];
}

const LIST_KEYS = ["annotations", "frames", "sensors", "point_annotations"];

function checkShape(
  attributes: unknown,
  argument: string,
  required: string[],
  anyOf: string[],
  taskType?: string,
): void {
  const object = requireObject(attributes, argument);
  const missing = required.filter((key) => !(key in object));
  if (missing.length > 0) {
    throw new ValidationError(
      argument,
      `a ${taskType} dataset needs ${missing.map((k) => `\`${k}\``).join(" and ")}.`,
    );
  }
  if (required.length === 0 && !anyOf.some((key) => key in object)) {
    throw new ValidationError(
      argument,
      `expected one of the keys ${anyOf.map((k) => `\`${k}\``).join(", ")}.`,
    );
  }
  for (const key of LIST_KEYS) {
    if (key in object && !Array.isArray(object[key])) {
      throw new ValidationError(argument, `\`${key}\` must be an array.`);
    }
  }
}

/**
 * The `taskType` option, checked: a misspelt one used to be ignored silently, which also turned the shape check off.
 */
function knownTaskType(taskType: string | undefined): KnownTaskType | undefined {
  return taskType === undefined ? undefined : requireOneOf(taskType, "taskType", TASK_TYPES);
}

/** Checks sample attributes; with `taskType`, checks the keys that task type needs. */
export function checkSampleAttributes(attributes: unknown, taskType?: string): void {
  const known = knownTaskType(taskType);
  const required = known ? sampleKeysFor(known) : [];
  checkShape(attributes, "attributes", required, ["image", "frames", "pcd", "sensors"], taskType);
}

/** Checks label attributes; with `taskType`, checks the keys that task type needs. */
export function checkLabelAttributes(attributes: unknown, taskType?: string): void {
  const known = knownTaskType(taskType);
  const required = known ? labelKeysFor(known) : [];
  checkShape(attributes, "attributes", required, ["annotations", "frames", "sensors"], taskType);
}
