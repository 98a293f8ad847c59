// PNG decoding shared by every entry: chunk parsing, CRC checks, limits, unfiltering, Adam7 de-interlacing and
// sample extraction. Imports no Node module; inflation goes through the ZlibBackend passed in.
import { crc32 as jsCrc32 } from "./crc32.js";
import { describe } from "./describe.js";
import { PngError } from "./errors.js";
import type { DecodedPng, PngBitDepth, PngColorType } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

/** Options of {@link decodePng}. */
export interface DecodePngOptions {
  /**
   * Largest accepted width * height, checked from IHDR before anything is allocated. Default 2^28 (268 M pixels,
   * e.g. 16384 x 16384). Inflation is further bounded by the exact size the IHDR implies.
   */
  maxPixels?: number;
  /**
   * Largest number of bytes the call may allocate for the image: the inflated rows plus every output buffer (16-bit
   * samples take two bytes each, and `decodeLabelBitmap` adds four bytes of id per pixel). Checked from IHDR before
   * anything is inflated. Default {@link DEFAULT_MAX_MEMORY_BYTES} (1 GiB); `Infinity` turns it off.
   */
  maxMemoryBytes?: number;
  /** Verify every chunk's CRC-32 (default true). */
  checkCrc?: boolean;
}

export const DEFAULT_MAX_PIXELS = 2 ** 28;

/**
 * Default `maxMemoryBytes` of the decoders: 1 GiB. The pixel limit alone does not bound memory, since a pixel takes
 * 1 to 8 bytes in the rows and as many again in the output: a 2 MiB file can declare a 16-bit RGBA image of 2^28
 * pixels whose decode would take about 5 GiB.
 */
export const DEFAULT_MAX_MEMORY_BYTES = 2 ** 30;

export const PNG_SIGNATURE = /* @__PURE__ */ Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

const COLOR_TYPES: Record<
  number,
  { name: PngColorType; channels: 1 | 2 | 3 | 4; depths: readonly number[] }
> = {
  0: { name: "gray", channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { name: "rgb", channels: 3, depths: [8, 16] },
  3: { name: "palette", channels: 1, depths: [1, 2, 4, 8] },
  4: { name: "gray-alpha", channels: 2, depths: [8, 16] },
  6: { name: "rgba", channels: 4, depths: [8, 16] },
};

/** Adam7 passes: x start, y start, x step, y step. */
export const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: PngBitDepth;
  colorType: PngColorType;
  channels: 1 | 2 | 3 | 4;
  interlaced: boolean;
}

export interface ParsedPng {
  header: PngHeader;
  idat: Uint8Array;
  /** Byte offset of the first IDAT chunk (for error messages). */
  idatOffset: number;
  palette: Uint8Array | undefined;
  trns: Uint8Array | undefined;
}

const u32be = (b: Uint8Array, i: number) =>
  (((b[i] as number) << 24) |
    ((b[i + 1] as number) << 16) |
    ((b[i + 2] as number) << 8) |
    (b[i + 3] as number)) >>>
  0;

const chunkName = (b: Uint8Array, i: number) =>
  String.fromCharCode(b[i] as number, b[i + 1] as number, b[i + 2] as number, b[i + 3] as number);

export function toBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError(
    `expected PNG bytes as a Uint8Array, Buffer, ArrayBuffer or ArrayBufferView, got ${describe(input)}`,
  );
}

/** Bytes per row of `width` pixels, without the filter byte. */
export const rowBytesOf = (width: number, channels: number, bitDepth: number) =>
  Math.ceil((width * channels * bitDepth) / 8);

/** The exact inflated size of the image data (filter bytes included) implied by the header. */
export function expectedRawSize(h: PngHeader): number {
  if (!h.interlaced) return h.height * (1 + rowBytesOf(h.width, h.channels, h.bitDepth));
  let size = 0;
  for (const [xs, ys, dx, dy] of ADAM7) {
    const pw = Math.ceil((h.width - xs) / dx);
    const ph = Math.ceil((h.height - ys) / dy);
    if (pw > 0 && ph > 0) size += ph * (1 + rowBytesOf(pw, h.channels, h.bitDepth));
  }
  return size;
}

