#!/usr/bin/env node
// Fails when committed generated code is stale: regenerates it into a temporary location with the same command the
// `generate` script uses and compares bytes (a file, or every file of a directory). Usage:
//   node scripts/check-generated.mjs <committed file or dir> -- <command using {out} as the output path>
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";

const separator = process.argv.indexOf("--");
const committed = process.argv[2];
if (!committed || separator < 0) {
  console.error("usage: check-generated.mjs <committed file or dir> -- <command using {out}>");
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), "segments-generated-"));
const fresh = join(scratch, basename(committed));
try {
  const command = process.argv
    .slice(separator + 1)
    .join(" ")
    .replaceAll("{out}", fresh);
  execSync(command, { stdio: ["ignore", "ignore", "inherit"] });
  const stale = staleFiles(fresh, committed);
  if (stale.length > 0) {
    console.error(
      `Stale generated files (the spec changed; run \`pnpm generate\` and commit):\n  ${stale.join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log(`${committed} is fresh.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function staleFiles(freshPath, committedPath) {
  const pairs = statSync(freshPath).isDirectory()
    ? [...new Set([...listFiles(freshPath, freshPath), ...listFiles(committedPath, committedPath)])].map(
        (name) => [join(freshPath, name), join(committedPath, name)],
      )
    : [[freshPath, committedPath]];
  return pairs.filter(([a, b]) => !sameFile(a, b)).map(([, b]) => b);
}

function sameFile(a, b) {
  return existsSync(a) && existsSync(b) && readFileSync(a, "utf8") === readFileSync(b, "utf8");
}

function listFiles(root, dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}
