/**
 * COCO RLE counts: the compressed `counts` string of pycocotools (`rleToString` / `rleFrString` in `maskApi.c`) and
 * the checked in-memory form every other RLE function works on.
 */
import { ConversionError } from "../errors.js";

/** A COCO RLE with compressed `counts` (the ASCII string pycocotools produces). */
export interface Rle {
  /** `[height, width]`. */
  size: [number, number];
  counts: string;
}

/** A COCO RLE with uncompressed `counts` (as found in `iscrowd: 1` annotations of COCO instance files). */
export interface UncompressedRle {
  size: [number, number];
  counts: number[];
}

/** Counts plus size: the in-memory working form. */
export interface Runs {
  h: number;
  w: number;
  counts: ArrayLike<number>;
}

export function checkSize(size: unknown, field = "size"): [number, number] {
  if (
    !Array.isArray(size) ||
    size.length !== 2 ||
    !size.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0)
  ) {
    throw new ConversionError(`RLE size must be [height, width] of non-negative integers`, { field });
  }
  return [size[0] as number, size[1] as number];
}

/**
 * Encodes an uncompressed count list into the compressed COCO `counts` string (pycocotools `rleToString`).
 *
 * @example
 * ```ts
 * countsToString([4, 2, 2, 3, 2, 2, 4, 1]); // "42210O2O"
 * ```
 */
export function countsToString(counts: ArrayLike<number>): string {
  // 7 characters hold a 32-bit delta (the buffer grows for larger ones); characters are ASCII 48..111, one byte each.
  let out = new Uint8Array(counts.length * 7 + 16);
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i] as number;
    if (i > 2) x -= counts[i - 2] as number;
    let more = true;
    while (more) {
      let c = x & 0x1f; // low 5 bits; correct for negative x (two's complement)
      x = Math.floor(x / 32); // arithmetic shift, exact beyond 32 bits
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      if (n === out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = c + 48;
    }
  }
  return ascii.decode(out.subarray(0, n));
}

const ascii = new TextDecoder("latin1");

/**
 * Decodes a compressed COCO `counts` string into counts (pycocotools `rleFrString`).
 * Throws {@link ConversionError} on characters outside `'0'..'o'` or a truncated string.
 *
 * @example
 * ```ts
 * stringToCounts("42210O2O"); // [4, 2, 2, 3, 2, 2, 4, 1]
 * ```
 */
export function stringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new ConversionError("truncated RLE counts string", { field: "counts" });
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 63) {
        throw new ConversionError(`invalid character ${JSON.stringify(s[p])} at ${p} in RLE counts string`, {
          field: "counts",
        });
      }
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (5 * k); // sign extension
    }
    const m = counts.length;
    if (m > 2) x += counts[m - 2] as number;
    counts.push(((x % 2 ** 32) + 2 ** 32) % 2 ** 32); // stored as uint32, as in C
  }
  return counts;
}

export function runsOf(rle: Rle | UncompressedRle, field = "segmentation"): Runs {
  if (rle === null || typeof rle !== "object") throw new ConversionError("RLE must be an object", { field });
  const [h, w] = checkSize(rle.size, `${field}.size`);
  let counts: number[];
  if (typeof rle.counts === "string") counts = stringToCounts(rle.counts);
  else if (Array.isArray(rle.counts)) {
    for (const c of rle.counts) {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0) {
        throw new ConversionError("RLE counts must be non-negative integers", { field: `${field}.counts` });
      }
    }
    counts = rle.counts;
  } else throw new ConversionError("RLE counts must be a string or an array", { field: `${field}.counts` });
  return { h, w, counts };
}

export function toRle(runs: Runs): Rle {
  return { size: [runs.h, runs.w], counts: countsToString(runs.counts) };
}

/**
 * Converts an uncompressed RLE (counts list) into a compressed one (pycocotools `frPyObjects` on an RLE dict).
 *
 * @example
 * ```ts
 * compressRle({ size: [3, 3], counts: [0, 9] }); // { size: [3, 3], counts: "09" }
 * ```
 */
export function compressRle(rle: UncompressedRle): Rle {
  return toRle(runsOf(rle));
}

/**
 * Converts a compressed RLE into one with a counts list.
 *
 * @example
 * ```ts
 * decompressRle({ size: [3, 3], counts: "09" }); // { size: [3, 3], counts: [0, 9] }
 * ```
 */
export function decompressRle(rle: Rle | UncompressedRle): UncompressedRle {
  const runs = runsOf(rle);
  return { size: [runs.h, runs.w], counts: Array.from(runs.counts) };
}
