#!/usr/bin/env node
// Generates src/generated/enums.ts from the bundled spec: a type and an `as const` list per string enum schema
// (`Role` and `ROLES`, `LabelStatus` and `LABEL_STATUSES`, ...), written by the generator the client uses too
// (openapi/scripts/enums.mjs). The emulator never imports the client's generated code: it is the independent other
// side of the contract, so it generates its own.
// Usage: node scripts/generate.mjs [outDir]   (outDir defaults to src/generated; check:generated passes a temp dir)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { enumsModule } from "@segments-ts/openapi/scripts/enums.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(here, "../../../openapi/bundle/openapi.json");
const outDir = resolve(process.argv[2] ?? join(here, "../src/generated"));
const banner =
  "// Generated from openapi/bundle/openapi.json by packages/emulator/scripts/generate.mjs. Do not edit.\n";

const spec = JSON.parse(readFileSync(specPath, "utf8"));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "enums.ts"), enumsModule(spec, banner));
