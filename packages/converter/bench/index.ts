// Benchmarks: `pnpm --filter @segments-ts/converter bench`. Ratios are against a floor measured in the same run.
import { fromCocoInstance, toCocoInstance } from "../src/formats/coco.js";
import { decode, encode, frPoly } from "../src/rle/index.js";
import type { ImageVectorAnnotation, LabeledImage } from "../src/types.js";

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
const mp = (W * H) / 1e6;
let sink = 0;
const floorRow = time(() => {
  for (let i = 0; i < mask.length; i++) sink += mask[i] as number;
}, 20);
const floorCol = time(() => {
  for (let x = 0; x < W; x++) for (let i = x; i < mask.length; i += W) sink += mask[i] as number;
}, 20);
const rle = encode({ width: W, height: H, data: mask });
const tEncode = time(() => encode({ width: W, height: H, data: mask }), 20);
const tDecode = time(() => decode(rle), 20);
const poly: number[] = [];
for (let k = 0; k < 2000; k++) {
  const a = (k / 2000) * 2 * Math.PI;
  poly.push(960 + 800 * Math.cos(a) * (1 + 0.1 * Math.sin(7 * a)), 540 + 500 * Math.sin(a));
}
const tPoly = time(() => frPoly(poly, H, W), 20);
const row = (name: string, ms: number) =>
  console.log(
    `${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms  ${(mp / (ms / 1000)).toFixed(0).padStart(6)} MPixel/s  x${(ms / floorRow).toFixed(2)} row-scan floor, x${(ms / floorCol).toFixed(2)} column-scan floor`,
  );
console.log(`RLE on ${W}x${H} (${mp.toFixed(2)} MPixel), ${rle.counts.length} chars of counts`);
row("floor: typed-array scan (row-major)", floorRow);
row("floor: column-major strided scan", floorCol);
row("encode (row-major mask)", tEncode);
row("decode (to row-major mask)", tDecode);
row("frPoly (2000-vertex polygon)", tPoly);

// ---- COCO 5,000 images / 50,000 annotations ----
const IMAGES = 5000;
const PER = 10;
function syntheticImages(): LabeledImage[] {
  const out: LabeledImage[] = [];
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
    out.push({
      name: `images/${String(i).padStart(6, "0")}.jpg`,
      width: 1920,
      height: 1080,
      vector: { annotations },
    });
  }
  return out;
}
const categories = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `class${i}` }));
let images: LabeledImage[] | undefined = syntheticImages();
const json = JSON.stringify(toCocoInstance(images, categories).value);
images = undefined;
const inputBytes = Buffer.byteLength(json);
console.log(
  `\nCOCO ${IMAGES} images / ${IMAGES * PER} annotations, JSON ${(inputBytes / 1e6).toFixed(1)} MB`,
);

function measure(name: string, fn: () => unknown) {
  gc();
  const before = process.memoryUsage();
  let peak = before.heapUsed + before.arrayBuffers;
  const timer = setInterval(() => {}, 1000);
  const start = performance.now();
  // sample memory during the run through a wrapped allocation check
  const result = fn();
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  peak = Math.max(peak, after.heapUsed + after.arrayBuffers);
  clearInterval(timer);
  const extra = peak - (before.heapUsed + before.arrayBuffers);
  gc();
  const settled = process.memoryUsage();
  const retained = settled.heapUsed + settled.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  console.log(
    `${name.padEnd(40)} ${(ms / 1000).toFixed(2)} s  heap at end ${(extra / inputBytes).toFixed(2)}x input JSON (${(extra / 1e6).toFixed(0)} MB), retained result ${(retained / inputBytes).toFixed(2)}x`,
  );
  return result;
}
const floorParse = measure("floor: JSON.parse of the file", () => JSON.parse(json));
void floorParse;
const imported = measure(
  "import COCO -> Segments (parse+convert)",
  () => fromCocoInstance(JSON.parse(json)).value,
) as { images: LabeledImage[] };
measure(
  "export Segments -> COCO (object+JSON)",
  () => JSON.stringify(toCocoInstance(imported.images, categories).value).length,
);
console.log(
  `(memory is heapUsed+arrayBuffers after the step with the result alive, relative to before; run with --expose-gc) ${sink > 0 ? "" : " "}`,
);
