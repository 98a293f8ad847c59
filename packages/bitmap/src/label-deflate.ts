// bitmap2file's compressor: the zlib stream of a label map's Sub-filtered RGBA rows, coded straight from the runs
// of equal ids. Such rows are long runs of zero bytes with a few literals where the id changes, which is all that
// zlib's Z_RLE strategy would find in them too; building those symbols from the runs skips both writing the filtered
// bytes (h * (4w + 1), 33 MB at 4K) and scanning them again for matches.
import { RleTokens } from "./deflate-rle.js";

/** {@link RleTokens} fed byte by byte, with zero bytes held back so that adjacent ones become one run. */
class ZeroRunTokens extends RleTokens {
  /** Zero bytes not coded yet; they follow a non-zero byte (every row starts with filter byte 1). */
  pending = 0;

  /** One byte of the stream. */
  byte(v: number): void {
    if (v === 0) this.pending++;
    else {
      this.flush();
      this.literal(v);
    }
  }

  /** Code the pending zeros: the byte before them is not zero, so the first is a literal and the rest copy it. */
  flush(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    this.literal(0);
    this.zeros(n - 1);
  }

  /** The R, G, B bytes of id p minus those of id `left`, byte by byte (mod 256, no borrows between bytes). */
  rgbDiff(p: number, left: number): void {
    this.byte((p - left) & 255);
    this.byte(((p >>> 8) - (left >>> 8)) & 255);
    this.byte(((p >>> 16) - (left >>> 16)) & 255);
  }
}

/**
 * zlib stream (RFC 1950) of the PNG rows of a label map, RGBA8 with every row Sub-filtered: each row is the filter
 * byte 1, the first pixel's R, G, B, 255, then for each later pixel the byte-wise differences (mod 256) of R, G, B
 * to its left neighbour and 0 for alpha, where id = R + 256 G + 65536 B. Coded with literals and distance-1 matches
 * only (like zlib's Z_RLE), in one dynamic-Huffman block.
 *
 * Ids must be below 2^24: the rows are coded first and then, if any id has bits above the 24th, the result of
 * `badId()` is thrown instead of returning (the caller can name the offending pixel in its own terms).
 */
export function deflateLabelRows(
  ids: Uint32Array,
  width: number,
  height: number,
  badId: () => Error = () => new RangeError("instance id >= 2^24: label PNGs store 24-bit ids"),
): Uint8Array {
  // Capacity for ~16 changes per row plus the zero runs between them; the token buffer grows if needed.
  const t = new ZeroRunTokens(height * (80 + ((width * 4) >> 8)));
  const acc = codeRows(ids, width, height, t);
  if (acc & 0xff000000) throw badId();
  t.flush();
  return t.finish();
}

/**
 * Feed the Sub-filtered rows to `t`, touching only the pixels where the id changes; returns the OR of every run's
 * id, which has a bit above the 24th exactly when some id does.
 */
function codeRows(ids: Uint32Array, width: number, height: number, t: ZeroRunTokens): number {
  // Runs are skipped two pixels at a time by comparing the ids as float64s (a pair of equal valid ids is a finite
  // float, and float equality is bit equality except for -0 === +0, which zero runs check with Object.is).
  const s0 = ids.byteOffset & 7 ? 1 : 0;
  const pairs = new Float64Array(ids.buffer, ids.byteOffset + 4 * s0, (ids.length - s0) >> 1);
  let acc = 0;
  for (let y = 0; y < height; y++) {
    const r = y * width;
    const end = r + width;
    let left = ids[r] as number;
    acc |= left;
    t.byte(1); // filter type Sub
    t.rgbDiff(left, 0);
    t.byte(255); // alpha; later pixels' alpha difference is 0
    let i = r + 1;
    while (i < end) {
      if (((i - s0) & 1) === 0 && i + 1 < end && ids[i] === left && ids[i + 1] === left) {
        const k0 = (i - s0) >> 1;
        const kEnd = (end - s0) >> 1;
        const v = pairs[k0] as number;
        let k = k0 + 1;
        if (v !== 0) while (k < kEnd && pairs[k] === v) k++;
        else while (k < kEnd && Object.is(pairs[k], 0)) k++;
        const next = s0 + 2 * k;
        t.pending += 4 * (next - i); // equal pixels: four zero bytes each
        i = next;
        continue;
      }
      const p = ids[i] as number;
      if (p === left) t.pending += 4;
      else {
        t.rgbDiff(p, left);
        t.pending++; // alpha difference
        acc |= p;
        left = p;
      }
      i++;
    }
  }
  return acc;
}