/** `options.maxPixels`, or the default, checked: a positive integer, or Infinity for no limit. */
export function maxPixelsOf(options: { maxPixels?: number }, caller?: string): number {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (
    !(
      typeof maxPixels === "number" &&
      maxPixels >= 1 &&
      (Number.isInteger(maxPixels) || maxPixels === Infinity)
    )
  )
    throw new RangeError(
      `${caller ? `${caller}: ` : ""}maxPixels must be a positive integer, or Infinity for no limit (got ${describe(maxPixels)})`,
    );
  return maxPixels;
}

/** `options.maxMemoryBytes`, or the default, checked: a positive integer, or Infinity for no limit. */
export function maxMemoryOf(options: { maxMemoryBytes?: number }, caller?: string): number {
  const limit = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  if (!(typeof limit === "number" && limit >= 1 && (Number.isInteger(limit) || limit === Infinity)))
    throw new RangeError(
      `${caller ? `${caller}: ` : ""}maxMemoryBytes must be a positive integer, or Infinity for no limit (got ${describe(limit)})`,
    );
  return limit;
}

/** Bytes of the samples `decodePng` returns for this header: one or two bytes per sample (16-bit). */
export const sampleBytesOf = (h: PngHeader): number =>
  h.width * h.height * h.channels * (h.bitDepth === 16 ? 2 : 1);

/**
 * Throws a `TOO_LARGE` {@link PngError} when the inflated rows plus `outputBytes` (what the caller allocates from
 * them) exceed `options.maxMemoryBytes`. Called from IHDR's sizes, before anything is inflated.
 */
export function checkMemory(h: PngHeader, outputBytes: number, options: DecodePngOptions): void {
  const limit = maxMemoryOf(options);
  const rows = expectedRawSize(h);
  const total = rows + outputBytes;
  if (total > limit)
    throw new PngError(
      "TOO_LARGE",
      `decoding this ${h.width}x${h.height} ${h.bitDepth}-bit ${h.colorType} image needs ${total} bytes ` +
        `(${rows} of inflated rows, ${outputBytes} of output), more than the limit of ${limit} bytes (maxMemoryBytes)`,
      8,
    );
}

