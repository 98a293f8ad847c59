/**
 * The runtime lists are the spec's enums, complete and in order, and their element types are exactly the generated
 * union types (so a list cannot silently lack a value the type allows).
 */
import { readFileSync } from "node:fs";
import type {
  INPUT_TYPES,
  InputType,
  ISSUE_STATUSES,
  IssueStatus,
  LABEL_STATUSES,
  LabelStatus,
  RELEASE_STATUSES,
  ReleaseStatus,
  ROLES,
  Role,
  TASK_TYPES,
  TaskType,
} from "@segments-ts/client";
import * as client from "@segments-ts/client";
import { expect, expectTypeOf, test } from "vitest";

const spec = JSON.parse(
  readFileSync(new URL("../../../openapi/bundle/openapi.json", import.meta.url), "utf8"),
) as { components: { schemas: Record<string, { enum?: unknown[] }> } };

test("each enum schema of the spec has its list, with the same values in the same order", () => {
  const lists = client as unknown as Record<string, unknown>;
  const expected = {
    TaskType: "TASK_TYPES",
    LabelStatus: "LABEL_STATUSES",
    Role: "ROLES",
    IssueStatus: "ISSUE_STATUSES",
    ReleaseStatus: "RELEASE_STATUSES",
    InputType: "INPUT_TYPES",
  };
  for (const [schema, list] of Object.entries(expected)) {
    expect(lists[list], list).toEqual(spec.components.schemas[schema]?.enum);
  }
});

test("the lists' element types are the model types", () => {
  expectTypeOf<(typeof TASK_TYPES)[number]>().toEqualTypeOf<TaskType>();
  expectTypeOf<(typeof LABEL_STATUSES)[number]>().toEqualTypeOf<LabelStatus>();
  expectTypeOf<(typeof ROLES)[number]>().toEqualTypeOf<Role>();
  expectTypeOf<(typeof ISSUE_STATUSES)[number]>().toEqualTypeOf<IssueStatus>();
  expectTypeOf<(typeof RELEASE_STATUSES)[number]>().toEqualTypeOf<ReleaseStatus>();
  expectTypeOf<(typeof INPUT_TYPES)[number]>().toEqualTypeOf<InputType>();
});
