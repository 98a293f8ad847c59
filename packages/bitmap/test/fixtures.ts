// Deterministic "realistic" instance bitmaps for tests and benchmarks: a few large "stuff" regions with wavy
// boundaries (sky, road, buildings) plus occluding object instances (ellipses and convex polygons), as a
// panoptic / instance labeling tool would produce them. Also small helpers shared by the decoder tests.
import { RleTokens } from "../src/codec/deflate-rle.js";

/** Mulberry32: a small, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function realisticBitmap(width: number, height: number, instances = 50, seed = 1): Uint32Array {
  const r = rng(seed);
  const data = new Uint32Array(width * height);
  let id = 1;
  // Stuff: horizontal bands with sinusoidal boundaries; the top band stays unlabeled (0).
  const bands = 4;
  const cuts: number[] = [];
  for (let b = 0; b < bands; b++) cuts.push(((b + 1) / (bands + 1)) * height);
  const phase = cuts.map(() => r() * 6.28);
  const amp = cuts.map(() => 5 + r() * height * 0.03);
  const freq = cuts.map(() => (2 + r() * 6) / width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let band = 0;
      for (let b = 0; b < bands; b++) {
        if (
          y >
          (cuts[b] as number) +
            (amp[b] as number) * Math.sin(x * 6.28 * (freq[b] as number) + (phase[b] as number))
        )
          band = b + 1;
      }
      data[y * width + x] = band === 0 ? 0 : band;
    }
  }
  id = bands + 1;
  const scale = Math.min(width, height);
  for (let i = 0; i < instances - bands; i++, id++) {
    // Ids are sparse and sometimes large (instance ids grow over a labeling session).
    const value = id + (i % 7 === 0 ? 70000 * (1 + (i % 3)) : 0);
    const cx = r() * width;
    const cy = r() * height;
    const rx = scale * (0.01 + r() * 0.12);
    const ry = scale * (0.01 + r() * 0.12);
    if (r() < 0.5) {
      const x0 = Math.max(0, Math.floor(cx - rx));
      const x1 = Math.min(width - 1, Math.ceil(cx + rx));
      const y0 = Math.max(0, Math.floor(cy - ry));
      const y1 = Math.min(height - 1, Math.ceil(cy + ry));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          const dx = (x - cx) / rx;
          const dy = (y - cy) / ry;
          if (dx * dx + dy * dy <= 1) data[y * width + x] = value;
        }
    } else {
      // Convex polygon: random angles around the centre, tested with half-planes.
      const n = 3 + Math.floor(r() * 6);
      const angles = Array.from({ length: n }, () => r() * Math.PI * 2).sort((a, b) => a - b);
      const px = angles.map((a) => cx + rx * Math.cos(a));
      const py = angles.map((a) => cy + ry * Math.sin(a));
      const x0 = Math.max(0, Math.floor(Math.min(...px)));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(...px)));
      const y0 = Math.max(0, Math.floor(Math.min(...py)));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(...py)));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          let inside = true;
          for (let k = 0; k < n && inside; k++) {
            const j = (k + 1) % n;
            const ax = px[k] as number;
            const ay = py[k] as number;
            const cross = ((px[j] as number) - ax) * (y - ay) - ((py[j] as number) - ay) * (x - ax);
            if (cross < 0) inside = false;
          }
          if (inside) data[y * width + x] = value;
        }
    }
  }
  return data;
}

/** Fast equality of two id arrays; on mismatch, an error naming the first differing pixel. */
export function expectSameIds(actual: ArrayLike<number>, expected: ArrayLike<number>, width = 0): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++)
    if (actual[i] !== expected[i]) {
      const where = width ? ` (x=${i % width}, y=${Math.floor(i / width)})` : "";
      throw new Error(`pixel ${i}${where}: got ${actual[i]}, expected ${expected[i]}`);
    }
}

/** Label-like ids (runs, with some noise and extreme values) and RGBA samples for them with the given alpha. */
export function labelSamples(w: number, h: number, seed: number, alpha: (i: number) => number) {
  const r = rng(seed);
  const ids = new Uint32Array(w * h);
  let v = 0;
  for (let i = 0; i < ids.length; i++) {
    if (r() < (i % w === 0 ? 0.5 : 0.08))
      v =
        r() < 0.2
          ? ([0, 1, 255, 256, 65535, 65536, 0xffffff][Math.floor(r() * 7)] as number)
          : Math.floor(r() * 2 ** 24);
    ids[i] = v;
  }
  const samples = new Uint8Array(ids.length * 4);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    samples.set([id & 255, (id >>> 8) & 255, id >>> 16, alpha(i)], 4 * i);
  }
  return { ids, samples };
}

/** Per-row PNG filter choices the decoder tests run through: each type alone and mixes of them. */
export const FILTER_PATTERNS: [string, (row: number) => number][] = [
  ["None", () => 0],
  ["Sub", () => 1],
  ["Up", () => 2],
  ["Average", () => 3],
  ["Paeth", () => 4],
  ["cycle 0-4", (row) => row % 5],
  ["Sub/Up alternating", (row) => 1 + (row % 2)],
  ["per-row random", (row) => (row * 2654435761) % 5],
];

/**
 * Label sizes for the decoder tests. Widths: 1, odd, around a word and a row-scan block; heights give files below
 * and above the 8 kB threshold under which the fast path copies the inflated bytes before working in place.
 */
export const LABEL_SIZES: [number, number][] = [
  [1, 1],
  [1, 40],
  [2, 3],
  [3, 7],
  [5, 33],
  [9, 9],
  [31, 17],
  [33, 80],
  [64, 40],
  [257, 21],
];

/** The payload of the first IDAT chunk of a PNG (all of it for files with a single IDAT, as bitmap2file writes). */
export function idatOf(png: Uint8Array): Uint8Array {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let pos = 8; pos < png.length; ) {
    const len = dv.getUint32(pos);
    if (String.fromCharCode(...png.subarray(pos + 4, pos + 8)) === "IDAT")
      return png.subarray(pos + 8, pos + 8 + len);
    pos += 12 + len;
  }
  throw new Error("no IDAT");
}

/**
 * `d` as a zlib stream of literals and matches at distances 1 and 4 ({@link RleTokens}), chosen greedily byte by byte
 * (the longer of the two, distance 1 on a tie). With `rowLen`, distance-4 matches neither start at nor cross a
 * multiple of it: the filter bytes of PNG rows, where the label decoder's fast path would give up.
 */
export function greedyStream(d: Uint8Array, rowLen = 0): Uint8Array {
  const t = new RleTokens(d.length >> 2);
  for (let i = 0; i < d.length; ) {
    let l1 = 0;
    if (i >= 1) while (i + l1 < d.length && d[i + l1] === d[i + l1 - 1]) l1++;
    let l4 = 0;
    const end = rowLen ? Math.min(d.length, (Math.floor(i / rowLen) + 1) * rowLen) : d.length;
    if (i >= 4 && !(rowLen && i % rowLen === 0)) while (i + l4 < end && d[i + l4] === d[i + l4 - 4]) l4++;
    if (l1 >= 3 && l1 >= l4) {
      t.repeat(1, l1);
      i += l1;
    } else if (l4 >= 3) {
      t.repeat(4, l4);
      i += l4;
    } else t.literal(d[i++] as number);
  }
  return t.finish();
}
