// `pnpm --filter @segments-ts/bitmap bench`: label-bitmap encode/decode against the zlib floor and against sharp,
// fast-png and pngjs doing the same job (Uint32 ids <-> PNG bytes), all measured in this run; ratios only, no
// absolute thresholds. Also prints a comparison of filter strategies coded by zlib (bitmap2file filters the first
// row Sub and every other row Up, see label.ts).
import * as zlib from "node:zlib";
import { decode as fastDecode, encode as fastEncode } from "fast-png";
import { PNG } from "pngjs";
import sharp from "sharp";
import * as browserEntry from "../src/browser.js";
import { bitmap2file, decodeLabelBitmap } from "../src/index.js";
import { idatOf, realisticBitmap } from "../test/fixtures.js";

const quick = process.argv.includes("--quick");

/**
 * Median time of each contender, measured in rotation so that noise from other processes hits all of them alike and
 * the ratios stay meaningful on a busy machine. Each round starts one contender later (a, b, c; b, c, a; c, a, b; ...):
 * with a fixed order, the allocator hands each contender the same one of the buffers it recycles every round, and on
 * some machines one of those is slower to write (README, Performance).
 */
async function race<K extends string>(
  fns: Record<K, () => unknown>,
  rounds: number,
): Promise<Record<K, number>> {
  const names = Object.keys(fns) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<K, number[]>;
  for (const n of names) await fns[n](); // warm-up
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < names.length; i++) {
      const n = names[(r + i) % names.length] as K;
      const t0 = performance.now();
      await fns[n]();
      samples[n].push(performance.now() - t0);
    }
  return Object.fromEntries(
    names.map((n) => [n, samples[n].sort((a, b) => a - b)[samples[n].length >> 1] as number]),
  ) as Record<K, number>;
}

const idsToRgba = (ids: Uint32Array) => {
  const rgba = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) rgba[i] = (ids[i] as number) | 0xff000000;
  return new Uint8Array(rgba.buffer);
};
const rgbaToIds = (rgba: Uint8Array | Uint8ClampedArray | Uint16Array) => {
  const u8 = rgba instanceof Uint16Array ? Uint8Array.from(rgba) : rgba;
  const v = new Uint32Array(u8.buffer, u8.byteOffset, u8.length / 4);
  const out = new Uint32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) & 0xffffff;
  return out;
};

function filterRows(
  ids: Uint32Array,
  w: number,
  h: number,
  mode: "none" | "sub" | "up" | "up|sub" | "minsum",
): Uint8Array {
  const rgba = idsToRgba(ids);
  const stride = w * 4;
  const out = new Uint8Array(h * (stride + 1));
  const f32 = new Uint32Array(rgba.buffer);
  for (let y = 0; y < h; y++) {
    const s = y * stride;
    const o = y * (stride + 1);
    let f = mode === "none" ? 0 : mode === "up" && y > 0 ? 2 : 1;
    if (mode === "up|sub" && y > 0) {
      let same = true;
      for (let x = 0; x < w && same; x++) same = f32[y * w + x] === f32[(y - 1) * w + x];
      if (same) f = 2;
    }
    if (mode === "minsum") {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < stride; i++) {
        const v = rgba[s + i] as number;
        const a = i >= 4 ? (rgba[s + i - 4] as number) : 0;
        const b = y > 0 ? (rgba[s - stride + i] as number) : 0;
        const d1 = (v - a) & 255;
        const d2 = (v - b) & 255;
        s0 += v < 128 ? v : 256 - v;
        s1 += d1 < 128 ? d1 : 256 - d1;
        s2 += d2 < 128 ? d2 : 256 - d2;
      }
      f = s0 <= s1 && s0 <= s2 ? 0 : s1 <= s2 ? 1 : 2;
    }
    out[o] = f;
    for (let i = 0; i < stride; i++) {
      const v = rgba[s + i] as number;
      const pred =
        f === 0
          ? 0
          : f === 1
            ? i >= 4
              ? (rgba[s + i - 4] as number)
              : 0
            : y > 0
              ? (rgba[s - stride + i] as number)
              : 0;
      out[o + 1 + i] = (v - pred) & 255;
    }
  }
  return out;
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(8)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
/** The issue's targets, checked on the medians of this run and summed up at the end. */
const summary: string[] = [];
const target = (what: string, ours: number, other: number, max: number, strict = false) => {
  const r = ours / other;
  const met = strict ? r < max : r <= max;
  summary.push(
    `  ${what.padEnd(42)} ${r.toFixed(2).padStart(5)}x  (target ${strict ? "<" : "<="} ${max}x)  ${met ? "met" : "MISSED"}`,
  );
  return met ? "met" : "MISSED";
};

