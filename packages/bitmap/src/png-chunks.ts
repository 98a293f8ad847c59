// PNG structure, shared by every entry: the chunks, their CRCs and order, the header, and the limits checked from it
// before anything is inflated (PNG spec, W3C REC-PNG-20031110, sections 5 and 11).
import { crc32 as jsCrc32 } from "./crc32.js";
import { describe } from "./describe.js";
import { PngError } from "./errors.js";
import type { PngBitDepth, PngColorType } from "./types.js";

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
  const chunks = new Chunks(bytes, maxPixels);
  let pos = 8;
  while (pos < bytes.length && !chunks.ended) {
    const chunk = readChunk(bytes, pos, checkCrc ? (crcFn ?? null) : undefined);
    chunks.add(chunk);
    pos = chunk.end + 4;
  }
  return chunks.finish(pos);
}

/** One chunk: its type, where it starts (its length field) and where its data lies. */
interface Chunk {
  type: string;
  pos: number;
  start: number;
  end: number;
}

/**
 * The chunk at `pos`, its length, type and (unless `crcFn` is `undefined`) CRC checked; `crcFn` null checks with our
 * own CRC-32.
 */
function readChunk(
  bytes: Uint8Array,
  pos: number,
  crcFn: ((data: Uint8Array, value?: number) => number) | null | undefined,
): Chunk {
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
  const start = pos + 8;
  const end = start + len;
  if (end + 4 > bytes.length)
    throw new PngError(
      "TRUNCATED",
      `file ends inside the ${type} chunk (needs ${len + 12} bytes, ${bytes.length - pos} left)`,
      pos,
    );
  if (crcFn !== undefined) {
    const want = u32be(bytes, end);
    const got =
      crcFn && len > 4096 ? crcFn(bytes.subarray(pos + 4, end)) >>> 0 : jsCrc32(bytes, pos + 4, end);
    if (got !== want)
      throw new PngError(
        "BAD_CRC",
        `bad CRC in ${type} chunk: stored 0x${want.toString(16).padStart(8, "0")}, computed 0x${got.toString(16).padStart(8, "0")}`,
        pos,
      );
  }
  return { type, pos, start, end };
}

/** What the chunks of a file say, gathered in order, with the ordering rules of the PNG spec (section 5.6). */
class Chunks {
  header: PngHeader | undefined;
  palette: Uint8Array | undefined;
  trns: Uint8Array | undefined;
  readonly idatParts: Uint8Array[] = [];
  idatSize = 0;
  idatOffset = -1;
  idatEnded = false;
  ended = false;

  constructor(
    readonly bytes: Uint8Array,
    readonly maxPixels: number,
  ) {}

  add({ type, pos, start, end }: Chunk): void {
    const len = end - start;
    if (!this.header && type !== "IHDR")
      throw new PngError("BAD_CHUNK", `first chunk is ${type}, expected IHDR`, pos);
    switch (type) {
      case "IHDR":
        if (this.header) throw new PngError("BAD_CHUNK", "more than one IHDR chunk", pos);
        if (len !== 13) throw new PngError("BAD_HEADER", `IHDR has length ${len}, expected 13`, pos);
        this.header = parseIhdr(this.bytes, start, this.maxPixels);
        break;
      case "PLTE":
        if (len % 3 !== 0 || len === 0 || len > 768)
          throw new PngError("BAD_CHUNK", `PLTE length ${len} is not 3 to 768 and a multiple of 3`, pos);
        if (this.idatOffset >= 0) throw new PngError("BAD_CHUNK", "PLTE after IDAT", pos);
        this.palette = this.bytes.slice(start, end);
        break;
      case "tRNS":
        this.trns = this.bytes.slice(start, end);
        break;
      case "IDAT":
        if (this.idatEnded) throw new PngError("BAD_CHUNK", "IDAT chunks are not consecutive", pos);
        if (this.idatOffset < 0) this.idatOffset = pos;
        this.idatParts.push(this.bytes.subarray(start, end));
        this.idatSize += len;
        break;
      case "IEND":
        this.ended = true;
        break;
      default:
        // Bit 5 of the first byte clear = critical chunk: we cannot safely ignore one we do not know.
        if (((this.bytes[pos + 4] as number) & 0x20) === 0)
          throw new PngError("UNSUPPORTED", `unknown critical chunk ${JSON.stringify(type)}`, pos);
    }
    if (type !== "IDAT" && this.idatOffset >= 0) this.idatEnded = true;
  }

  /** The parsed file, once the chunks up to `pos` are read: every required chunk present, IDAT joined. */
  finish(pos: number): ParsedPng {
    const { header, palette, idatOffset } = this;
    if (!header) throw new PngError("TRUNCATED", "no IHDR chunk", 8);
    if (idatOffset < 0)
      throw new PngError(this.ended ? "BAD_CHUNK" : "TRUNCATED", "no IDAT chunk (no image data)", pos);
    if (!this.ended) throw new PngError("TRUNCATED", "file ends before the IEND chunk", pos);
    if (header.colorType === "palette" && !palette)
      throw new PngError("BAD_CHUNK", "palette image without a PLTE chunk", idatOffset);
    let idat: Uint8Array;
    if (this.idatParts.length === 1) idat = this.idatParts[0] as Uint8Array;
    else {
      idat = new Uint8Array(this.idatSize);
      let o = 0;
      for (const part of this.idatParts) {
        idat.set(part, o);
        o += part.length;
      }
    }
    return { header, idat, idatOffset, palette, trns: this.trns };
  }
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
