#!/usr/bin/env node
// Generates src/generated/ from the bundled spec: schema.ts with openapi-typescript, models.ts (one alias per schema),
// task-types.ts from the spec's `x-segments-task-types` extension (the sample/label attribute schema of each
// task type), operations.ts (every operation's method, path and success-response shape, see operations.mjs) and
// enums.ts (a runtime list per enum schema, see openapi/scripts/enums.mjs, shared with the emulator).
// Usage: node scripts/generate.mjs [outDir]   (outDir defaults to src/generated; check:generated passes a temp dir)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { enumsModule } from "@segments-ts/openapi/scripts/enums.mjs";
import openapiTS, { astToString } from "openapi-typescript";
import { operationsModule } from "./operations.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(here, "../../../openapi/bundle/openapi.json");
const outDir = resolve(process.argv[2] ?? join(here, "../src/generated"));
const banner =
  "// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.\n";

const spec = JSON.parse(readFileSync(specPath, "utf8"));
mkdirSync(outDir, { recursive: true });

// defaultNonNullable would make every request field that has a `default` required, which is wrong for inputs
// (`priority` and `readme` default server-side when a sample is created).
const ast = await openapiTS(spec, { alphabetize: false, defaultNonNullable: false });
writeFileSync(join(outDir, "schema.ts"), `${banner}/* eslint-disable */\n${astToString(ast)}`);
writeFileSync(join(outDir, "task-types.ts"), taskTypesModule(spec));
writeFileSync(join(outDir, "models.ts"), modelsModule(spec));
writeFileSync(join(outDir, "operations.ts"), operationsModule(spec, banner));
writeFileSync(join(outDir, "enums.ts"), enumsModule(spec, banner, { typesFrom: "./models" }));

// One named alias per schema (`Dataset`, `Sample`, ...) so users never have to spell components["schemas"][...].
function modelsModule(document) {
  const names = Object.keys(document.components?.schemas ?? {});
  return [
    banner,
    'import type { components } from "./schema";',
    "",
    ...names.map((name) => `export type ${name} = components["schemas"][${JSON.stringify(name)}];`),
    "",
  ].join("\n");
}

function taskTypesModule(document) {
  const table = document["x-segments-task-types"] ?? document.info?.["x-segments-task-types"];
  if (!table) throw new Error("the bundled spec has no x-segments-task-types extension");
  const rows = Object.entries(table).map(
    ([taskType, { sample, label }]) =>
      `  ${JSON.stringify(taskType)}: { sample: Schemas[${JSON.stringify(sample)}]; label: Schemas[${JSON.stringify(label)}] };`,
  );
  return [
    banner,
    'import type { components } from "./schema";',
    "",
    'type Schemas = components["schemas"];',
    "",
    "/** The sample and label attribute schemas of each task type (from the spec's `x-segments-task-types`). */",
    "export interface TaskTypeAttributes {",
    ...rows,
    "}",
    "",
  ].join("\n");
}
