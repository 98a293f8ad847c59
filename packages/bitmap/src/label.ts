// Segmentation label bitmaps <-> PNG. Pixel format (Segments.ai): RGBA 8-bit, id = R + 256*G + 65536*B, A = 255,
// 0 = unlabeled; i.e. the 24 low bits of a little-endian uint32 with the top byte forced to 255.

import { deflateLabelRows, ID_MASK, inflateLabelIds, unfilterLabelRows } from "./codec/index.js";
import { badPixel, type IdsInput, normalizeIds } from "./ids.js";
import { checkMemory, type DecodePngOptions, parsePng, toBytes } from "./png-chunks.js";
import { decodePngWith, inflateImage } from "./png-decode.js";
import { writePng } from "./png-encode.js";
import type { DecodedPng, LabelBitmap } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1)();
/** Bytes of one id in a {@link LabelBitmap}. */
const ID_BYTES = 4;
/** Largest representable instance id: 2^24 - 1. */
export const MAX_INSTANCE_ID = 0xffffff;

/** Options of {@link bitmap2file}. */
export interface Bitmap2FileOptions {
  /** Image width in pixels (optional when the bitmap carries its shape). */
  width?: number;
  /** Image height in pixels (optional when the bitmap carries its shape). */
  height?: number;
  /**
   * zlib level, an integer 0-9 (anything else is a `RangeError`). 0 stores the rows uncompressed (through the
   * backend's zlib); 1-9 (default 6) all give the same output, from the built-in run-length encoder that suits label
   * maps (see `bitmap2file`).
   */
  level?: number;
}

/**
 * Core of `bitmap2file`. Filtering: Sub (1) on the first row, Up (2) on every other, coded with matches at distances
 * 1 and 4 only. In a label map most pixels equal the pixel above, so an Up row is long runs of zero bytes (distance-1
 * matches code them almost for free) around a few pieces where the id changed; each piece is one difference repeated
 * (ids A above, B below: B - A, B - A, ...), which one literal pixel and a distance-4 match code in a few bits. The
 * decoder then copies the row above once and patches those pieces. The files are smaller than a per-row choice of
 * filters and decode faster (figures: bench/RESULTS.md).
 *
 * The compressor is the label codec's ({@link deflateLabelRows}, src/codec/), for both backends: it codes the deflate
 * symbols straight from the runs of equal ids, so the filtered rows are never written nor searched for matches,
 * which the bench shows is faster than zlib's Z_RLE deflate of the filtered rows alone. The price is one Huffman
 * block, where zlib starts a new block with fitted codes every ~16k symbols, and codes of at most 10 bits (see
 * codec/deflate-rle.ts). Level 0 (stored) still goes through the backend's deflate, on the filtered rows inflated
 * back from our stream.
 */
export function bitmap2fileWith(
  bitmap: IdsInput,
  options: Bitmap2FileOptions | undefined,
  zlib: ZlibBackend,
): Uint8Array {
  const { width, height, ids, source } = normalizeIds(bitmap, options, "bitmap2file", true);
  const level = options?.level ?? 6;
  if (!(Number.isInteger(level) && level >= 0 && level <= 9))
    throw new RangeError(
      `bitmap2file: level must be an integer from 0 to 9 (got ${String(level)}): 0 stores the rows uncompressed, 1-9 compress`,
    );
  // Validation is part of the row scan: an id >= 2^24 (or a negative Int32) makes it throw badPixel.
  let idat = deflateLabelRows(ids, width, height, () => badPixel(source, width, ID_MASK, "bitmap2file"));
  if (level === 0) {
    const filtered = zlib.inflate(idat, height * (width * 4 + 1));
    idat = zlib.deflate(filtered, { level: 0 });
  }
  return writePng(width, height, 8, 6, [], idat, zlib.crc32);
}

