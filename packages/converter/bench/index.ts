// Benchmarks: `pnpm --filter @segments-ts/converter bench`. Ratios are against a floor measured in the same run.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromCocoInstance } from "../src/formats/coco/index.js";
import { importCocoFile, writeCocoInstanceFile } from "../src/node/index.js";
import { decode, encode, encodeCounts, frPoly } from "../src/rle/index.js";
import type { ImageVectorAnnotation, LabeledImage } from "../src/types.js";
import { perPixelCounts } from "../test/plain-rle.js";
import { mixedCocoDocument } from "./coco-mixed.js";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
function time(fn: () => unknown, repeat: number): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

// ---- RLE on 1920x1080 ----
const W = 1920;
const H = 1080;
const mask = new Uint8Array(W * H);
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++)
    mask[y * W + x] = (x - 900) ** 2 / 4 + (y - 500) ** 2 < 400 ** 2 || (x > 1500 && y % 50 < 20) ? 1 : 0;
const columnMajorMask = new Uint8Array(W * H);
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) columnMajorMask[x * H + y] = mask[y * W + x] as number;
const mp = (W * H) / 1e6;
let sink = 0;
const best = (fn: () => unknown) => Math.min(time(fn, 10), time(fn, 10), time(fn, 10));
const rle = encode({ width: W, height: H, data: mask });
const colMask = { width: W, height: H, data: columnMajorMask };
const rowMask = { width: W, height: H, data: mask };
/**
 * The RLE steps, each timed as the fastest of 100 single calls taken in turns (on a shared machine the minimum is
 * the figure least disturbed by other work, and taking turns exposes every step to the same disturbances).
 */
const steps: Record<string, () => unknown> = {
  // The floor: one read of every byte, the least any encoder does.
  floorRow: () => {
    let s = 0;
    for (let i = 0; i < mask.length; i++) s += mask[i] as number;
    sink += s;
  },
  floorCol: () => {
    let s = 0;
    for (let x = 0; x < W; x++) for (let i = x; i < mask.length; i += W) s += mask[i] as number;
    sink += s;
  },
  countsCol: () => encodeCounts(colMask, { order: "column-major" }),
  countsRow: () => encodeCounts(rowMask),
  encodeCol: () => encode(colMask, { order: "column-major" }),
  encodeRow: () => encode(rowMask),
  // the encoder before word-at-a-time scanning: the plain definition, one byte at a time in column order
  plainCol: () => perPixelCounts(columnMajorMask, W, H, true),
  plainRow: () => perPixelCounts(mask, W, H, false),
};
const fastest: Record<string, number> = {};
for (let round = 0; round < 100; round++)
  for (const [name, step] of Object.entries(steps)) {
    const start = performance.now();
    step();
    fastest[name] = Math.min(fastest[name] ?? Number.POSITIVE_INFINITY, performance.now() - start);
  }
const ms = (name: string) => fastest[name] as number;
const floorRow = ms("floorRow");
const floorCol = ms("floorCol");
const tCountsCol = ms("countsCol");
const tCountsRow = ms("countsRow");
const tEncodeCol = ms("encodeCol");
const tEncodeRow = ms("encodeRow");
const tPlainCol = ms("plainCol");
const tPlainRow = ms("plainRow");
const tDecode = best(() => decode(rle));
const poly: number[] = [];
for (let k = 0; k < 2000; k++) {
  const a = (k / 2000) * 2 * Math.PI;
  poly.push(960 + 800 * Math.cos(a) * (1 + 0.1 * Math.sin(7 * a)), 540 + 500 * Math.sin(a));
}
const tPoly = best(() => frPoly(poly, H, W));
const row = (name: string, ms: number) =>
  console.log(
    `${name.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms  ${(mp / (ms / 1000)).toFixed(0).padStart(6)} MPixel/s  x${(ms / floorRow).toFixed(2)} typed-array scan`,
  );
console.log(
  `RLE on ${W}x${H} (${mp.toFixed(2)} MPixel), ${rle.counts.length} chars of counts; encoders: fastest of 100 calls, others: best of 3x10`,
);
row("floor: typed-array scan (every byte, in order)", floorRow);
row("floor: column walk of a row-major mask", floorCol);
row("encodeCounts, column-major mask", tCountsCol);
row("encodeCounts, row-major mask", tCountsRow);
row("encode (counts + string), column-major mask", tEncodeCol);
row("encode (counts + string), row-major mask", tEncodeRow);
row("per-pixel encoder (before), column-major", tPlainCol);
row("per-pixel encoder (before), row-major", tPlainRow);
row("decode (to row-major mask)", tDecode);
row("frPoly (2000-vertex polygon)", tPoly);
console.log(
  "pycocotools reference (bench/RESULTS.md): rleEncode ~1 ms column-major, ~3 ms with np.asfortranarray of a row-major mask",
);

