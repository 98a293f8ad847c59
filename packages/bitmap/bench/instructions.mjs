// `pnpm --filter @segments-ts/bitmap bench:instructions`: instructions per encode/decode, ours against the zlib
// floor, counted by valgrind (callgrind). Unlike bench.ts's wall-clock times, the counts repeat from run to run
// (to ~0.01%) whatever else the machine is doing, so they show what a change to the codec does to its work; they do
// not show memory stalls or page faults, which is why the targets stay on bench.ts's times.
//
// Each contender runs in its own process, LOW and HIGH times; (count(HIGH) - count(LOW)) / (HIGH - LOW) is the cost
// of one call, without node's start-up, building the map or the JIT compiling the hot loops (done in the first
// calls). V8 runs in its predictable mode: one thread, compiling and collecting garbage on it at fixed points, with
// fixed seeds. Without it, counts move by ~5% from run to run (background GC and compiler threads), and under
// valgrind the background compiler hardly runs, so the decoder would stay in baseline code for most of the run.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const LOW = 5;
const HIGH = 15;
const sizes = [
  [1920, 1080],
  [3840, 2160],
];

if (!(await exitsCleanly("valgrind", ["--version"]))) {
  console.error("valgrind is not installed (Debian: apt-get install valgrind)");
  process.exit(1);
}

// Bundled next to this file, so that its imports of third-party packages resolve from the package.
const harness = new URL(`./.instructions-${process.pid}.mjs`, import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), "bitmap-instructions-"));
await build({
  entryPoints: [new URL("./instructions-harness.ts", import.meta.url).pathname],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source", "node"],
  packages: "external",
  outfile: harness,
  logLevel: "warning",
});

try {
  for (const [w, h] of sizes) await run(process.execPath, [harness, "prepare", data, String(w), String(h)]);
  console.log(`@segments-ts/bitmap instructions per call (callgrind, ${HIGH} - ${LOW} calls)\n`);
  for (const [w, h] of sizes)
    for (const op of ["encode", "decode"]) {
      // Two processes at a time (one per core).
      const [ours, floor] = await Promise.all(
        ["ours", "floor"].map((who) => perCall([data, String(w), String(h), op, who])),
      );
      console.log(
        `${w}x${h} ${op.padEnd(6)}  ours ${millions(ours)}  floor ${millions(floor)}  ours/floor ${(ours / floor).toFixed(2)}x`,
      );
    }
} finally {
  rmSync(harness, { force: true });
  rmSync(data, { recursive: true, force: true });
}

async function perCall(args) {
  const low = await instructions(["run", ...args, String(LOW)]);
  const high = await instructions(["run", ...args, String(HIGH)]);
  return (high - low) / (HIGH - LOW);
}

/** Instructions of one harness process, all threads, from callgrind's summary on stderr. */
async function instructions(args) {
  const valgrind = [
    "--tool=callgrind",
    "--callgrind-out-file=/dev/null",
    "--smc-check=all-non-file",
    process.execPath,
    "--predictable",
    "--random-seed=1",
    "--hash-seed=1",
    harness,
    ...args,
  ];
  const stderr = await run("valgrind", valgrind);
  const m = /Collected : (\d+)/.exec(stderr);
  if (!m) throw new Error(`no instruction count from valgrind ${args.join(" ")}:\n${stderr.slice(-2000)}`);
  return Number(m[1]);
}

/** Run a command to its end; resolves with its stderr, rejects when it fails. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stderr);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

function exitsCleanly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

function millions(n) {
  return `${(n / 1e6).toFixed(1).padStart(6)}M`;
}
