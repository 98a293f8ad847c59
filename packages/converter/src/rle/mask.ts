/**
 * Binary masks <-> RLE (pycocotools `rleEncode`, `rleDecode`, `rleArea`, `rleToBbox` in `maskApi.c`). Masks are
 * row-major unless `order: "column-major"` is given; counts always run column by column, as in pycocotools.
 */
import { ConversionError } from "../errors.js";
import { checkPixels, resolveMaxPixels } from "../limits.js";
import { checkSize, countsToString, type Rle, runsOf, type UncompressedRle } from "./counts.js";
import { columnMajorCounts, rowMajorCounts } from "./scan.js";

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
  return options.order === "column-major" ? columnMajorCounts(data) : rowMajorCounts(data, w, h);
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
  if (options.order === "column-major") {
    let index = 0;
    for (let j = 0; j < counts.length; j++) {
      const n = counts[j] as number;
      if (j % 2 === 1) data.fill(1, index, index + n);
      index += n;
    }
  } else paintRuns(counts, h, { data, width: w, x0: 0, y0: 0 });
  return { width: w, height: h, data };
}

/**
 * Sets the foreground pixels of column-major runs in a row-major window `[x0, x0 + width) x [y0, ...)` of the mask
 * (the caller makes sure every foreground pixel is inside it). Each run is walked column by column; each column
 * chunk is a strided fill.
 */
function paintRuns(
  counts: ArrayLike<number>,
  h: number,
  target: { data: Uint8Array; width: number; x0: number; y0: number },
): void {
  const { data, width, x0, y0 } = target;
  let index = 0;
  for (let j = 0; j < counts.length; j++) {
    const n = counts[j] as number;
    if (j % 2 === 1) {
      let i = index;
      const end = index + n;
      while (i < end) {
        const x = Math.floor(i / h);
        let y = i - x * h;
        const stop = Math.min(end, (x + 1) * h);
        for (let k = i; k < stop; k++, y++) data[(y - y0) * width + x - x0] = 1;
        i = stop;
      }
    }
    index += n;
  }
}

/**
 * Decodes only the bounding box of an RLE's foreground: a row-major mask of the box and the box's top-left corner
 * in the image. Tracing or measuring one object then costs its box, not the image (a COCO import traces every RLE
 * annotation). Throws like {@link decode} for counts that do not add up to the size.
 *
 * @example
 * ```ts
 * const { mask, x, y } = decodeCropped({ size: [4, 5], counts: "42210O2O" });
 * [x, y, mask.width, mask.height]; // [1, 0, 4, 4], as toBbox
 * ```
 */
export function decodeCropped(rle: Rle | UncompressedRle): { mask: BinaryMask; x: number; y: number } {
  const { h, w, counts } = runsOf(rle);
  let total = 0;
  for (let j = 0; j < counts.length; j++) total += counts[j] as number;
  if (total !== h * w)
    throw new ConversionError(`RLE counts sum to ${total}, expected ${h}x${w} = ${h * w}`, {
      field: "counts",
    });
  const [x, y, width, height] = toBbox({ size: [h, w], counts: Array.from(counts) });
  const data = new Uint8Array(width * height);
  paintRuns(counts, h, { data, width, x0: x, y0: y });
  return { mask: { width, height, data }, x, y };
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
