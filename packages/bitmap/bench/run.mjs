// Bundles bench/bench.ts (with the workspace `source` condition, so the benchmark measures the current sources)
// and runs it. Usage: node bench/run.mjs [file.ts]

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const entry = process.argv[2] ?? new URL("./bench.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "bitmap-bench-"));
const outfile = join(dir, "bench.mjs");
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source", "node"],
  packages: "external",
  outfile,
  logLevel: "warning",
  // Bundle the package's own sources; keep third-party packages external (resolved from this package).
  plugins: [],
});
// Resolve externals relative to the package: copy would break resolution, so run from a file in bench/.
const local = new URL(`./.bench-${process.pid}.mjs`, import.meta.url);
const { copyFileSync } = await import("node:fs");
copyFileSync(outfile, local);
rmSync(dir, { recursive: true, force: true });
try {
  await import(pathToFileURL(local.pathname).href);
} finally {
  rmSync(local, { force: true });
}