/**
 * Core of `decodeLabelBitmap`. RGBA8 (what Segments.ai and `bitmap2file` write) on a little-endian machine takes one
 * of two fused paths of the label codec (src/codec/); everything else goes through the generic decoder, then
 * {@link idsFromDecoded}.
 *
 * 1. Streams of literals and matches at distances 1 and 4 only (`bitmap2file`'s own, zlib's Z_RLE) are decoded by the
 *    codec's inflater, {@link inflateLabelIds}, straight into ids: the zero bytes a general inflate would produce
 *    (one per byte of the rows) are never written or scanned. It gives up on any other stream, and path 2 takes
 *    over, reporting errors as before.
 * 2. Otherwise node:zlib (or fflate) inflates, and {@link unfilterLabelRows} unfilters the rows straight into the
 *    ids, in the same memory. Reading every inflated byte in JavaScript costs about as long as node:zlib's whole
 *    inflate of these files, which is why path 1 exists.
 *
 * What was measured, and what was tried and not adopted (a WebAssembly inflater, a native addon): bench/RESULTS.md.
 *
 * `littleEndian` is a parameter only so that tests can force the big-endian fallback.
 */
export function decodeLabelBitmapWith(
  input: Uint8Array | ArrayBuffer | ArrayBufferView,
  options: DecodePngOptions | undefined,
  zlib: ZlibBackend,
  littleEndian = LITTLE_ENDIAN,
): LabelBitmap {
  const bytes = toBytes(input);
  const parsed = parsePng(bytes, options ?? {}, zlib.crc32);
  const h = parsed.header;
  if (!(littleEndian && h.colorType === "rgba" && h.bitDepth === 8 && !h.interlaced))
    return idsFromDecoded(decodePngWith(bytes, options ?? {}, zlib, ID_BYTES));
  // Both paths below write the ids into memory no larger than the inflated rows: path 2 reuses the rows' own, and
  // the ids path 1 gives up on are garbage by then.
  checkMemory(h, 0, options ?? {});
  // Streams of literals and matches at distances 1 and 4 (bitmap2file's, zlib Z_RLE's) decode straight into ids.
  const ids = inflateLabelIds(parsed.idat, h.width, h.height, zlib.allocUnsafe);
  if (ids) return { width: h.width, height: h.height, data: ids };
  let raw = inflateImage(parsed, zlib);
  // Work in place only in a buffer of our own (offset 0; small inflates may live in Node's shared Buffer pool,
  // whose memory must neither be overwritten nor exposed through `.buffer`): copy the rare others (< 8 kB).
  if (!(raw.byteOffset === 0 && raw.length >= 8192)) raw = new Uint8Array(raw);
  return {
    width: h.width,
    height: h.height,
    data: unfilterLabelRows(raw, h.width, h.height, parsed.idatOffset),
  };
}

/**
 * Instance ids from a decoded PNG of any format, ignoring alpha like the Python SDK (which zeroes the alpha byte):
 * - rgb / rgba: id = R + 256*G + 65536*B; 16-bit samples are first reduced to their high byte (as Pillow does);
 * - palette: the palette entry's RGB, same formula (out-of-range indices give 0);
 * - gray / gray-alpha: id = the gray value at full depth (0-255, or 0-65535 for 16-bit), which reads back the
 *   16-bit grayscale files the Python SDK caches (`Image.fromarray(uint32)` saved by Pillow).
 */
export function idsFromDecoded(png: DecodedPng): LabelBitmap {
  const { width, height, channels, data } = png;
  const n = width * height;
  const out = new Uint32Array(n);
  switch (png.colorType) {
    case "rgb":
    case "rgba": {
      const s = png.bitDepth === 16 ? 8 : 0;
      for (let i = 0, j = 0; i < n; i++, j += channels)
        out[i] =
          ((data[j] as number) >> s) |
          (((data[j + 1] as number) >> s) << 8) |
          (((data[j + 2] as number) >> s) << 16);
      break;
    }
    case "palette": {
      const pal = png.palette ?? new Uint8Array(0);
      const lut = new Uint32Array(256);
      for (let k = 0; k < pal.length / 3; k++)
        lut[k] =
          (pal[3 * k] as number) | ((pal[3 * k + 1] as number) << 8) | ((pal[3 * k + 2] as number) << 16);
      for (let i = 0; i < n; i++) out[i] = lut[data[i] as number] as number;
      break;
    }
    default:
      for (let i = 0, j = 0; i < n; i++, j += channels) out[i] = data[j] as number;
  }
  return { width, height, data: out };
}
