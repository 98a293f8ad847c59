// Ecosystem test (after openai-node's): the packed tarballs, installed in the pack smoke test's throwaway project, run
// one smoke script (dataset, samples, bitmap label upload, release, COCO export) against the packed emulator on
// every runtime: the Node running this check always, and Node 22, Bun and Deno as installed from the npm registry
// (the `node`, `bun` and `deno` packages ship their binaries as dependencies). A runtime that cannot be installed is
// reported and skipped, never silently; a runtime that installs but fails the script fails the check.
// Usage (standalone, on a project kept with `pack-smoke --keep`): tsx src/runtime-smoke.ts <project>
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The smoke script, plain ESM that every runtime runs unchanged. */
export const RUNTIME_SMOKE = `import { bitmap2file, encodePng } from "@segments-ts/bitmap";
import { SegmentsDataset, toCocoInstance } from "@segments-ts/converter";
import { SegmentsClient } from "@segments-ts/sdk";

const runtime = process.env.SMOKE_RUNTIME;
const client = new SegmentsClient({ apiKey: process.env.SMOKE_API_KEY, baseUrl: process.env.SMOKE_API_URL, maxRetries: 0 });
const check = (ok, what) => { if (!ok) throw new Error(runtime + ": " + what); };

const name = "runtime-" + runtime.replace(/\\W+/g, "-");
const dataset = await client.addDataset(name, {
  task_type: "segmentation-bitmap",
  task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "thing" }] },
});
const image = encodePng({ width: 4, height: 3, data: new Uint8Array(4 * 3 * 3).fill(200), colorType: "rgb" });
const imageAsset = await client.uploadAsset(image, "image.png");
const samples = await client.addSamples(dataset.full_name, [
  { name: "a.png", attributes: { image: { url: imageAsset.url } } },
  { name: "b.png", attributes: { image: { url: imageAsset.url } } },
]);
check(samples.length === 2, "two samples");
const ids = Uint32Array.from([0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
const label = await client.uploadAsset(bitmap2file(ids, { width: 4, height: 3 }), "label.png");
await client.addLabel(
  samples[0].uuid,
  "ground-truth",
  { format_version: "0.1", annotations: [{ id: 1, category_id: 1 }], segmentation_bitmap: { url: label.url } },
  { label_status: "REVIEWED" },
);
await client.addRelease(dataset.full_name, "v1");
const release = await client.waitForRelease(dataset.full_name, "v1", { pollInterval: 100, timeout: 60000 });
const loaded = await SegmentsDataset.load(release, { filterBy: ["REVIEWED"] });
const images = [];
for await (const labeled of loaded.labeledImages()) images.push(labeled);
const { value: coco } = toCocoInstance(images, loaded.categories);
check(coco.images.length === 1 && coco.annotations.length === 1, "one image and one annotation in COCO");
check(coco.annotations[0].area === 4, "the annotation covers the 4 labeled pixels, got " + coco.annotations[0].area);
console.log("ok");
`;

/** A runtime to try: how to install it (none for the running Node) and how to run a script with it. */
interface Runtime {
  name: string;
  /** npm package spec installing it, or undefined for the Node running this check. */
  install?: string;
  /** The command, relative to the runtimes folder's node_modules/.bin when installed. */
  command(binDir: string): { file: string; args: string[] };
}

const RUNTIMES: readonly Runtime[] = [
  { name: `node ${process.versions.node}`, command: () => ({ file: process.execPath, args: [] }) },
  { name: "node 22", install: "node@22", command: (bin) => ({ file: join(bin, "node"), args: [] }) },
  { name: "bun", install: "bun", command: (bin) => ({ file: join(bin, "bun"), args: [] }) },
  {
    name: "deno",
    install: "deno",
    command: (bin) => ({ file: join(bin, "deno"), args: ["run", "--allow-all"] }),
  },
];

/** One runtime's outcome, for the summary line. */
export interface RuntimeResult {
  runtime: string;
  status: "passed" | "skipped" | "failed";
  detail: string;
  seconds: number;
}

function version(file: string): string {
  const out = spawnSync(file, ["--version"], { encoding: "utf8" });
  return (out.stdout || out.stderr).trim().split("\n")[0] ?? "?";
}

/** Installs one runtime package into its own folder (so one failure leaves the others); the error when it cannot. */
function installRuntime(dir: string, spec: string): string | undefined {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, "package.json")))
    writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  const result = spawnSync("npm", ["install", spec, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    encoding: "utf8",
  });
  return result.status === 0
    ? undefined
    : (result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ");
}

/** Starts the project's packed emulator in its own Node process; resolves with its URL, key and a stop function. */
async function startProjectEmulator(project: string): Promise<{ url: string; apiKey: string; stop(): void }> {
  const script =
    'const { startEmulator } = await import("@segments-ts/emulator");' +
    "const emulator = await startEmulator({ validateResponses: false, log: () => {} });" +
    "console.log(JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey }));";
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
  const line = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("\n")) resolve(output.split("\n")[0] ?? "");
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code} before listening`)));
  });
  return { ...(JSON.parse(line) as { url: string; apiKey: string }), stop: () => child.kill() };
}

/**
 * Runs the smoke script on every runtime from `project` (where the tarballs are installed), against the project's
 * emulator. Runtimes install into `runtimesDir`.
 */
export async function runRuntimeSmoke(project: string, runtimesDir: string): Promise<RuntimeResult[]> {
  writeFileSync(join(project, "runtime-smoke.mjs"), RUNTIME_SMOKE);
  const api = await startProjectEmulator(project);
  const results: RuntimeResult[] = [];
  try {
    for (const runtime of RUNTIMES) results.push(smokeOn(runtime, project, runtimesDir, api));
  } finally {
    api.stop();
  }
  return results;
}

function smokeOn(
  runtime: Runtime,
  project: string,
  runtimesDir: string,
  api: { url: string; apiKey: string },
): RuntimeResult {
  const started = Date.now();
  const seconds = () => Number(((Date.now() - started) / 1000).toFixed(1));
  const dir = join(runtimesDir, runtime.name.replace(/\W+/g, "-"));
  const failure = runtime.install ? installRuntime(dir, runtime.install) : undefined;
  const { file, args } = runtime.command(join(dir, "node_modules", ".bin"));
  if (failure !== undefined || (runtime.install && !existsSync(file)))
    return {
      runtime: runtime.name,
      status: "skipped",
      detail: `cannot install: ${failure}`,
      seconds: seconds(),
    };
  const run = spawnSync(file, [...args, "runtime-smoke.mjs"], {
    cwd: project,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, SMOKE_RUNTIME: runtime.name, SMOKE_API_URL: api.url, SMOKE_API_KEY: api.apiKey },
  });
  const passed = run.status === 0 && run.stdout.trim().endsWith("ok");
  return {
    runtime: runtime.name,
    status: passed ? "passed" : "failed",
    detail: passed ? version(file) : `${run.stdout}${run.stderr}`.trim().split("\n").slice(-8).join("\n"),
    seconds: seconds(),
  };
}

// Standalone, on a project kept by `pack-smoke --keep`: tsx src/runtime-smoke.ts <project>
if (process.argv[1]?.endsWith("runtime-smoke.ts") && process.argv[2]) {
  const project = process.argv[2];
  for (const result of await runRuntimeSmoke(project, join(project, "..", "runtimes")))
    console.log(`${result.runtime}: ${result.status} (${result.seconds}s) ${result.detail}`);
}
