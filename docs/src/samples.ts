// Compiles the ```ts code samples of the guides: each block becomes its own module in a temporary directory inside
// docs/ (so `@segments-ts/*` resolve to the workspace packages through the `source` export condition) and one tsc
// run type-checks them all. Errors are reported as `docs/guides/<guide>.md:<line>: TS<code>: <message>`.
// Usage: tsx src/samples.ts
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadGuides } from "./guides.ts";
import { DOCS_DIR, ROOT_DIR } from "./paths.ts";

export interface Sample {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line, in that file, of the sample's first line of code. */
  line: number;
  code: string;
  /**
   * Marked `<!-- ci: run -->` (a program, run with tsx) or `<!-- ci: run vitest -->` (a test file, run with Vitest):
   * CI also executes it against the emulator (src/run-samples.ts).
   */
  runs?: "tsx" | "vitest";
}

export interface SampleError {
  file: string;
  line: number;
  message: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*(\S*)/;
/** On the line before a fence or a `::: code-group`: run that sample (every sample of the group) in CI. */
const RUN_MARKER = /^<!-- ci: run( vitest)? -->$/;
const TS_LANGUAGES = new Set(["ts", "typescript"]);

/** The ```ts / ```typescript blocks of a Markdown document, with the line each starts at. */
export function extractSamples(markdown: string, file: string): Sample[] {
  const samples: Sample[] = [];
  const lines = markdown.split("\n");
  type Runner = Sample["runs"];
  let open: { fence: string; start: number; code: string[]; typescript: boolean; runs: Runner } | undefined;
  let marked: Runner;
  let groupRunner: Runner;
  lines.forEach((text, index) => {
    const fence = FENCE.exec(text);
    if (!open) {
      const marker = RUN_MARKER.exec(text.trim());
      if (marker) {
        marked = marker[1] ? "vitest" : "tsx";
      } else if (fence?.[2]) {
        const typescript = TS_LANGUAGES.has(fence[3] ?? "");
        open = { fence: fence[2], start: index + 2, code: [], typescript, runs: marked ?? groupRunner };
        marked = undefined;
      } else if (/^:::\s*code-group/.test(text.trim())) {
        groupRunner = marked;
        marked = undefined;
      } else if (text.trim() === ":::") {
        groupRunner = undefined;
      } else if (text.trim() !== "") {
        marked = undefined;
      }
      return;
    }
    if (fence?.[2]?.startsWith(open.fence) && fence[3] === "") {
      if (open.typescript) {
        const sample: Sample = { file, line: open.start, code: open.code.join("\n") };
        if (open.runs) sample.runs = open.runs;
        samples.push(sample);
      }
      open = undefined;
      return;
    }
    open.code.push(text);
  });
  if (open) throw new Error(`${file}:${open.start - 1}: unterminated code block`);
  return samples;
}

/** Type-checks the samples with tsc; returns the errors located in the samples (not in the packages' own sources). */
export function checkSamples(samples: readonly Sample[]): SampleError[] {
  if (samples.length === 0) return [];
  const tmpRoot = join(DOCS_DIR, "tmp");
  mkdirSync(tmpRoot, { recursive: true });
  const dir = mkdtempSync(join(tmpRoot, "samples-"));
  try {
    const files = samples.map((sample, index) => {
      const name = `sample-${index}.ts`;
      // `export {}` makes every sample a module: its own scope, top-level await allowed.
      writeFileSync(join(dir, name), `${sample.code}\nexport {};\n`);
      return name;
    });
    const base = relative(dir, join(ROOT_DIR, "tsconfig.base.json")).split("\\").join("/");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: base, compilerOptions: { noEmit: true }, files }, null, 2),
    );
    const tsc = join(DOCS_DIR, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], {
      cwd: dir,
      encoding: "utf8",
    });
    if (result.error) throw result.error;
    return parseDiagnostics(result.stdout, dir, samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

function parseDiagnostics(output: string, dir: string, samples: readonly Sample[]): SampleError[] {
  const errors: SampleError[] = [];
  let current: SampleError | undefined;
  for (const text of output.split("\n")) {
    const match = DIAGNOSTIC.exec(text);
    if (match) {
      current = undefined;
      const file = resolve(dir, match[1] ?? "");
      const index = /[\\/]sample-(\d+)\.ts$/.exec(file)?.[1];
      const sample = index === undefined ? undefined : samples[Number(index)];
      if (!sample || !file.startsWith(dir)) continue;
      current = {
        file: sample.file,
        line: sample.line + Number(match[2]) - 1,
        message: `${match[4]}: ${match[5]}`,
      };
      errors.push(current);
    } else if (current && /^\s+\S/.test(text)) {
      current.message += `\n${text}`;
    } else if (text.trim() !== "") {
      current = undefined;
    }
  }
  return errors;
}

export function formatSampleError(error: SampleError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const samples = loadGuides().flatMap((guide) => extractSamples(guide.markdown, guide.file));
  const errors = checkSamples(samples);
  for (const error of errors) console.error(formatSampleError(error));
  console.log(`docs: ${samples.length} guide samples, ${errors.length} errors`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}
