// Builds the docs site into <repo>/site: generates what VitePress renders but nobody writes by hand (the TypeDoc
// pages, the spec with code samples, the Operations page, an offline copy of Redoc and the CLI guide's outputs), then
// runs `vitepress build`.
// Usage: tsx src/build.ts
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build } from "vitepress";
import {
  type OpenApiDocument,
  operationCalls,
  operationsPage,
  sdkExamples,
  withCodeSamples,
} from "./api-spec.ts";
import type { CliSessionResults } from "./cli-session-markdown.ts";
import { cliExamplesByOperation } from "./operations.ts";
import {
  CLI_SESSION_FILE,
  DEFAULT_SITE_DIR,
  DOCS_DIR,
  GENERATED_DIR,
  OPENAPI_BUNDLE,
  ROOT_DIR,
} from "./paths.ts";
import { writeOfflineRedocBundle } from "./redoc-bundle.ts";
import { buildTypeScriptReference } from "./typedoc.ts";

async function timed<T>(label: string, step: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  const result = await step();
  console.log(`docs: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** src/cli-session.ts changes directory while it runs the commands: it gets a process of its own. */
function runCliSessionProcess(): void {
  const tsx = join(DOCS_DIR, "node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(
    process.execPath,
    [tsx, "--conditions=source", join(DOCS_DIR, "src", "cli-session.ts")],
    {
      cwd: DOCS_DIR,
      stdio: "inherit",
    },
  );
  if (result.status !== 0)
    throw new Error(`the CLI guide session failed (exit ${result.status ?? result.signal})`);
}

export async function buildSite(): Promise<void> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const project = await timed("TypeScript reference pages", () => buildTypeScriptReference());
  // First the CLI session: the API reference shows the commands that made each operation in it.
  await timed("CLI guide session against the emulator", runCliSessionProcess);
  await timed("HTTP API spec with code samples", () => {
    const spec = JSON.parse(readFileSync(OPENAPI_BUNDLE, "utf8")) as OpenApiDocument;
    const session = JSON.parse(readFileSync(CLI_SESSION_FILE, "utf8")) as CliSessionResults;
    const calls = operationCalls(spec, sdkExamples(project), cliExamplesByOperation(session));
    writeFileSync(join(GENERATED_DIR, "openapi.json"), JSON.stringify(withCodeSamples(spec, calls)));
    writeFileSync(join(DOCS_DIR, "api", "operations.md"), operationsPage(calls));
    writeOfflineRedocBundle(join(GENERATED_DIR, "redoc.standalone.js"));
  });
  await timed("vitepress build", () => build(DOCS_DIR));
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const started = Date.now();
  await buildSite();
  console.log(`docs: site built in ${relative(ROOT_DIR, DEFAULT_SITE_DIR)} (${Date.now() - started} ms)`);
}
