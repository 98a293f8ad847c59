/**
 * Binary masks <-> RLE (pycocotools `rleEncode`, `rleDecode`, `rleArea`, `rleToBbox` in `maskApi.c`). Masks are
 * row-major unless `order: "column-major"` is given; counts always run column by column, as in pycocotools.
 */
import { ConversionError } from "../errors.js";
import { checkPixels, resolveMaxPixels } from "../limits.js";
import { checkSize, countsToString, type Rle, runsOf, type UncompressedRle } from "./counts.js";

/** A binary mask: `data[y * width + x]` (row-major) unless stated otherwise; non-zero is foreground. */
export interface BinaryMask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixel order of a mask buffer. */
export type MaskOrder = "row-major" | "column-major";

/**
 * Encodes a binary mask (pycocotools `mask.encode`).
 *
 * @example
 * ```ts
 * const rle = encode({ width: 3, height: 3, data: new Uint8Array(9).fill(1) }); // { size: [3, 3], counts: "09" }
 * ```
 */
export function encode(mask: BinaryMask, options: { order?: MaskOrder } = {}): Rle {
  return { size: [mask.height, mask.width], counts: countsToString(encodeCounts(mask, options)) };
}

/**
 * Encodes a binary mask into uncompressed counts (column-major runs, first run is background).
 *
 * @example
 * ```ts
 * encodeCounts({ width: 2, height: 1, data: Uint8Array.of(0, 1) }); // [1, 1]
 * ```
 */
export function encodeCounts(mask: BinaryMask, options: { order?: MaskOrder } = {}): number[] {
  const { width: w, height: h, data } = mask;
  if (data.length !== w * h) {
    throw new ConversionError(`mask has ${data.length} pixels, expected ${w}x${h}`, { field: "data" });
  }
  const counts: number[] = [];
  let previous = 0;
  let run = 0;
  if (options.order === "column-major") {
    for (let i = 0; i < data.length; i++) {
      const v = data[i] === 0 ? 0 : 1;
      if (v !== previous) {
        counts.push(run);
        run = 0;
        previous = v;
      }
      run++;
    }
  } else {
    for (let x = 0; x < w; x++) {
      for (let i = x; i < data.length; i += w) {
        const v = data[i] === 0 ? 0 : 1;
        if (v !== previous) {
          counts.push(run);
          run = 0;
          previous = v;
        }
        run++;
      }
    }
  }
  counts.push(run);
  return counts;
}

/**
 * Decodes an RLE (compressed or not) into a binary mask of 0/1 bytes (pycocotools `mask.decode`).
 * Throws {@link ConversionError} when the counts do not add up to `height * width`, or when the mask would have more
 * than `maxPixels` pixels (default 2^28, checked from `size` before anything is allocated).
 *
 * @example
 * ```ts
 * const mask = decode({ size: [4, 5], counts: "42210O2O" });
 * mask.data[0 * 5 + 1]; // 1 (x=1, y=0)
 * ```
 */
export function decode(
  rle: Rle | UncompressedRle,
  options: { order?: MaskOrder; maxPixels?: number } = {},
): BinaryMask {
  // The size is the only thing the allocation depends on: check it before parsing the counts.
  if (rle !== null && typeof rle === "object") {
    const [h, w] = checkSize(rle.size, "segmentation.size");
    checkPixels("RLE mask", w, h, resolveMaxPixels(options.maxPixels), { field: "segmentation.size" });
  }
  const { h, w, counts } = runsOf(rle);
  let total = 0;
  for (let j = 0; j < counts.length; j++) total += counts[j] as number;
  if (total !== h * w) {
    throw new ConversionError(`RLE counts sum to ${total}, expected ${h}x${w} = ${h * w}`, {
      field: "counts",
    });
  }
  const data = new Uint8Array(h * w);
  let index = 0;
  const columnMajor = options.order === "column-major";
  for (let j = 0; j < counts.length; j++) {
    const n = counts[j] as number;
    if (j % 2 === 1) {
      if (columnMajor) data.fill(1, index, index + n);
      else {
        // Walk the run column by column; each column chunk is a strided fill in row-major order.
        let i = index;
        const end = index + n;
        while (i < end) {
          const x = Math.floor(i / h);
          let y = i - x * h;
          const stop = Math.min(end, (x + 1) * h);
          for (let k = i; k < stop; k++, y++) data[y * w + x] = 1;
          i = stop;
        }
      }
    }
    index += n;
  }
  return { width: w, height: h, data };
}

/**
 * Foreground pixel count (pycocotools `mask.area`).
 *
 * @example
 * ```ts
 * area({ size: [4, 5], counts: "42210O2O" }); // 8
 * ```
 */
export function area(rle: Rle | UncompressedRle): number {
  const { counts } = runsOf(rle);
  let a = 0;
  for (let j = 1; j < counts.length; j += 2) a += counts[j] as number;
  return a;
}

/**
 * Bounding box `[x, y, width, height]` of the foreground (pycocotools `mask.toBbox`).
 *
 * @example
 * ```ts
 * toBbox({ size: [4, 5], counts: "42210O2O" }); // [1, 0, 4, 4]
 * ```
 */
export function toBbox(rle: Rle | UncompressedRle): [number, number, number, number] {
  const { h, counts } = runsOf(rle);
  const m = Math.floor(counts.length / 2) * 2;
  if (m === 0) return [0, 0, 0, 0];
  let xs = Number.POSITIVE_INFINITY;
  let ys = Number.POSITIVE_INFINITY;
  let xe = 0;
  let ye = 0;
  let cc = 0;
  let xp = 0;
  for (let j = 0; j < m; j++) {
    cc += counts[j] as number;
    const t = cc - (j % 2);
    const y = t % h;
    const x = Math.floor(t / h);
    if (j % 2 === 0) xp = x;
    else if (xp < x) {
      ys = 0;
      ye = h - 1;
    }
    xs = Math.min(xs, x);
    xe = Math.max(xe, x);
    ys = Math.min(ys, y);
    ye = Math.max(ye, y);
  }
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}
