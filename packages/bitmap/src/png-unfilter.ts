// Undoing PNG's row filters (PNG spec, W3C REC-PNG-20031110, section 9.2), in place, one function per filter type
// named as the spec (and fast-png's `helpers/unfilter.ts`) name them. Each row is `1 + rowBytes` bytes: the filter
// type, then the filtered bytes; `o` is the row's first byte after the type, `p` the same byte of the row above
// (`prior`, valid when the row is not the first of its pass), `bpp` the bytes per complete pixel (at least 1).
import { PngError } from "./errors.js";

/** Type 0, None: the bytes are the values. */
export function unfilterNone(): void {}

/** Type 1, Sub: each byte adds the byte `bpp` to its left. */
export function unfilterSub(raw: Uint8Array, o: number, rowBytes: number, bpp: number): void {
  for (let i = bpp; i < rowBytes; i++)
    raw[o + i] = ((raw[o + i] as number) + (raw[o + i - bpp] as number)) & 255;
}

/** Type 2, Up: each byte adds the byte above it (nothing on a pass's first row). */
export function unfilterUp(raw: Uint8Array, o: number, p: number, rowBytes: number, first: boolean): void {
  if (first) return;
  for (let i = 0; i < rowBytes; i++) raw[o + i] = ((raw[o + i] as number) + (raw[p + i] as number)) & 255;
}

/** Type 3, Average: each byte adds the floor of the mean of its left and upper neighbours (0 where missing). */
export function unfilterAverage(
  raw: Uint8Array,
  o: number,
  p: number,
  rowBytes: number,
  bpp: number,
  first: boolean,
): void {
  if (first) {
    for (let i = bpp; i < rowBytes; i++)
      raw[o + i] = ((raw[o + i] as number) + ((raw[o + i - bpp] as number) >> 1)) & 255;
    return;
  }
  for (let i = 0; i < bpp && i < rowBytes; i++)
    raw[o + i] = ((raw[o + i] as number) + ((raw[p + i] as number) >> 1)) & 255;
  for (let i = bpp; i < rowBytes; i++)
    raw[o + i] =
      ((raw[o + i] as number) + (((raw[o + i - bpp] as number) + (raw[p + i] as number)) >> 1)) & 255;
}

/** Type 4, Paeth: each byte adds the {@link paeth} predictor of its left, upper and upper-left neighbours. */
export function unfilterPaeth(
  raw: Uint8Array,
  o: number,
  p: number,
  rowBytes: number,
  bpp: number,
  first: boolean,
): void {
  // With no row above, the predictor is always the left byte: Paeth reduces to Sub.
  if (first) {
    unfilterSub(raw, o, rowBytes, bpp);
    return;
  }
  for (let i = 0; i < bpp && i < rowBytes; i++)
    raw[o + i] = ((raw[o + i] as number) + (raw[p + i] as number)) & 255;
  for (let i = bpp; i < rowBytes; i++) {
    const a = raw[o + i - bpp] as number;
    const b = raw[p + i] as number;
    const c = raw[p + i - bpp] as number;
    raw[o + i] = ((raw[o + i] as number) + paeth(a, b, c)) & 255;
  }
}

/** The Paeth predictor (spec section 9.4): whichever of left `a`, above `b`, upper-left `c` is closest to a + b - c. */
export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Undo the per-row filters of one pass in place. `raw[start]` is the first row's filter byte; each row is
 * `1 + rowBytes` long and its predecessor (for Up/Average/Paeth) is the previous row of the same pass.
 */
export function unfilterPass(
  raw: Uint8Array,
  start: number,
  rowBytes: number,
  rows: number,
  bpp: number,
  idatOffset: number,
): void {
  const stride = rowBytes + 1;
  for (let y = 0; y < rows; y++) {
    const f = raw[start + y * stride] as number;
    const o = start + y * stride + 1;
    const p = o - stride;
    const first = y === 0;
    if (f === 0) unfilterNone();
    else if (f === 1) unfilterSub(raw, o, rowBytes, bpp);
    else if (f === 2) unfilterUp(raw, o, p, rowBytes, first);
    else if (f === 3) unfilterAverage(raw, o, p, rowBytes, bpp, first);
    else if (f === 4) unfilterPaeth(raw, o, p, rowBytes, bpp, first);
    else throw new PngError("BAD_DATA", `invalid filter type ${f} on row ${y} of the image data`, idatOffset);
  }
}
