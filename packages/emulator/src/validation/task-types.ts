import type { ValidateFunction } from "ajv";
import { validationError } from "./errors.js";
import type { SpecValidator } from "./spec.js";

interface TaskTypeSchemas {
  sample: string;
  label: string;
}

/**
 * Validates sample and label attributes against the schemas of the dataset's task type, as the spec's root
 * extension `x-segments-task-types` maps them (task type -> `{ sample, label }` schema names).
 */
export class TaskTypeValidator {
  private readonly samples = new Map<string, ValidateFunction>();
  private readonly labels = new Map<string, ValidateFunction>();

  constructor(spec: SpecValidator) {
    const table = spec.spec["x-segments-task-types"] as Record<string, TaskTypeSchemas> | undefined;
    if (!table || Object.keys(table).length === 0) {
      throw new Error(
        "the bundled spec lacks the x-segments-task-types extension; regenerate openapi/bundle/openapi.json (pnpm generate)",
      );
    }
    for (const [taskType, schemas] of Object.entries(table)) {
      for (const name of [schemas.sample, schemas.label]) {
        if (!spec.hasSchema(name))
          throw new Error(`x-segments-task-types: ${taskType} names unknown schema ${name}`);
      }
      this.samples.set(taskType, spec.schemaValidator(schemas.sample));
      this.labels.set(taskType, spec.schemaValidator(schemas.label));
    }
  }

  /** Throws a 400 naming the field (e.g. `attributes.image`) when the sample attributes do not fit the task type. */
  checkSample(taskType: string, attributes: unknown): void {
    check(this.samples.get(taskType), attributes, "sample attributes");
  }

  /** Throws a 400 naming the field when the label attributes do not fit the task type. */
  checkLabel(taskType: string, attributes: unknown): void {
    check(this.labels.get(taskType), attributes, "label attributes");
  }
}

function check(validate: ValidateFunction | undefined, attributes: unknown, what: string): void {
  // Datasets only ever have a task type of the spec's enum, each of which is in the table.
  if (validate && !validate(attributes)) throw validationError(what, validate.errors ?? [], "attributes");
}