/** Walk the chunks: validate structure, CRCs and IHDR, and gather PLTE, tRNS and the IDAT stream. */
export function parsePng(
  bytes: Uint8Array,
  options: DecodePngOptions,
  crcFn: ((data: Uint8Array, value?: number) => number) | undefined,
): ParsedPng {
  const maxPixels = maxPixelsOf(options);
  maxMemoryOf(options);
  const checkCrc = options.checkCrc ?? true;
  if (bytes.length < 8)
    throw new PngError("TRUNCATED", `file is ${bytes.length} bytes, shorter than the 8-byte signature`);
  for (let i = 0; i < 8; i++)
    if (bytes[i] !== PNG_SIGNATURE[i])
      throw new PngError("BAD_SIGNATURE", "not a PNG file: the first 8 bytes are not the PNG signature", i);

  let header: PngHeader | undefined;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idatParts: Uint8Array[] = [];
  let idatSize = 0;
  let idatOffset = -1;
  let idatEnded = false;
  let pos = 8;
  let sawEnd = false;

  while (pos < bytes.length) {
    if (pos + 12 > bytes.length)
      throw new PngError(
        "TRUNCATED",
        `file ends inside a chunk header (${bytes.length - pos} bytes left)`,
        pos,
      );
    const len = u32be(bytes, pos);
    const type = chunkName(bytes, pos + 4);
    if (len > 0x7fffffff)
      throw new PngError("BAD_CHUNK", `chunk ${JSON.stringify(type)} has invalid length ${len}`, pos);
    if (!/^[A-Za-z]{4}$/.test(type))
      throw new PngError("BAD_CHUNK", `invalid chunk type ${JSON.stringify(type)}`, pos);
    const dataStart = pos + 8;
    const dataEnd = dataStart + len;
    if (dataEnd + 4 > bytes.length)
      throw new PngError(
        "TRUNCATED",
        `file ends inside the ${type} chunk (needs ${len + 12} bytes, ${bytes.length - pos} left)`,
        pos,
      );
    if (checkCrc) {
      const want = u32be(bytes, dataEnd);
      const got =
        crcFn && len > 4096
          ? crcFn(bytes.subarray(pos + 4, dataEnd)) >>> 0
          : jsCrc32(bytes, pos + 4, dataEnd);
      if (got !== want)
        throw new PngError(
          "BAD_CRC",
          `bad CRC in ${type} chunk: stored 0x${want.toString(16).padStart(8, "0")}, computed 0x${got.toString(16).padStart(8, "0")}`,
          pos,
        );
    }
    if (!header && type !== "IHDR")
      throw new PngError("BAD_CHUNK", `first chunk is ${type}, expected IHDR`, pos);

    switch (type) {
      case "IHDR": {
        if (header) throw new PngError("BAD_CHUNK", "more than one IHDR chunk", pos);
        if (len !== 13) throw new PngError("BAD_HEADER", `IHDR has length ${len}, expected 13`, pos);
        header = parseIhdr(bytes, dataStart, maxPixels);
        break;
      }
      case "PLTE": {
        if (len % 3 !== 0 || len === 0 || len > 768)
          throw new PngError("BAD_CHUNK", `PLTE length ${len} is not 3 to 768 and a multiple of 3`, pos);
        if (idatOffset >= 0) throw new PngError("BAD_CHUNK", "PLTE after IDAT", pos);
        palette = bytes.slice(dataStart, dataEnd);
        break;
      }
      case "tRNS": {
        trns = bytes.slice(dataStart, dataEnd);
        break;
      }
      case "IDAT": {
        if (idatEnded) throw new PngError("BAD_CHUNK", "IDAT chunks are not consecutive", pos);
        if (idatOffset < 0) idatOffset = pos;
        idatParts.push(bytes.subarray(dataStart, dataEnd));
        idatSize += len;
        break;
      }
      case "IEND": {
        sawEnd = true;
        break;
      }
      default: {
        // Bit 5 of the first byte clear = critical chunk: we cannot safely ignore one we do not know.
        if (((bytes[pos + 4] as number) & 0x20) === 0)
          throw new PngError("UNSUPPORTED", `unknown critical chunk ${JSON.stringify(type)}`, pos);
      }
    }
    if (type !== "IDAT" && idatOffset >= 0) idatEnded = true;
    pos = dataEnd + 4;
    if (sawEnd) break;
  }

  if (!header) throw new PngError("TRUNCATED", "no IHDR chunk", 8);
  if (idatOffset < 0)
    throw new PngError(sawEnd ? "BAD_CHUNK" : "TRUNCATED", "no IDAT chunk (no image data)", pos);
  if (!sawEnd) throw new PngError("TRUNCATED", "file ends before the IEND chunk", pos);
  if (header.colorType === "palette" && !palette)
    throw new PngError("BAD_CHUNK", "palette image without a PLTE chunk", idatOffset);

  let idat: Uint8Array;
  if (idatParts.length === 1) idat = idatParts[0] as Uint8Array;
  else {
    idat = new Uint8Array(idatSize);
    let o = 0;
    for (const part of idatParts) {
      idat.set(part, o);
      o += part.length;
    }
  }
  return { header, idat, idatOffset, palette, trns };
}