// ---- COCO 5,000 images / 50,000 annotations ----
const IMAGES = 5000;
const PER = 10;
function* syntheticImages(): Generator<LabeledImage> {
  let seed = 1;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < IMAGES; i++) {
    const annotations: ImageVectorAnnotation[] = [];
    for (let k = 0; k < PER; k++) {
      const x = rnd() * 1800;
      const y = rnd() * 1000;
      if (k % 2 === 0)
        annotations.push({
          id: k + 1,
          category_id: 1 + (k % 5),
          type: "bbox",
          points: [
            [x, y],
            [x + 50 + rnd() * 60, y + 40 + rnd() * 30],
          ],
        });
      else {
        const pts: number[][] = [];
        for (let j = 0; j < 12; j++)
          pts.push([x + 40 * Math.cos(j / 2) + rnd(), y + 40 * Math.sin(j / 2) + rnd()]);
        annotations.push({ id: k + 1, category_id: 1 + (k % 5), type: "polygon", points: pts });
      }
    }
    yield {
      name: `images/${String(i).padStart(6, "0")}.jpg`,
      width: 1920,
      height: 1080,
      vector: { annotations },
    };
  }
}
const categories = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `class${i}` }));
const dir = await mkdtemp(join(tmpdir(), "converter-bench-"));
const inputFile = join(dir, "instances.json");
// The input file in the usual layout (images before annotations): boxes, polygons, RLE masks and keypoints.
await writeFile(inputFile, JSON.stringify(mixedCocoDocument(IMAGES)));
const inputBytes = (await stat(inputFile)).size;
console.log(
  `\nCOCO ${IMAGES} images / ${IMAGES * PER} annotations (3 boxes, 3 polygons, 1 RLE, 3 keypoint persons per image), input JSON ${(inputBytes / 1e6).toFixed(1)} MB`,
);

/**
 * Runs one step and reports wall time and peak extra memory: heapUsed + external (which includes array buffers),
 * sampled every 2 ms by a timer and at every `sample()` call of the step (timers do not fire while a step runs
 * synchronously or on microtasks only), minus the same figure measured after a full GC just before the step.
 */
async function measure(name: string, step: (sample: () => void) => Promise<unknown> | unknown) {
  gc();
  gc();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  let peak = before;
  const sample = () => {
    const now = used();
    if (now > peak) peak = now;
  };
  const timer = setInterval(sample, 2);
  const start = performance.now();
  await step(sample);
  const ms = performance.now() - start;
  sample();
  clearInterval(timer);
  const extra = peak - before;
  console.log(
    `${name.padEnd(52)} ${(ms / 1000).toFixed(2)} s  peak extra ${(extra / 1e6).toFixed(0).padStart(4)} MB = ${(extra / inputBytes).toFixed(2)}x input JSON`,
  );
}

await measure("floor: read file + JSON.parse (document only)", async (sample) => {
  const doc = JSON.parse(await readFile(inputFile, "utf8"));
  sample();
  return doc;
});
await measure("in-memory import: JSON.parse + fromCocoInstance", async (sample) => {
  const result = fromCocoInstance(JSON.parse(await readFile(inputFile, "utf8")));
  sample();
  return result.value.images.length;
});
let imported = 0;
let importedAnnotations = 0;
await measure("streaming import: importCocoFile (per image)", async (sample) => {
  for await (const { image } of importCocoFile(inputFile)) {
    imported++;
    importedAnnotations += image.vector?.annotations.length ?? 0;
    if (imported % 100 === 0) sample();
  }
});
// The sampled peak above counts garbage not yet collected; what the import needs shows in a heap capped at 2x the
// file (old generation; a 2 MB young generation): it runs to the end or dies of "heap out of memory".
const capMb = Math.floor((2 * inputBytes) / 2 ** 20);
const capped = spawnSync(
  process.execPath,
  [
    ...process.execArgv.filter((a) => a !== "--expose-gc"),
    `--max-old-space-size=${capMb}`,
    "--max-semi-space-size=2",
    fileURLToPath(new URL("./import-capped.ts", import.meta.url)),
    inputFile,
  ],
  { encoding: "utf8" },
);
console.log(
  `${"streaming import in a heap capped at 2x input".padEnd(52)} ${capped.status === 0 ? `ok (${capMb} MiB): ${capped.stdout.trim()}` : `FAILED (${capMb} MiB): ${capped.stderr.trim().split("\n").slice(-3).join(" ")}`}`,
);
const outFile = join(dir, "export.json");
await measure("streaming export: writeCocoInstanceFile (per image)", async (sample) => {
  // images are generated one at a time, like exportDataset loading one sample at a time
  function* images() {
    let i = 0;
    for (const image of syntheticImages()) {
      if (++i % 100 === 0) sample();
      yield image;
    }
  }
  await writeCocoInstanceFile(outFile, images(), categories);
});
const outBytes = (await stat(outFile)).size;
await rm(dir, { recursive: true, force: true });
console.log(
  `(imported ${imported} images / ${importedAnnotations} annotations; exported ${(outBytes / 1e6).toFixed(1)} MB; peak = max of heapUsed+external sampled during the step, minus the value after gc before it)${sink > 0 ? "" : " "}`,
);