console.log(
  `@segments-ts/bitmap bench (node ${process.version}, ${quick ? "quick" : "full"} run; medians)\n`,
);

for (const [w, h, n, name] of [
  [1920, 1080, 50, "1920x1080, 50 instances"],
  [3840, 2160, 50, "3840x2160 (4K), 50 instances"],
] as const) {
  const ids = realisticBitmap(w, h, n, 1);
  const rgbaInput = idsToRgba(ids);
  const png = bitmap2file(ids, { width: w, height: h });
  const idat = idatOf(png);
  const expected = h * (w * 4 + 1);
  const filtered = zlib.inflateSync(idat);

  // Sanity: every contender round-trips the same ids.
  const check = (got: Uint32Array, who: string) => {
    if (
      Buffer.compare(Buffer.from(got.buffer, got.byteOffset, got.byteLength), Buffer.from(ids.buffer)) !== 0
    )
      throw new Error(`${who} decoded different ids`);
  };
  check(decodeLabelBitmap(png).data, "ours");

  const sharpPng = await sharp(rgbaInput, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
  const fastPng = fastEncode({ width: w, height: h, data: rgbaInput, channels: 4, depth: 8 });
  const pngjsPng = PNG.sync.write(
    Object.assign(new PNG({ width: w, height: h }), { data: Buffer.from(rgbaInput) }),
  );

  // Odd round counts, so the median is one measured round.
  const fastRounds = quick ? 5 : 31;
  const slowRounds = quick ? 1 : 3;
  const enc = {
    ...(await race(
      {
        ours: () => bitmap2file(ids, { width: w, height: h }),
        floor: () => zlib.deflateSync(filtered, { level: 6, strategy: zlib.constants.Z_RLE }),
      },
      fastRounds,
    )),
    // sharp is asynchronous and works (and frees its buffers) on libvips threads: it gets a race of its own, so that
    // its background work does not land in the ours-vs-floor rounds.
    ...(await race(
      {
        sharp: () =>
          sharp(idsToRgba(ids), { raw: { width: w, height: h, channels: 4 } })
            .png()
            .toBuffer(),
      },
      fastRounds,
    )),
    ...(await race(
      {
        fastpng: () => fastEncode({ width: w, height: h, data: idsToRgba(ids), channels: 4, depth: 8 }),
        pngjs: () =>
          PNG.sync.write(
            Object.assign(new PNG({ width: w, height: h }), { data: Buffer.from(idsToRgba(ids).buffer) }),
          ),
        browserEntry: () => browserEntry.bitmap2file(ids, { width: w, height: h }),
      },
      slowRounds,
    )),
  };
  check(rgbaToIds((await sharp(png).raw().toBuffer({ resolveWithObject: true })).data), "sharp");
  check(rgbaToIds(fastDecode(png).data), "fast-png");
  check(rgbaToIds(PNG.sync.read(Buffer.from(png)).data), "pngjs");
  const dec = {
    ...(await race(
      {
        ours: () => decodeLabelBitmap(png),
        // The floor gets the best node:zlib settings: one output chunk of the exact size.
        floor: () =>
          zlib.inflateSync(idat, {
            maxOutputLength: expected,
            chunkSize: Math.min(expected + 1, 32 * 1024 * 1024),
          }),
      },
      fastRounds,
    )),
    ...(await race(
      { sharp: async () => rgbaToIds((await sharp(png).raw().toBuffer({ resolveWithObject: true })).data) },
      fastRounds,
    )),
    ...(await race(
      {
        fastpng: () => rgbaToIds(fastDecode(png).data),
        pngjs: () => rgbaToIds(PNG.sync.read(Buffer.from(png)).data),
        browserEntry: () => browserEntry.decodeLabelBitmap(png),
      },
      slowRounds,
    )),
  };

  console.log(`== ${name}`);
  console.log("encode (Uint32 ids -> PNG bytes)");
  console.log(`  ours (node:zlib)        ${fmt(enc.ours)}`);
  console.log(
    `  floor: zlib deflate     ${fmt(enc.floor)}   ours/floor  ${ratio(enc.ours, enc.floor)}  (target <= 1.3x: ${target(`${w}x${h} encode vs floor`, enc.ours, enc.floor, 1.3)})`,
  );
  console.log(
    `  sharp                   ${fmt(enc.sharp)}   ours/sharp  ${ratio(enc.ours, enc.sharp)}  (target < 1x: ${target(`${w}x${h} encode vs sharp`, enc.ours, enc.sharp, 1, true)})`,
  );
  console.log(
    `  fast-png                ${fmt(enc.fastpng)}   ours/fast-png ${ratio(enc.ours, enc.fastpng)}  (target < 1x: ${target(`${w}x${h} encode vs fast-png`, enc.ours, enc.fastpng, 1, true)})`,
  );
  console.log(
    `  pngjs                   ${fmt(enc.pngjs)}   ours/pngjs  ${ratio(enc.ours, enc.pngjs)}  (target < 1x: ${target(`${w}x${h} encode vs pngjs`, enc.ours, enc.pngjs, 1, true)})`,
  );
  console.log(`  ours, browser entry (fflate backend) ${fmt(enc.browserEntry)}`);
  console.log("decode (PNG bytes -> Uint32 ids)");
  console.log(`  ours (node:zlib)        ${fmt(dec.ours)}`);
  console.log(
    `  floor: zlib inflate     ${fmt(dec.floor)}   ours/floor  ${ratio(dec.ours, dec.floor)}  (target <= 1.3x: ${target(`${w}x${h} decode vs floor`, dec.ours, dec.floor, 1.3)})`,
  );
  console.log(
    `  sharp                   ${fmt(dec.sharp)}   ours/sharp  ${ratio(dec.ours, dec.sharp)}  (target < 1x: ${target(`${w}x${h} decode vs sharp`, dec.ours, dec.sharp, 1, true)})`,
  );
  console.log(
    `  fast-png                ${fmt(dec.fastpng)}   ours/fast-png ${ratio(dec.ours, dec.fastpng)}  (target < 1x: ${target(`${w}x${h} decode vs fast-png`, dec.ours, dec.fastpng, 1, true)})`,
  );
  console.log(
    `  pngjs                   ${fmt(dec.pngjs)}   ours/pngjs  ${ratio(dec.ours, dec.pngjs)}  (target < 1x: ${target(`${w}x${h} decode vs pngjs`, dec.ours, dec.pngjs, 1, true)})`,
  );
  console.log(`  ours, browser entry (fflate backend) ${fmt(dec.browserEntry)}`);
  console.log("size");
  console.log(
    `  ours ${png.length} B, sharp default ${sharpPng.length} B: ours/sharp ${ratio(png.length, sharpPng.length)} (target <= 1.1x: ${target(`${w}x${h} size vs sharp`, png.length, sharpPng.length, 1.1)})`,
  );
  console.log(
    `  fast-png ${fastPng.length} B, pngjs ${pngjsPng.length} B, browser entry ${browserEntry.bitmap2file(ids, { width: w, height: h }).length} B`,
  );

  if (w === 1920) {
    console.log("filter choice (deflate of the filtered rows only; size relative to sharp's default PNG)");
    for (const mode of ["none", "sub", "up", "up|sub", "minsum"] as const) {
      const t0 = performance.now();
      const rows = filterRows(ids, w, h, mode);
      const filterMs = performance.now() - t0;
      for (const [label, opts] of [
        ["level 6", { level: 6 }],
        ["level 1", { level: 1 }],
        ["Z_RLE", { level: 6, strategy: zlib.constants.Z_RLE }],
      ] as const) {
        const out = zlib.deflateSync(rows, opts);
        const ms = (await race({ d: () => zlib.deflateSync(rows, opts) }, quick ? 1 : 5)).d;
        console.log(
          `  ${mode.padEnd(7)} ${label.padEnd(8)} ${String(out.length).padStart(9)} B  ${ratio(out.length, sharpPng.length).padStart(6)}  deflate ${fmt(ms)}  (naive filter pass ${filterMs.toFixed(1)} ms)`,
        );
      }
    }
  }
  console.log("");
}
console.log(
  "targets (medians of this run; timings are wall clock, so on a busy machine rerun before concluding)",
);
console.log(summary.join("\n"));