function parseIhdr(b: Uint8Array, i: number, maxPixels: number): PngHeader {
  const width = u32be(b, i);
  const height = u32be(b, i + 4);
  const bitDepth = b[i + 8] as number;
  const ct = b[i + 9] as number;
  const at = i - 8;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
    throw new PngError("BAD_HEADER", `invalid image size ${width}x${height}`, at);
  const info = COLOR_TYPES[ct];
  if (!info) throw new PngError("BAD_HEADER", `invalid colour type ${ct}`, at);
  if (!info.depths.includes(bitDepth))
    throw new PngError(
      "BAD_HEADER",
      `bit depth ${bitDepth} is not allowed for colour type ${ct} (${info.name})`,
      at,
    );
  if (b[i + 10] !== 0) throw new PngError("UNSUPPORTED", `unknown compression method ${b[i + 10]}`, at);
  if (b[i + 11] !== 0) throw new PngError("UNSUPPORTED", `unknown filter method ${b[i + 11]}`, at);
  const il = b[i + 12] as number;
  if (il > 1) throw new PngError("UNSUPPORTED", `unknown interlace method ${il}`, at);
  if (width * height > maxPixels)
    throw new PngError(
      "TOO_LARGE",
      `image is ${width}x${height} = ${width * height} pixels, more than the limit of ${maxPixels} (maxPixels)`,
      at,
    );
  return {
    width,
    height,
    bitDepth: bitDepth as PngBitDepth,
    colorType: info.name,
    channels: info.channels,
    interlaced: il === 1,
  };
}

/** Inflate the IDAT stream to exactly the size the header implies, with clear errors. */
export function inflateImage(p: ParsedPng, zlib: ZlibBackend): Uint8Array {
  const expected = expectedRawSize(p.header);
  let raw: Uint8Array;
  try {
    raw = zlib.inflate(p.idat, expected);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /larger than|too large|buffer/i.test(msg))
      throw new PngError(
        "BAD_DATA",
        `image data inflates to more than the ${expected} bytes IHDR implies`,
        p.idatOffset,
        {
          cause: e,
        },
      );
    if (/unexpected end|EOF|Z_BUF_ERROR/i.test(msg) || code === "Z_BUF_ERROR")
      throw new PngError("TRUNCATED", `compressed image data ends early (${msg})`, p.idatOffset, {
        cause: e,
      });
    throw new PngError("BAD_DATA", `corrupt compressed image data (${msg})`, p.idatOffset, { cause: e });
  }
  if (raw.length < expected)
    throw new PngError(
      "TRUNCATED",
      `image data ends early: inflated to ${raw.length} of the ${expected} bytes IHDR implies`,
      p.idatOffset,
    );
  return raw.length === expected ? raw : raw.subarray(0, expected);
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
    const p = o - stride; // previous row (only valid when y > 0)
    switch (f) {
      case 0:
        break;
      case 1:
        for (let i = bpp; i < rowBytes; i++)
          raw[o + i] = ((raw[o + i] as number) + (raw[o + i - bpp] as number)) & 255;
        break;
      case 2:
        if (y > 0)
          for (let i = 0; i < rowBytes; i++)
            raw[o + i] = ((raw[o + i] as number) + (raw[p + i] as number)) & 255;
        break;
      case 3:
        if (y === 0) {
          for (let i = bpp; i < rowBytes; i++)
            raw[o + i] = ((raw[o + i] as number) + ((raw[o + i - bpp] as number) >> 1)) & 255;
        } else {
          for (let i = 0; i < bpp && i < rowBytes; i++)
            raw[o + i] = ((raw[o + i] as number) + ((raw[p + i] as number) >> 1)) & 255;
          for (let i = bpp; i < rowBytes; i++)
            raw[o + i] =
              ((raw[o + i] as number) + (((raw[o + i - bpp] as number) + (raw[p + i] as number)) >> 1)) & 255;
        }
        break;
      case 4:
        if (y === 0) {
          // Paeth with no row above reduces to Sub.
          for (let i = bpp; i < rowBytes; i++)
            raw[o + i] = ((raw[o + i] as number) + (raw[o + i - bpp] as number)) & 255;
        } else {
          for (let i = 0; i < bpp && i < rowBytes; i++)
            raw[o + i] = ((raw[o + i] as number) + (raw[p + i] as number)) & 255;
          for (let i = bpp; i < rowBytes; i++) {
            const a = raw[o + i - bpp] as number;
            const b = raw[p + i] as number;
            const c = raw[p + i - bpp] as number;
            raw[o + i] = ((raw[o + i] as number) + paeth(a, b, c)) & 255;
          }
        }
        break;
      default:
        throw new PngError("BAD_DATA", `invalid filter type ${f} on row ${y} of the image data`, idatOffset);
    }
  }
}

