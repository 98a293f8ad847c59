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
import { build } from "esbuild";
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
    const problems = tarballProblems(
      run("tar", ["-xzOf", join(tarballs, tarball), "package/README.md"], work),
      run("tar", ["-tzf", join(tarballs, tarball)], work),
    );
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

  step("bundling for the browser with esbuild");
  for (const entry of BROWSER_ENTRIES.filter((candidate) => candidate.packageName in specs)) {
    const file = join(project, `browser-${entry.name}.mjs`);
    writeFileSync(file, entry.source);
    const result = await build({
      entryPoints: [file],
      absWorkingDir: project,
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
    });
    const bundle = result.outputFiles[0]?.text ?? "";
    const nodeBuiltin =
      /\b(?:require\(|from\s*)["'](?:node:)?(?:fs|path|http|https|crypto|zlib|stream|child_process)["']/.exec(
        bundle,
      );
    if (nodeBuiltin) throw new Error(`browser bundle of ${entry.packageName} references ${nodeBuiltin[0]}`);
    console.log(
      `  ${entry.packageName}: browser bundle ${(bundle.length / 1024).toFixed(1)} kB minified, no Node built-ins`,
    );
  }
  step("ok");
} finally {
  if (values.keep) console.log(`pack-smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/**
 * What a published tarball must hold: built ESM + CJS + types for each, a README with an example, the LICENSE its
 * `license` field names, no sources.
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
    (file) => !/^package\/(dist\/|README\.md$|package\.json$|LICENSE)/.test(file),
  );
  if (unexpected.length > 0)
    problems.push(`files outside dist/README/package.json/LICENSE: ${unexpected.join(", ")}`);
  if (!/```(?:ts|typescript|js|javascript|sh|bash)\n/.test(readme))
    problems.push("README.md has no code example");
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
