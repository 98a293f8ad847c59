// Packed-tarball smoke test: builds and `pnpm pack`s every publishable package (packages/*/package.json without
// "private"), installs the tarballs with npm into a fresh project outside the workspace, then uses them from ESM and
// from CJS (a real SDK round trip against the packed emulator) and bundles the browser entry points with esbuild.
// Usage: tsx src/pack-smoke.ts [--keep]   (--keep leaves the temporary project on disk for inspection)
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type BundleReport, bundleForBrowsers } from "./browser-bundles.ts";
import { runRuntimeSmoke } from "./runtime-smoke.ts";
import { BROWSER_ENTRIES, CJS_SMOKE, ESM_SMOKE, TYPES_SMOKE } from "./smoke-scripts.ts";
import { publishablePackages, RELEASE_CHECKS_DIR, ROOT_DIR } from "./workspace.ts";

/** The @types/node the workspace uses (Node 20 is the oldest supported runtime). */
const TYPES_NODE_VERSION = "20.19.43";

const started = Date.now();
const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });
const step = (message: string) =>
  console.log(`pack-smoke [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const packages = publishablePackages();
step(`packages: ${packages.map((pkg) => pkg.name).join(", ")}`);

step("building");
run(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "build",
    "--output-logs=errors-only",
    ...packages.map((pkg) => `--filter=${pkg.name}`),
  ],
  ROOT_DIR,
);

const work = mkdtempSync(join(tmpdir(), "segments-ts-pack-smoke-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
mkdirSync(tarballs);
mkdirSync(project);

try {
  step(`packing into ${tarballs}`);
  const specs: Record<string, string> = {};
  for (const pkg of packages) {
    const before = new Set(readdirSync(tarballs));
    run("pnpm", ["pack", "--pack-destination", tarballs], pkg.dir);
    const tarball = readdirSync(tarballs).find((file) => !before.has(file));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
    specs[pkg.name] = `file:${join(tarballs, tarball)}`;
    const problems = [
      ...tarballProblems(
        run("tar", ["-xzOf", join(tarballs, tarball), "package/README.md"], work),
        run("tar", ["-tzf", join(tarballs, tarball)], work),
      ),
      ...manifestProblems(
        JSON.parse(run("tar", ["-xzOf", join(tarballs, tarball), "package/package.json"], work)),
      ),
    ];
    if (problems.length > 0) throw new Error(`${pkg.name} (${tarball}): ${problems.join("; ")}`);
    console.log(`  ${pkg.name}: ${tarball}`);
  }

  step("installing the tarballs with npm");
  // The overrides make dependencies between our packages resolve to the tarballs too, never to the registry.
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify(
      {
        name: "pack-smoke",
        private: true,
        dependencies: specs,
        devDependencies: { "@types/node": TYPES_NODE_VERSION },
        overrides: specs,
      },
      null,
      2,
    ),
  );
  run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], project);
  reuseNativeBuilds(project);

  if (specs["@segments-ts/cli"]) cliAlone(work, specs);

  step("using the packages from ESM");
  writeFileSync(join(project, "smoke.mjs"), ESM_SMOKE(packages.map((pkg) => pkg.name)));
  process.stdout.write(run("node", ["smoke.mjs"], project));

  step("using the packages from CJS");
  writeFileSync(join(project, "smoke.cjs"), CJS_SMOKE(packages.map((pkg) => pkg.name)));
  process.stdout.write(run("node", ["smoke.cjs"], project));

  step("type-checking an ESM and a CJS consumer (node16 resolution, skipLibCheck off)");
  for (const [file, content] of Object.entries(TYPES_SMOKE(packages.map((pkg) => pkg.name)))) {
    writeFileSync(join(project, file), content);
  }
  const tsc = join(RELEASE_CHECKS_DIR, "node_modules", "typescript", "bin", "tsc");
  const typecheck = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], {
    cwd: project,
    encoding: "utf8",
  });
  if (typecheck.status !== 0)
    throw new Error(`the consumer does not type-check:\n${typecheck.stdout}${typecheck.stderr}`);

  step("bundling the browser entries with esbuild, webpack and Vite");
  checkBrowserBundles(
    await bundleForBrowsers(
      BROWSER_ENTRIES.filter((candidate) => candidate.packageName in specs),
      project,
    ),
  );
  step("running the runtime smoke (dataset, samples, bitmap label, release, COCO export) on each runtime");
  const runtimes = await runRuntimeSmoke(project, join(work, "runtimes"));
  for (const { runtime, status, detail, seconds } of runtimes)
    console.log(
      `  ${runtime}: ${status.toUpperCase()} in ${seconds}s${status === "passed" ? ` (${detail})` : `: ${detail}`}`,
    );
  const ran = runtimes.filter((r) => r.status === "passed").map((r) => r.runtime);
  const skipped = runtimes.filter((r) => r.status === "skipped").map((r) => r.runtime);
  console.log(`  runtimes: ran on ${ran.join(", ") || "none"}; skipped ${skipped.join(", ") || "none"}`);
  const failed = runtimes.filter((r) => r.status === "failed");
  if (failed.length > 0)
    throw new Error(`the runtime smoke failed on ${failed.map((r) => r.runtime).join(", ")}`);
  step("ok");
} finally {
  if (values.keep) console.log(`pack-smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/**
 * What a published tarball must hold: built ESM + CJS + types for each, a README with an example, the LICENSE its
 * `license` field names, no sources (bins are small committed shims in bin/ that import dist/).
 */
export function tarballProblems(readme: string, listing: string): string[] {
  const files = listing.split("\n").filter(Boolean);
  const problems: string[] = [];
  for (const required of [
    "package/dist/index.js",
    "package/dist/index.cjs",
    "package/dist/index.d.ts",
    "package/dist/index.d.cts",
    "package/LICENSE",
  ]) {
    if (!files.includes(required)) problems.push(`missing ${required}`);
  }
  const unexpected = files.filter(
    (file) => !/^package\/(dist\/|bin\/[\w-]+\.js$|README\.md$|package\.json$|LICENSE)/.test(file),
  );
  if (unexpected.length > 0)
    problems.push(`files outside dist/bin/README/package.json/LICENSE: ${unexpected.join(", ")}`);
  if (!/```(?:ts|typescript|js|javascript|sh|bash)\n/.test(readme))
    problems.push("README.md has no code example");
  return problems;
}

/** Prints one line per bundle and fails on any problem. */
function checkBrowserBundles(reports: readonly BundleReport[]): void {
  const failures: string[] = [];
  for (const { bundler, entry, problems, bytes } of reports) {
    const where = `${entry.packageName} with ${bundler}`;
    if (problems.length > 0) failures.push(`${where}:\n    ${problems.join("\n    ")}`);
    else console.log(`  ${where}: ${(bytes / 1024).toFixed(1)} kB, no warning, no Node built-in`);
  }
  if (failures.length > 0) throw new Error(`browser bundles:\n  ${failures.join("\n  ")}`);
}

/**
 * A clean `npm install` of the cli tarball alone, as a user would: the emulator is an optional peer dependency, so
 * nothing native is installed, and `segments emulator` says in one line how to get it.
 */
function cliAlone(workDir: string, specs: Record<string, string>): void {
  step("installing the cli tarball alone in an empty project");
  const project = join(workDir, "cli-alone");
  mkdirSync(project);
  const { "@segments-ts/emulator": _emulator, ...ours } = specs;
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "cli-alone",
      private: true,
      dependencies: { "@segments-ts/cli": ours["@segments-ts/cli"] },
      overrides: ours,
    }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], project);
  const native = run(
    "find",
    ["node_modules", "-name", "*.node", "-o", "-name", "binding.gyp"],
    project,
  ).trim();
  if (native !== "") throw new Error(`the cli alone installs native code:\n${native}`);
  if (existsSync(join(project, "node_modules", "@segments-ts", "emulator")))
    throw new Error("the cli alone installs @segments-ts/emulator");
  const packages = run("npm", ["ls", "--all", "--parseable"], project).trim().split("\n").length - 1;
  const kilobytes = run("du", ["-sk", "node_modules"], project).split("\t")[0];
  const emulator = spawnSync(join(project, "node_modules", ".bin", "segments"), ["emulator"], {
    cwd: project,
    encoding: "utf8",
  });
  const expected =
    /^error: segments emulator needs @segments-ts\/emulator, which is not installed: npm install @segments-ts\/emulator .*\n$/;
  if (emulator.status !== 1 || !expected.test(emulator.stderr))
    throw new Error(
      `segments emulator without the emulator: exit ${emulator.status}, stderr:\n${emulator.stderr}`,
    );
  console.log(
    `  ${packages} packages, ${(Number(kilobytes) / 1024).toFixed(1)} MB, no native addon; ` +
      "segments emulator explains how to install the emulator",
  );
}

/**
 * What the packed package.json must not hold: a `source` export condition (it points at src/, which is not in the
 * tarball; the workspace's .pnpmfile.cjs strips it on pack) or a `workspace:` version range.
 */
export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "source") problems.push(`packed package.json has a "source" condition at ${path}`);
      visit(inner, `${path}.${key}`);
    }
  };
  visit(manifest.exports, "exports");
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>))
      if (range.startsWith("workspace:")) problems.push(`packed ${field}.${name} is "${range}"`);
  }
  return problems;
}

/**
 * npm ran no install scripts (no network for native prebuilds, and compiling them takes minutes); native addons get
 * the build of the same name@version from the workspace instead, or are rebuilt when the workspace has none.
 */
function reuseNativeBuilds(projectDir: string): void {
  const modules = join(projectDir, "node_modules");
  for (const name of readdirSync(modules)) {
    const dir = join(modules, name);
    if (name.startsWith(".") || name.startsWith("@") || !existsSync(join(dir, "binding.gyp"))) continue;
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    const built = join(
      ROOT_DIR,
      "node_modules",
      ".pnpm",
      `${name}@${version}`,
      "node_modules",
      name,
      "build",
    );
    if (existsSync(join(built, "Release"))) {
      cpSync(built, join(dir, "build"), { recursive: true });
      step(`  ${name}@${version}: reused the workspace's native build`);
    } else {
      step(`  ${name}@${version}: rebuilding (no workspace build of this version)`);
      run("npm", ["rebuild", name, "--loglevel=error"], projectDir);
    }
  }
}
