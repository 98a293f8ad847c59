// Row-level pieces shared by the two RGBA8 label decoders (label.ts after node:zlib/fflate, label-inflate.ts on its
// own inflate): ids are the 24 low bits of little-endian RGBA words, so PNG's per-byte filters are undone on whole
// pixels with SWAR (per-byte arithmetic without carries between bytes).
import { PngError } from "./errors.js";

const H = 0x80808080;
const L = 0x7f7f7f7f;
export const ID_MASK = 0xffffff;

/** Per-byte `(d + a) mod 256` of two ids (RGB bytes; the top byte of both is zero, so it stays zero). */
export const addBytes = (d: number, a: number): number => ((d & L) + (a & L)) ^ ((d ^ a) & H);

/**
 * Unfilter row `y` whose filtered RGBA bytes (without the filter tag) already sit at their aligned place in the ids
 * (`out[r .. r + width)`, `out8` the byte view of `out`), for filter types None, Average and Paeth, and Up on the
 * first row (= None). Alpha is dropped. Sub and Up rows have faster, decoder-specific paths.
 */
export function unfilterAlignedRow(
  out: Uint32Array,
  out8: Uint8Array,
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
        const d = (out[i] as number) & ID_MASK;
        const u = y === 0 ? 0 : (out[i - width] as number);
        // Per-byte floor((left + up) / 2) without carries, then per-byte add.
        left = addBytes(d, (left & u) + (((left ^ u) & 0xfefefefe) >>> 1));
        out[i] = left;
      }
      return;
    }
    case 4: {
      // Paeth is not linear: byte by byte on the RGB bytes (alpha is dropped anyway).
      const stride = width * 4;
      const o = y * stride;
      for (let x = 0; x < width; x++) {
        const q = o + 4 * x;
        for (let c = 0; c < 3; c++) {
          const a = x > 0 ? (out8[q + c - 4] as number) : 0;
          const b = y > 0 ? (out8[q + c - stride] as number) : 0;
          const cc = x > 0 && y > 0 ? (out8[q + c - stride - 4] as number) : 0;
          const pp = a + b - cc;
          const pa = pp > a ? pp - a : a - pp;
          const pb = pp > b ? pp - b : b - pp;
          const pc = pp > cc ? pp - cc : cc - pp;
          out8[q + c] = ((out8[q + c] as number) + (pa <= pb && pa <= pc ? a : pb <= pc ? b : cc)) & 255;
        }
        out8[q + 3] = 0;
      }
      return;
    }
    default:
      throw new PngError("BAD_DATA", `invalid filter type ${f} on row ${y} of the image data`, idatOffset);
  }
}
