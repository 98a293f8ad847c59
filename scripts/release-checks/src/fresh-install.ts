// Quick start check: the first command a newcomer runs (`pnpm install` in a fresh clone) prints no warning: no
// `WARN` line (missing bin targets, peer problems, deprecations) and no "Ignored build scripts" box. The repository's
// files (tracked, plus new files not ignored by git, so uncommitted work is checked too) are copied into a temporary
// folder and installed there with the machine's pnpm store, which makes it take seconds.
// Usage: tsx src/fresh-install.ts [--keep]
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT_DIR } from "./workspace.ts";

/** Lines of `pnpm install` output that a newcomer should never see. */
export function installWarnings(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => /\bWARN\b|Ignored build scripts|approve-builds|deprecated/i.test(line))
    .map((line) => line.trim());
}

const started = Date.now();
const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });
const copy = mkdtempSync(join(tmpdir(), "segments-ts-fresh-install-"));
try {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT_DIR,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    // A tracked file deleted in the working tree is simply not copied.
    try {
      cpSync(join(ROOT_DIR, file), join(copy, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const install = spawnSync("pnpm", ["install", "--prefer-offline"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${install.stdout}${install.stderr}`;
  if (install.status !== 0) {
    console.error(`check:install: pnpm install failed (exit ${install.status}) in ${copy}:\n${output}`);
    process.exitCode = 1;
  } else {
    const warnings = installWarnings(output);
    if (warnings.length > 0) {
      console.error(`check:install: a fresh pnpm install prints warnings:\n  ${warnings.join("\n  ")}`);
      process.exitCode = 1;
    } else {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `check:install: a fresh pnpm install of ${files.length} files prints no warning (${seconds}s)`,
      );
    }
  }
} finally {
  if (values.keep) console.log(`check:install: kept ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
