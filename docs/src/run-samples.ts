// Runs the guide samples marked `<!-- ci: run -->` (the quick start and every labels tab) as programs against a
// running emulator: each is written to its own directory under docs/tmp (so `@segments-ts/*` resolve to the
// workspace packages) and run with tsx, with SEGMENTS_API_KEY and SEGMENTS_API_URL pointing at the emulator and the
// files a reader would have (photos/rose.png) in its working directory. Samples marked `<!-- ci: run vitest -->` are
// test files (the testing guide): they run with Vitest and start their own emulator.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bitmap2file } from "@segments-ts/bitmap";
import { loadGuides } from "./guides.ts";
import { DOCS_DIR } from "./paths.ts";
import { extractSamples, type Sample } from "./samples.ts";

export interface SampleRun {
  sample: Sample;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** The samples of the guides marked to run in CI. */
export function runnableSamples(): Sample[] {
  return loadGuides()
    .flatMap((guide) => extractSamples(guide.markdown, guide.file))
    .filter((sample) => sample.runs);
}

/** The files a sample may read from its working directory, as a reader following the guide would have them. */
function writeReaderFiles(dir: string): void {
  mkdirSync(join(dir, "photos"), { recursive: true });
  const ids = new Uint32Array(64 * 48).fill(1, 0, 700);
  writeFileSync(join(dir, "photos", "rose.png"), bitmap2file(ids, { width: 64, height: 48 }));
}

const TIMEOUT_MS = 60_000;

function spawnTsx(dir: string, sample: Sample, api: { url: string; apiKey: string }) {
  writeFileSync(join(dir, "sample.ts"), `${sample.code}\nexport {};\n`);
  const tsx = join(DOCS_DIR, "node_modules", "tsx", "dist", "cli.mjs");
  return spawn(process.execPath, [tsx, "--conditions=source", "sample.ts"], {
    cwd: dir,
    env: { ...process.env, SEGMENTS_API_URL: api.url, SEGMENTS_API_KEY: api.apiKey, SEGMENTS_LOG: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Vitest's variables of the run that started us would make the child think it is one of its workers. */
function withoutVitestVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("VITEST")));
}

function spawnVitest(dir: string, sample: Sample) {
  writeFileSync(join(dir, "sample.test.ts"), `${sample.code}\nexport {};\n`);
  // The workspace packages resolve to their sources, as in the repository's own Vitest config.
  const conditions = JSON.stringify(["source", "module", "node", "development|production"]);
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `export default { resolve: { conditions: ${conditions} }, ssr: { resolve: { conditions: ${conditions} } } };\n`,
  );
  const vitest = join(DOCS_DIR, "node_modules", "vitest", "vitest.mjs");
  return spawn(process.execPath, [vitest, "run", "--root", dir, "--reporter", "dot"], {
    cwd: dir,
    env: { ...withoutVitestVariables(process.env), NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs one sample; resolves with its exit code and output (the process is killed after a minute). */
export async function runSample(sample: Sample, api: { url: string; apiKey: string }): Promise<SampleRun> {
  const tmpRoot = join(DOCS_DIR, "tmp");
  mkdirSync(tmpRoot, { recursive: true });
  const dir = mkdtempSync(join(tmpRoot, "run-"));
  try {
    writeReaderFiles(dir);
    const child = sample.runs === "vitest" ? spawnVitest(dir, sample) : spawnTsx(dir, sample, api);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    }).finally(() => clearTimeout(timer));
    return { sample, exitCode, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
