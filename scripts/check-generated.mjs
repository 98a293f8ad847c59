#!/usr/bin/env node
// Fails when a committed generated file is stale: regenerates it into a temporary file with the same command the
// `generate` script uses and compares bytes. Usage:
//   node scripts/check-generated.mjs <committed-file> -- <command using {out} as the output path>
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const separator = process.argv.indexOf("--");
const committedFile = process.argv[2];
if (!committedFile || separator < 0) {
  console.error("usage: check-generated.mjs <committed-file> -- <command using {out}>");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "segments-generated-"));
const out = join(dir, basename(committedFile));
try {
  const command = process.argv.slice(separator + 1).join(" ").replaceAll("{out}", out);
  execSync(command, { stdio: ["ignore", "ignore", "inherit"] });
  const fresh = readFileSync(out, "utf8");
  let committed = "";
  try {
    committed = readFileSync(committedFile, "utf8");
  } catch {
    // a missing committed file is reported as stale below
  }
  if (fresh !== committed) {
    console.error(`${committedFile} is stale: the spec changed and it was not regenerated. Run \`pnpm generate\`.`);
    process.exit(1);
  }
  console.log(`${committedFile} is fresh.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
