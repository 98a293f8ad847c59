#!/usr/bin/env node
// Adds up the vitest summaries of a `pnpm test` log into one closing line, `Tests: N passed, N failed`, so a CI
// reader sees the whole run at a glance. Usage: node scripts/summarize-tests.mjs <log file>
import { readFileSync } from "node:fs";

const ESCAPE = String.fromCharCode(27); // terminal colour codes vitest prints even into a pipe
const log = readFileSync(process.argv[2] ?? "/dev/stdin", "utf8").replace(
  new RegExp(`${ESCAPE}\\[[0-9;]*m`, "g"),
  "",
);
let passed = 0;
let failed = 0;
let files = 0;
// vitest prints e.g. "      Tests  1 failed | 16 passed (17)" once per package run.
for (const match of log.matchAll(/^\S*\s+Tests\s+(.*)\(\d+\)\s*$/gm)) {
  const counts = match[1] ?? "";
  passed += Number(/(\d+) passed/.exec(counts)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(counts)?.[1] ?? 0);
  files++;
}
console.log(`(${files} vitest runs)`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
