// PNG encoding shared by every entry: sample packing, row filtering and chunk writing. Imports no Node module;
// compression goes through the ZlibBackend passed in.
import { crc32 as jsCrc32 } from "./crc32.js";
import { describe } from "./describe.js";
import { PngError } from "./errors.js";
import { PNG_SIGNATURE, rowBytesOf } from "./png-chunks.js";
import { paeth } from "./png-unfilter.js";
import type { PngBitDepth } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

/** Row filter choice: a PNG filter type (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) by name or number, or "adaptive". */
export type PngFilter = "none" | "sub" | "up" | "average" | "paeth" | "adaptive" | 0 | 1 | 2 | 3 | 4;

/** Input of {@link encodePng}. */
export interface EncodePngInput {
  width: number;
  height: number;
  /**
   * Samples, row-major, channels interleaved, one sample per element (also for bit depths below 8): `Uint16Array`
   * (or any array of numbers) for 16-bit images; palette images hold palette indices.
   */
  data: Uint8Array | Uint8ClampedArray | Uint16Array | readonly number[];
  colorType: "rgba" | "rgb" | "gray" | "gray-alpha" | "palette";
  /** 8 (default), 16 (rgba, rgb, gray, gray-alpha), or 1, 2, 4 (gray, palette). */
  bitDepth?: PngBitDepth;
  /** Palette entries (colorType "palette"): RGB triples, flat or as `[r, g, b]` / `[r, g, b, a]` tuples (alpha -> tRNS). */
  palette?: Uint8Array | readonly number[] | readonly (readonly number[])[];
  /** Row filter (default: "adaptive" for 8/16-bit truecolour and gray, "none" for palette and sub-byte depths). */
  filter?: PngFilter;
  /** zlib level 0-9 (default 6). */
  level?: number;
}

const COLOR_CODE = { gray: 0, rgb: 2, palette: 3, "gray-alpha": 4, rgba: 6 } as const;
const CHANNELS = { gray: 1, rgb: 3, palette: 1, "gray-alpha": 2, rgba: 4 } as const;
const FILTER_CODE = { none: 0, sub: 1, up: 2, average: 3, paeth: 4 } as const;

/** Write `signature + IHDR + extra chunks + IDAT + IEND` around an already compressed stream. */
export function writePng(
  width: number,
  height: number,
  bitDepth: number,
  colorCode: number,
  extra: readonly (readonly [string, Uint8Array])[],
  idat: Uint8Array,
  crcFn?: ((data: Uint8Array, value?: number) => number) | undefined,
): Uint8Array {
  let size = 8 + 25 + 12 + 12 + idat.length;
  for (const [, d] of extra) size += 12 + d.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let pos = 8;
  const chunk = (type: string, data: Uint8Array | null, len: number) => {
    view.setUint32(pos, len);
    for (let i = 0; i < 4; i++) out[pos + 4 + i] = type.charCodeAt(i);
    if (data) out.set(data, pos + 8);
    const end = pos + 8 + len;
    const crc = crcFn && len > 4096 ? crcFn(out.subarray(pos + 4, end)) : jsCrc32(out, pos + 4, end);
    view.setUint32(end, crc >>> 0);
    pos = end + 4;
  };
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr[8] = bitDepth;
  ihdr[9] = colorCode;
  chunk("IHDR", ihdr, 13);
  for (const [t, d] of extra) chunk(t, d, d.length);
  chunk("IDAT", idat, idat.length);
  chunk("IEND", null, 0);
  return out;
}

export function checkSize(width: number, height: number): void {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > 0x7fffffff ||
    height > 0x7fffffff
  )
    throw new PngError(
      "BAD_INPUT",
      `invalid image size ${width}x${height}: width and height must be positive integers`,
    );
}

/** Core of `encodePng`. */
export function encodePngWith(img: EncodePngInput, zlib: ZlibBackend): Uint8Array {
  const input = checkInput(img);
  const extra: [string, Uint8Array][] = [];
  if (input.colorType === "palette") extra.push(...paletteChunks(img.palette, input));
  else checkSamples(input);
  const defaultFilter: PngFilter = input.colorType === "palette" || input.bitDepth < 8 ? "none" : "adaptive";
  const f = img.filter ?? defaultFilter;
  const fixed = typeof f === "number" ? f : f === "adaptive" ? -1 : FILTER_CODE[f];
  if (fixed === undefined || fixed > 4 || fixed < -1)
    throw new PngError("BAD_INPUT", `unknown filter ${String(f)}`);
  const idat = zlib.deflate(filterRows(input, fixed), { level: img.level ?? 6 });
  const { width, height, bitDepth } = input;
  return writePng(width, height, bitDepth, COLOR_CODE[input.colorType], extra, idat, zlib.crc32);
}

/** `encodePng`'s input, checked: its size, colour type, bit depth and number of samples. */
interface CheckedInput {
  width: number;
  height: number;
  colorType: EncodePngInput["colorType"];
  channels: number;
  bitDepth: PngBitDepth;
  data: EncodePngInput["data"];
  /** Samples: width * height * channels. */
  n: number;
}

