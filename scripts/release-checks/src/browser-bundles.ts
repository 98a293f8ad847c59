// Browser builds of every package's browser entry with the three bundlers apps use: esbuild, webpack and Vite. Each
// build must succeed with zero warnings, and no bundle may reference a Node built-in. The entries import the
// installed tarballs from the pack smoke test's project, so what is checked is what npm users get.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import { build as vite } from "vite";
import webpack from "webpack";
import type { BrowserEntry } from "./smoke-scripts.ts";

/** What one bundler said about one entry. */
export interface BundleReport {
  bundler: string;
  entry: BrowserEntry;
  /** Warnings and errors, as the bundler printed them. */
  problems: string[];
  bytes: number;
}

const NODE_BUILTIN =
  /\b(?:require\(|from\s*|import\()\s*["'](?:node:)?(?:fs|fs\/promises|path|http|https|crypto|zlib|stream|child_process|os|url)["']/;

function builtinProblem(code: string): string[] {
  const match = NODE_BUILTIN.exec(code);
  return match ? [`references a Node built-in: ${match[0]}`] : [];
}

async function withEsbuild(file: string, project: string): Promise<{ problems: string[]; bytes: number }> {
  const result = await esbuild({
    entryPoints: [file],
    absWorkingDir: project,
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  }).catch((error: { errors?: Array<{ text: string }> }) => ({
    errors: error.errors ?? [],
    warnings: [],
    outputFiles: [],
  }));
  const code = result.outputFiles[0]?.text ?? "";
  const messages = [...result.errors, ...result.warnings].map((message) => message.text);
  return { problems: [...messages, ...builtinProblem(code)], bytes: code.length };
}

async function withWebpack(file: string, project: string): Promise<{ problems: string[]; bytes: number }> {
  const outDir = join(project, "webpack-out", file.replace(/\W+/g, "_"));
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    webpack(
      {
        mode: "production",
        target: "web",
        context: project,
        entry: file,
        output: { path: outDir, filename: "bundle.js" },
        infrastructureLogging: { level: "none" },
        performance: { hints: false },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const json = stats?.toJson({ all: false, errors: true, warnings: true, assets: true }) ?? {};
  const problems = [...(json.errors ?? []), ...(json.warnings ?? [])].map(
    (m) => m.message.split("\n")[0] ?? "",
  );
  const bytes = (json.assets ?? []).reduce((sum, asset) => sum + asset.size, 0);
  return { problems, bytes };
}

async function withVite(file: string, project: string): Promise<{ problems: string[]; bytes: number }> {
  const problems: string[] = [];
  const output = await vite({
    root: project,
    configFile: false,
    logLevel: "silent",
    customLogger: {
      info: () => {},
      warn: (message) => problems.push(message),
      warnOnce: (message) => problems.push(message),
      error: (message) => problems.push(message),
      clearScreen: () => {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: file, onwarn: (warning) => problems.push(warning.message) },
    },
  }).catch((error: Error) => {
    problems.push(error.message.split("\n")[0] ?? String(error));
    return [];
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => ("output" in o ? o.output : []));
  const code = outputs.map((chunk) => ("code" in chunk ? chunk.code : "")).join("\n");
  return { problems: [...problems, ...builtinProblem(code)], bytes: code.length };
}

/**
 * Builds every entry with every bundler inside `project` (where the tarballs are installed) and reports each.
 *
 * @example
 * ```ts
 * const reports = await bundleForBrowsers(BROWSER_ENTRIES, "/tmp/pack-smoke/project");
 * ```
 */
export async function bundleForBrowsers(
  entries: readonly BrowserEntry[],
  project: string,
): Promise<BundleReport[]> {
  const reports: BundleReport[] = [];
  for (const entry of entries) {
    const file = join(project, `browser-${entry.name}.mjs`);
    writeFileSync(file, entry.source);
    for (const [bundler, build] of [
      ["esbuild", withEsbuild],
      ["webpack", withWebpack],
      ["vite", withVite],
    ] as const) {
      const { problems, bytes } = await build(file, project);
      // A nearly empty bundle means the bundler dropped the package: then nothing was checked.
      if (bytes < 1024) problems.push(`the bundle is ${bytes} bytes: the package was left out`);
      reports.push({ bundler, entry, problems, bytes });
    }
  }
  return reports;
}
