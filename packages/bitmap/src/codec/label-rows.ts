// Pixel-level pieces shared by the two RGBA8 label decoders (label.ts after node:zlib/fflate, label-pixels.ts behind
// label-inflate.ts): ids are the 24 low bits of little-endian RGBA words, so PNG's per-byte filters are undone on
// whole pixels with SWAR (per-byte arithmetic without carries between bytes).
import { PngError } from "../errors.js";

const H = 0x80808080;
const L = 0x7f7f7f7f;
export const ID_MASK = 0xffffff;

/** Per-byte `(d + a) mod 256` of two ids (RGB bytes; the top byte of both is zero, so it stays zero). */
export const addBytes = (d: number, a: number): number => ((d & L) + (a & L)) ^ ((d ^ a) & H);

/** Per-byte floor((a + b) / 2) of two ids, without carries between bytes: the Average filter's predictor. */
export const average = (a: number, b: number): number => (a & b) + (((a ^ b) & 0xfefefefe) >>> 1);

/** PNG's Paeth predictor, byte by byte, on the R, G, B bytes of three ids: left, above, upper left. */
export function paeth(a: number, b: number, c: number): number {
  let out = 0;
  for (let shift = 0; shift < 24; shift += 8) {
    const ab = (a >>> shift) & 255;
    const bb = (b >>> shift) & 255;
    const cb = (c >>> shift) & 255;
    // |p - a|, |p - b|, |p - c| for p = a + b - c
    const pa = Math.abs(bb - cb);
    const pb = Math.abs(ab - cb);
    const pc = Math.abs(ab + bb - 2 * cb);
    out |= (pa <= pb && pa <= pc ? ab : pb <= pc ? bb : cb) << shift;
  }
  return out;
}

/**
 * Unfilter row `y` whose filtered RGBA bytes (without the filter tag) already sit at their aligned place in the ids
 * (`out[r .. r + width)`), for filter types None, Average and Paeth, and Up on the first row (= None), pixel by
 * pixel. Alpha is dropped. Sub and Up rows have a faster path in label.ts.
 */
export function unfilterAlignedRow(
  out: Uint32Array,
  f: number,
  y: number,
  width: number,
  idatOffset: number,
): void {
  const r = y * width;
  switch (f) {
    case 0:
    case 2: // Up on the first row is None
      for (let i = r; i < r + width; i++) out[i] = (out[i] as number) & ID_MASK;
      return;
    case 3: {
      let left = 0;
      for (let i = r; i < r + width; i++) {
        left = addBytes(
          (out[i] as number) & ID_MASK,
          average(left, y === 0 ? 0 : (out[i - width] as number)),
        );
        out[i] = left;
      }
      return;
    }
    case 4: {
      let left = 0;
      for (let i = r; i < r + width; i++) {
        const above = y === 0 ? 0 : (out[i - width] as number);
        const upperLeft = y === 0 || i === r ? 0 : (out[i - width - 1] as number);
        left = addBytes((out[i] as number) & ID_MASK, paeth(left, above, upperLeft));
        out[i] = left;
      }
      return;
    }
    default:
      throw new PngError("BAD_DATA", `invalid filter type ${f} on row ${y} of the image data`, idatOffset);
  }
}
