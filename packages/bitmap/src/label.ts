// Segmentation label bitmaps <-> PNG. Pixel format (Segments.ai): RGBA 8-bit, id = R + 256*G + 65536*B, A = 255,
// 0 = unlabeled; i.e. the 24 low bits of a little-endian uint32 with the top byte forced to 255.
import { badPixel, type IdsInput, normalizeIds } from "./ids.js";
import { deflateLabelRows } from "./label-deflate.js";
import { inflateLabelIds } from "./label-inflate.js";
import { addBytes, ID_MASK, unfilterAlignedRow } from "./label-rows.js";
import {
  checkMemory,
  type DecodePngOptions,
  decodePngWith,
  inflateImage,
  parsePng,
  toBytes,
} from "./png-decode.js";
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
 * decoder then copies the row above once and patches those pieces, where a Sub row costs one `fill` per run. On the
 * bench's maps (`pnpm bench`), against the previous per-row choice of Sub or Up with distance-1 matches only: files
 * 14% smaller (1080p 37,714 -> 32,368 B, 0.48x sharp's default PNG; 4K 90,371 -> 80,009 B, 0.36x), the 1080p decode
 * ~20% faster, encode time about the same. (The bench prints the none / sub / up / per-row minimum-sum byte
 * heuristic alternatives of zlib for comparison.)
 *
 * The compressor is our own ({@link deflateLabelRows}), for both backends, because the bench shows it is worth it:
 * it codes the deflate symbols straight from the runs of equal ids, so the filtered rows (33 MB at 4K) are never
 * written nor searched for matches: 0.5-0.9x node:zlib's Z_RLE deflate of the filtered rows alone. The price is one
 * Huffman block, where zlib starts a new block with fitted codes every ~16k symbols, and codes of at most 10 bits
 * (see deflate-rle.ts). Level 0 (stored) still goes through the backend's deflate, on the filtered rows inflated back
 * from our stream.
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
 * of two fused paths; everything else goes through the generic decoder, then {@link idsFromDecoded}.
 *
 * 1. Streams of literals and matches at distances 1 and 4 only (`bitmap2file`'s own, zlib's Z_RLE) are decoded by our
 *    own inflater, {@link inflateLabelIds}: it writes ids pixel by pixel as the bytes arrive. A run of zero
 *    differences becomes one `fill` of the ids (Sub rows) or nothing (Up rows start as a copy of the row above), a
 *    repeated pixel difference a short loop, so the zero bytes node:zlib would produce (33 MB at 4K) are never
 *    written or scanned. It gives up (and path 2 takes over, reporting errors as before) on any other stream.
 *    `pnpm bench`, medians of interleaved rounds against node:zlib's bare inflate of the same stream, on a 2-core
 *    VM: 1080p 0.9-1.3x, 4K 0.8-0.9x (target 1.3x). Warm, into memory already mapped, the 1080p map takes ~0.75-0.9
 *    ms (about as long as the bare inflate): half decoding ~52k Huffman symbols into tokens, a third turning tokens
 *    into ids, the rest copying rows (8.3 MB). What moves the bench's ratio most is memory: whether the 8.3 MB
 *    result lands on recycled pages or on fresh ones (2025 page faults, ~1.5 us each here) changes both contenders'
 *    times by 3-4 ms from run to run, and how much of it is still in cache by ~0.3 ms. A WebAssembly decoder
 *    (AssemblyScript, measured as a prototype for the previous format) decoded the symbols only ~1.5x faster and
 *    then had to copy the ids out of its memory (~0.9 ms at 1080p), so it was not adopted.
 * 2. Otherwise node:zlib (or fflate) inflates, and the rows are unfiltered straight into the Uint32 ids, in the same
 *    memory (row y's pixels move left by y + 1 bytes, dropping the filter bytes, which never overtakes a byte still
 *    to be read), with alpha masked off. Sub and Up rows are read from the inflated bytes where they lie: runs of
 *    zero differences are found with aligned 32-bit loads (a zero word is four zero bytes, whatever pixel they
 *    belong to) and become a single `fill` (Sub) or `copyWithin` (Up) of whole pixels; only the pixels where the id
 *    changes are assembled from bytes and added with SWAR. Reading every inflated byte in JavaScript costs ~1.1 ms
 *    per 8 MB however it is done, about as long as node:zlib's whole inflate of these files: hence path 1.
 *
 * Native code was tried for path 2 and not adopted: a C addon linked against Node's own zlib, inflating into an
 * L2-sized buffer of rows and unfiltering them straight into the ids, decoded the bench's 4K map in 7.3-8 ms against
 * 3.7-5 ms for the bare inflate (1.6-2.1x), and would be Node-only and need a compiler or prebuilt binaries.
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
          // pixel lying wholly inside it. (Eight ORed loads per branch: ~35% faster in isolation than one compare per word.)
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
      // None: every row of sharp's and many other encoders' files; kept inline (a call per row measured ~5% slower).
      for (let i = r; i < r + width; i++) out[i] = (out[i] as number) & ID_MASK;
      continue;
    }
    unfilterAlignedRow(out, f, y, width, idatOffset);
  }
  return out;
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