function checkInput(img: EncodePngInput): CheckedInput {
  if (typeof img !== "object" || img === null)
    throw new PngError(
      "BAD_INPUT",
      `encodePng expects { width, height, data, colorType }, got ${describe(img)}`,
    );
  const { width, height, colorType } = img;
  checkSize(width, height);
  if (COLOR_CODE[colorType] === undefined)
    throw new PngError("BAD_INPUT", `unknown colorType ${JSON.stringify(colorType)}`);
  const channels = CHANNELS[colorType];
  const bitDepth = img.bitDepth ?? 8;
  const allowed = colorType === "gray" ? [1, 2, 4, 8, 16] : colorType === "palette" ? [1, 2, 4, 8] : [8, 16];
  if (!allowed.includes(bitDepth))
    throw new PngError(
      "BAD_INPUT",
      `bitDepth ${bitDepth} is not allowed for colorType ${colorType} (use ${allowed.join(", ")})`,
    );
  const n = width * height * channels;
  const data = img.data;
  if (!ArrayBuffer.isView(data) && !Array.isArray(data))
    throw new PngError("BAD_INPUT", `encodePng: data must be an array of samples, got ${describe(data)}`);
  if (data.length !== n)
    throw new PngError(
      "BAD_INPUT",
      `data has ${data.length} samples, expected ${width}x${height}x${channels} = ${n} for ${colorType}`,
    );
  return { width, height, colorType, channels, bitDepth, data, n };
}

/** PLTE (and tRNS) of a palette image, once every index is checked to point into the palette. */
function paletteChunks(palette: EncodePngInput["palette"], input: CheckedInput): [string, Uint8Array][] {
  const { plte, trns } = normalizePalette(palette);
  const entries = plte.length / 3;
  if (entries > 2 ** input.bitDepth)
    throw new PngError(
      "BAD_INPUT",
      `palette has ${entries} entries, more than a ${input.bitDepth}-bit image can index`,
    );
  for (let i = 0; i < input.n; i++) {
    const v = input.data[i] as number;
    if (!(v >= 0 && v < entries && Number.isInteger(v)))
      throw new PngError(
        "BAD_INPUT",
        `palette index ${v} at sample ${i} is outside the ${entries}-entry palette`,
      );
  }
  return trns
    ? [
        ["PLTE", plte],
        ["tRNS", trns],
      ]
    : [["PLTE", plte]];
}

/** Every sample must fit the bit depth (8-bit byte arrays always do). */
function checkSamples({ data, bitDepth, n }: CheckedInput): void {
  if ((data instanceof Uint8Array || data instanceof Uint8ClampedArray) && bitDepth >= 8) return;
  const maxSample = 2 ** bitDepth - 1;
  for (let i = 0; i < n; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v <= maxSample && Number.isInteger(v)))
      throw new PngError("BAD_INPUT", `sample ${v} at index ${i} does not fit in ${bitDepth} bits`);
  }
}

/**
 * The filtered rows (each its filter type, then its bytes): filter type `fixed` on every row, or with -1 (adaptive)
 * libpng's heuristic, the filter whose output has the smallest sum of absolute (signed) values.
 */
function filterRows(input: CheckedInput, fixed: number): Uint8Array {
  const { width, height, channels, bitDepth, data } = input;
  const rowBytes = rowBytesOf(width, channels, bitDepth);
  const bpp = Math.max(1, (channels * bitDepth) >> 3);
  const filtered = new Uint8Array(height * (rowBytes + 1));
  let prev = new Uint8Array(rowBytes);
  let cur = new Uint8Array(rowBytes);
  const trial = fixed === -1 ? new Uint8Array(rowBytes) : cur;
  const samplesPerRow = width * channels;
  for (let y = 0; y < height; y++) {
    packRow(data, y * samplesPerRow, samplesPerRow, bitDepth, cur);
    const o = y * (rowBytes + 1);
    let type = fixed;
    if (type < 0) {
      let bestSum = Number.POSITIVE_INFINITY;
      for (let t = 0; t <= 4; t++) {
        filterRow(t, cur, prev, bpp, trial, 0);
        let s = 0;
        for (let i = 0; i < rowBytes; i++) {
          const v = trial[i] as number;
          s += v < 128 ? v : 256 - v;
        }
        if (s < bestSum) {
          bestSum = s;
          type = t;
        }
      }
    }
    filtered[o] = type;
    filterRow(type, cur, prev, bpp, filtered, o + 1);
    const t = prev;
    prev = cur;
    cur = t;
  }
  return filtered;
}

