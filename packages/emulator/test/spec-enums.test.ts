// The emulator's enum lists are generated from the bundled spec, and its tables keyed by them must cover the spec's
// lists exactly, or the emulator refuses to start.
import spec from "@segments-ts/openapi/openapi.json";
import { afterAll, describe, expect, it } from "vitest";
import { RANK } from "../src/auth/permissions.js";
import { LABEL_STATUSES, ROLES, TASK_TYPES } from "../src/generated/enums.js";
import { readSpecEnums, SpecEnumError } from "../src/spec/enums.js";
import { checkTablesAgainstSpec } from "../src/spec/tables.js";
import { client, createDataset, start } from "./helpers.js";

type Document = Record<string, unknown> & {
  components: { schemas: Record<string, { enum?: string[] }> };
  "x-segments-task-types": Record<string, unknown>;
};
const copyOfSpec = () => structuredClone(spec) as unknown as Document;

describe("enum lists from the spec", () => {
  it("are the spec's own enums", () => {
    const schemas = (spec as unknown as Document).components.schemas;
    expect(TASK_TYPES).toEqual(schemas.TaskType?.enum);
    expect(LABEL_STATUSES).toEqual(schemas.LabelStatus?.enum);
    expect(ROLES).toEqual(schemas.Role?.enum);
    expect(readSpecEnums(spec)).toEqual({
      taskTypes: TASK_TYPES,
      labelStatuses: LABEL_STATUSES,
      roles: ROLES,
    });
  });

  it("name the schema the spec lacks", () => {
    const document = copyOfSpec();
    delete document.components.schemas.LabelStatus;
    expect(() => readSpecEnums(document)).toThrow(
      new SpecEnumError(
        "the bundled spec has no string enum at components.schemas.LabelStatus; regenerate openapi/bundle/openapi.json (pnpm generate)",
      ),
    );
  });

  it("hold with the bundled spec: every role has a rank, every task type its schemas", () => {
    expect(() => checkTablesAgainstSpec(copyOfSpec())).not.toThrow();
    expect(Object.keys(RANK)).toContain("viewer");
  });

  it("refuse a spec role the permission table has no rank for, naming it", () => {
    const document = copyOfSpec();
    document.components.schemas.Role?.enum?.push("auditor");
    expect(() => checkTablesAgainstSpec(document)).toThrow(
      "the permission ranks (src/auth/permissions.ts) and the spec's Role enum disagree: the table lacks auditor",
    );
  });

  it("refuse a ranked role the spec dropped, naming it", () => {
    const document = copyOfSpec();
    const roles = document.components.schemas.Role?.enum ?? [];
    roles.splice(roles.indexOf("reviewer"), 1);
    expect(() => checkTablesAgainstSpec(document)).toThrow("the table has reviewer, which the spec does not");
  });

  it("refuse a task type without attribute schemas in x-segments-task-types, naming it", () => {
    const document = copyOfSpec();
    document.components.schemas.TaskType?.enum?.push("text-named-entities");
    expect(() => checkTablesAgainstSpec(document)).toThrow(
      "the spec's x-segments-task-types extension and the spec's TaskType enum disagree: the table lacks text-named-entities",
    );
  });
});

describe("start-up", () => {
  it("is refused when a table keyed by a spec list disagrees with it", async () => {
    const ranks = RANK as Record<string, number>;
    ranks.owner = 9;
    try {
      await expect(start()).rejects.toThrow("the table has owner, which the spec does not");
    } finally {
      delete ranks.owner;
    }
  });
});

describe("label_stats", () => {
  const emulators: Awaited<ReturnType<typeof start>>[] = [];
  afterAll(() => Promise.all(emulators.map((emulator) => emulator.close())));

  it("count every label status of the spec, and the total", async () => {
    const emulator = await start();
    emulators.push(emulator);
    const request = client(emulator, "jane-key");
    await createDataset(request, "stats");
    const { body } = await request("GET", "/datasets/jane/stats/");
    const statuses = (spec as unknown as Document).components.schemas.LabelStatus?.enum ?? [];
    expect(Object.keys(body.label_stats).sort()).toEqual([...statuses, "TOTAL"].sort());
  });
});
