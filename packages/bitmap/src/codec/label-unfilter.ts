// The second way the label decoder takes (label.ts): after node:zlib or fflate have inflated the rows of an RGBA8
// label PNG, unfilter them straight into the ids, in the same memory. Row y's pixels move left by y + 1 bytes
// (dropping the filter bytes), which never overtakes a byte still to be read; alpha is masked off. Sub and Up rows
// are read where they lie: runs of zero differences are found with aligned 32-bit loads (a zero word is four zero
// bytes, whatever pixel they belong to) and become one `fill` (Sub) or `copyWithin` (Up) of whole pixels; only the
// pixels where the id changes are assembled from bytes and added with SWAR.
import { addBytes, ID_MASK, unfilterAlignedRow } from "./label-rows.js";

/**
 * Unfilter inflated RGBA8 rows (`height * (1 + 4 * width)` bytes at offset 0 of `raw.buffer`) into ids, in place:
 * the result is a Uint32Array over the start of the same memory. Exported for tests and the benchmark.
 */
export function unfilterLabelRows(
  raw: Uint8Array,
  width: number,
  height: number,
  idatOffset = 0,
): Uint32Array {
  const stride = width * 4;
  const n = width * height;
  const out = new Uint32Array(raw.buffer, 0, n);
  // 32-bit view of the inflated bytes, for finding runs of zero bytes.
  const raw32 = new Int32Array(raw.buffer, 0, raw.length >> 2);
  const words = raw32.length;
  for (let y = 0; y < height; y++) {
    const p = y * (stride + 1) + 1; // first byte of row y's pixels in `raw`
    const f = raw[p - 1] as number;
    const r = y * width; // first pixel of row y in `out`
    // Pixel x of this row is zero if the (one or two) words holding its bytes p + 4x .. p + 4x + 3 are zero.
    const kRowEnd = Math.min(words, ((p + stride - 1) >> 2) + 1);
    if (f === 1 || (f === 2 && y > 0)) {
      let left = 0;
      let x = 0;
      while (x < width) {
        const b = p + 4 * x;
        if (raw32[b >> 2] === 0 && raw32[(b + 3) >> 2] === 0) {
          // A run of zero differences: extend it eight words (32 bytes) at a time, then word by word, then take every
          // pixel lying wholly inside it. (Eight ORed loads per branch: one branch per 32 bytes, not per word.)
          let k = ((b + 3) >> 2) + 1;
          while (
            k + 8 <= kRowEnd &&
            ((raw32[k] as number) |
              (raw32[k + 1] as number) |
              (raw32[k + 2] as number) |
              (raw32[k + 3] as number) |
              (raw32[k + 4] as number) |
              (raw32[k + 5] as number) |
              (raw32[k + 6] as number) |
              (raw32[k + 7] as number)) ===
              0
          )
            k += 8;
          while (k < kRowEnd && raw32[k] === 0) k++;
          const xEnd = Math.min(width, (4 * k - p) >> 2);
          if (f === 1) out.fill(left, r + x, r + xEnd);
          else out.copyWithin(r + x, r + x - width, r + xEnd - width);
          x = xEnd;
          continue;
        }
        // The RGB difference (alpha is dropped), added byte-wise to the left / upper pixel.
        const d = (raw[b] as number) | ((raw[b + 1] as number) << 8) | ((raw[b + 2] as number) << 16);
        const a = f === 1 ? left : (out[r + x - width] as number);
        left = addBytes(d, a);
        out[r + x] = left;
        x++;
      }
      continue;
    }
    raw.copyWithin(4 * r, p, p + stride); // the row's bytes to their aligned place
    if (f === 0) {
      // None: every row of sharp's and many other encoders' files; kept inline, as the hottest case of this loop.
      for (let i = r; i < r + width; i++) out[i] = (out[i] as number) & ID_MASK;
      continue;
    }
    unfilterAlignedRow(out, f, y, width, idatOffset);
  }
  return out;
}