function packRow(
  data: EncodePngInput["data"],
  start: number,
  count: number,
  bitDepth: number,
  out: Uint8Array,
): void {
  if (bitDepth === 8) {
    if (data instanceof Uint8Array || data instanceof Uint8ClampedArray)
      out.set(data.subarray(start, start + count));
    else for (let i = 0; i < count; i++) out[i] = data[start + i] as number;
  } else if (bitDepth === 16) {
    for (let i = 0; i < count; i++) {
      const v = data[start + i] as number;
      out[2 * i] = v >> 8;
      out[2 * i + 1] = v & 255;
    }
  } else {
    out.fill(0);
    const perByte = 8 / bitDepth;
    for (let i = 0; i < count; i++) {
      const shift = 8 - bitDepth * ((i % perByte) + 1);
      out[Math.floor(i / perByte)] =
        (out[Math.floor(i / perByte)] as number) | ((data[start + i] as number) << shift);
    }
  }
}

/**
 * Apply PNG filter `t` (PNG spec section 9.2) to `cur`, the previous row being `prev` (zeros for the first row),
 * into `out[o...]`: one function per filter type, named as the spec names them (the inverses are in png-unfilter.ts).
 */
export function filterRow(
  t: number,
  cur: Uint8Array,
  prev: Uint8Array,
  bpp: number,
  out: Uint8Array,
  o: number,
): void {
  if (t === 0) filterNone(cur, out, o);
  else if (t === 1) filterSub(cur, bpp, out, o);
  else if (t === 2) filterUp(cur, prev, out, o);
  else if (t === 3) filterAverage(cur, prev, bpp, out, o);
  else filterPaeth(cur, prev, bpp, out, o);
}

/** Type 0, None: the bytes as they are. */
export function filterNone(cur: Uint8Array, out: Uint8Array, o: number): void {
  out.set(cur, o);
}

/** Type 1, Sub: each byte minus the byte `bpp` to its left. */
export function filterSub(cur: Uint8Array, bpp: number, out: Uint8Array, o: number): void {
  const n = cur.length;
  for (let i = 0; i < bpp && i < n; i++) out[o + i] = cur[i] as number;
  for (let i = bpp; i < n; i++) out[o + i] = ((cur[i] as number) - (cur[i - bpp] as number)) & 255;
}

/** Type 2, Up: each byte minus the byte above it. */
export function filterUp(cur: Uint8Array, prev: Uint8Array, out: Uint8Array, o: number): void {
  for (let i = 0; i < cur.length; i++) out[o + i] = ((cur[i] as number) - (prev[i] as number)) & 255;
}

/** Type 3, Average: each byte minus the floor of the mean of its left and upper neighbours. */
export function filterAverage(
  cur: Uint8Array,
  prev: Uint8Array,
  bpp: number,
  out: Uint8Array,
  o: number,
): void {
  for (let i = 0; i < cur.length; i++) {
    const a = i >= bpp ? (cur[i - bpp] as number) : 0;
    out[o + i] = ((cur[i] as number) - ((a + (prev[i] as number)) >> 1)) & 255;
  }
}

/** Type 4, Paeth: each byte minus the Paeth predictor of its left, upper and upper-left neighbours. */
export function filterPaeth(
  cur: Uint8Array,
  prev: Uint8Array,
  bpp: number,
  out: Uint8Array,
  o: number,
): void {
  for (let i = 0; i < cur.length; i++) {
    const a = i >= bpp ? (cur[i - bpp] as number) : 0;
    const c = i >= bpp ? (prev[i - bpp] as number) : 0;
    out[o + i] = ((cur[i] as number) - paeth(a, prev[i] as number, c)) & 255;
  }
}

function normalizePalette(p: EncodePngInput["palette"]): { plte: Uint8Array; trns: Uint8Array | undefined } {
  if (!p || p.length === 0) throw new PngError("BAD_INPUT", "colorType palette needs a non-empty palette");
  const first = p[0];
  if (typeof first === "number") {
    const flat = p as ArrayLike<number>;
    if (flat.length % 3 !== 0)
      throw new PngError("BAD_INPUT", `flat palette length ${flat.length} is not a multiple of 3`);
    if (flat.length > 768)
      throw new PngError("BAD_INPUT", `palette has ${flat.length / 3} entries, at most 256 allowed`);
    return { plte: Uint8Array.from(flat as ArrayLike<number>), trns: undefined };
  }
  const entries = p as readonly (readonly number[])[];
  if (entries.length > 256)
    throw new PngError("BAD_INPUT", `palette has ${entries.length} entries, at most 256 allowed`);
  const plte = new Uint8Array(entries.length * 3);
  const alpha = new Uint8Array(entries.length);
  let lastOpaque = -1;
  entries.forEach((e, i) => {
    plte[3 * i] = e[0] ?? 0;
    plte[3 * i + 1] = e[1] ?? 0;
    plte[3 * i + 2] = e[2] ?? 0;
    alpha[i] = e[3] ?? 255;
    if ((alpha[i] as number) !== 255) lastOpaque = i;
  });
  return { plte, trns: lastOpaque >= 0 ? alpha.slice(0, lastOpaque + 1) : undefined };
}