export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Unfilter every pass in place and return each pass's geometry. */
function unfilterAll(raw: Uint8Array, h: PngHeader, idatOffset: number) {
  const bpp = Math.max(1, (h.channels * h.bitDepth) >> 3);
  const passes: {
    start: number;
    pw: number;
    ph: number;
    xs: number;
    ys: number;
    dx: number;
    dy: number;
    rowBytes: number;
  }[] = [];
  const list = h.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let start = 0;
  for (const [xs, ys, dx, dy] of list) {
    const pw = Math.ceil((h.width - xs) / dx);
    const ph = Math.ceil((h.height - ys) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = rowBytesOf(pw, h.channels, h.bitDepth);
    unfilterPass(raw, start, rowBytes, ph, bpp, idatOffset);
    passes.push({ start, pw, ph, xs, ys, dx, dy, rowBytes });
    start += ph * (rowBytes + 1);
  }
  return passes;
}

/**
 * Core of `decodePng`: bytes to raw samples in the file's format. `extraBytesPerPixel` is what the caller allocates
 * per pixel from the result (ids, RGBA), counted against `maxMemoryBytes` with the rows and the samples.
 */
export function decodePngWith(
  input: Uint8Array | ArrayBuffer | ArrayBufferView,
  options: DecodePngOptions,
  zlib: ZlibBackend,
  extraBytesPerPixel = 0,
): DecodedPng {
  const bytes = toBytes(input);
  const parsed = parsePng(bytes, options, zlib.crc32);
  const h = parsed.header;
  checkMemory(h, sampleBytesOf(h) + extraBytesPerPixel * h.width * h.height, options);
  const raw = inflateImage(parsed, zlib);
  const passes = unfilterAll(raw, h, parsed.idatOffset);
  const { width, height, channels, bitDepth } = h;
  const n = width * height * channels;
  const data = bitDepth === 16 ? new Uint16Array(n) : new Uint8Array(n);
  for (const ps of passes) {
    for (let y = 0; y < ps.ph; y++) {
      const o = ps.start + y * (ps.rowBytes + 1) + 1;
      const dstRow = ((ps.ys + y * ps.dy) * width + ps.xs) * channels;
      const dstStep = ps.dx * channels;
      if (bitDepth === 8) {
        if (ps.dx === 1) (data as Uint8Array).set(raw.subarray(o, o + ps.rowBytes), dstRow);
        else
          for (let x = 0; x < ps.pw; x++)
            for (let c = 0; c < channels; c++)
              data[dstRow + x * dstStep + c] = raw[o + x * channels + c] as number;
      } else if (bitDepth === 16) {
        for (let x = 0; x < ps.pw; x++)
          for (let c = 0; c < channels; c++) {
            const s = o + (x * channels + c) * 2;
            data[dstRow + x * dstStep + c] = ((raw[s] as number) << 8) | (raw[s + 1] as number);
          }
      } else {
        // 1, 2 or 4 bits, one channel (gray or palette): unpack, most significant bits first.
        const perByte = 8 / bitDepth;
        const mask = (1 << bitDepth) - 1;
        for (let x = 0; x < ps.pw; x++) {
          const byte = raw[o + Math.floor(x / perByte)] as number;
          const shift = 8 - bitDepth * ((x % perByte) + 1);
          data[dstRow + x * dstStep] = (byte >> shift) & mask;
        }
      }
    }
  }
  const out: DecodedPng = {
    width,
    height,
    colorType: h.colorType,
    bitDepth,
    channels,
    data,
    interlaced: h.interlaced,
  };
  if (parsed.palette) out.palette = parsed.palette;
  if (parsed.trns) {
    if (h.colorType === "palette") out.transparency = parsed.trns;
    else if (h.colorType === "gray" || h.colorType === "rgb") {
      const k = h.colorType === "gray" ? 1 : 3;
      const t = new Uint16Array(k);
      for (let i = 0; i < k && 2 * i + 1 < parsed.trns.length; i++)
        t[i] = ((parsed.trns[2 * i] as number) << 8) | (parsed.trns[2 * i + 1] as number);
      out.transparency = t;
    }
  }
  return out;
}
