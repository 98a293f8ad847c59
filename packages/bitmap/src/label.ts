// Segmentation label bitmaps <-> PNG. Pixel format (Segments.ai): RGBA 8-bit, id = R + 256*G + 65536*B, A = 255,
// 0 = unlabeled; i.e. the 24 low bits of a little-endian uint32 with the top byte forced to 255.
import { PngError } from "./errors.js";
import { type DecodePngOptions, decodePngWith, inflateImage, parsePng, toBytes } from "./png-decode.js";
import { checkSize, writePng } from "./png-encode.js";
import type { DecodedPng, IdArray, LabelBitmap, ShapedIds } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1)();
const H = 0x80808080;
const L = 0x7f7f7f7f;
const ID_MASK = 0xffffff;
/** Largest representable instance id: 2^24 - 1. */
export const MAX_INSTANCE_ID = 0xffffff;

/** Options of {@link bitmap2file}. */
export interface Bitmap2FileOptions {
  /** Image width in pixels (optional when the bitmap carries its shape). */
  width?: number;
  /** Image height in pixels (optional when the bitmap carries its shape). */
  height?: number;
  /** zlib level 1-9 (default 6). With node:zlib the Z_RLE strategy is used, for which the level hardly matters. */
  level?: number;
}

/** Resolve `(bitmap, options)` to a validated width, height and Uint32Array of ids. */
export function normalizeIds(
  bitmap: IdArray | ShapedIds,
  options: { width?: number; height?: number } = {},
  validate24 = false,
) {
  let data: IdArray;
  let width = options.width;
  let height = options.height;
  if (isShaped(bitmap)) {
    data = bitmap.data;
    if ("shape" in bitmap) {
      const s = bitmap.shape;
      if (!(s.length === 2 || (s.length === 3 && s[2] === 1)))
        throw new RangeError(`bitmap shape [${s.join(", ")}] is not [height, width] (or [height, width, 1])`);
      height ??= s[0];
      width ??= s[1];
      if (height !== s[0] || width !== s[1])
        throw new RangeError(`options ${width}x${height} disagree with the bitmap shape [${s.join(", ")}]`);
    } else {
      width ??= bitmap.width;
      height ??= bitmap.height;
      if (width !== bitmap.width || height !== bitmap.height)
        throw new RangeError(
          `options ${width}x${height} disagree with the bitmap's ${bitmap.width}x${bitmap.height}`,
        );
    }
  } else data = bitmap;
  if (width === undefined || height === undefined)
    throw new TypeError("bitmap2file needs { width, height } for a bare array of ids");
  checkSize(width, height);
  if (data.length !== width * height)
    throw new RangeError(`bitmap has ${data.length} pixels, expected ${width}x${height} = ${width * height}`);

  let ids: Uint32Array;
  if (data instanceof Uint32Array) {
    // (bitmap2file checks the range inside its filter loop.)
    ids = data;
  } else if (data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Uint16Array) {
    ids = new Uint32Array(data.length);
    ids.set(data);
  } else if (data instanceof Int32Array) {
    // Negative ids become >= 2^31 here, which the 24-bit check catches (and reports from `data`).
    ids = new Uint32Array(data.buffer, data.byteOffset, data.length);
  } else {
    ids = new Uint32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (!(v >= 0 && Number.isInteger(v) && (v <= ID_MASK || (!validate24 && v <= 0xffffffff))))
        throw badPixel(data, width);
      ids[i] = v;
    }
  }
  return { width, height, ids, source: data };
}

function isShaped(b: IdArray | ShapedIds): b is ShapedIds {
  return !Array.isArray(b) && !ArrayBuffer.isView(b) && typeof b === "object" && b !== null && "data" in b;
}

export function badPixel(data: IdArray, width: number): RangeError {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v <= ID_MASK && Number.isInteger(v))) {
      const x = i % width;
      const y = Math.floor(i / width);
      const why = !Number.isInteger(v)
        ? "is not an integer"
        : v < 0
          ? "is negative"
          : `is >= 2^24 (the largest id is ${ID_MASK})`;
      return new RangeError(
        `instance id ${v} at pixel (x=${x}, y=${y}) (index ${i}) ${why}: label PNGs store 24-bit ids in RGB, so it cannot be encoded`,
      );
    }
  }
  return new RangeError("invalid instance id");
}

// The filtered rows of the last encode, kept through a WeakRef (the GC may reclaim it) and reused when big enough:
// re-zeroing memory that is already mapped is several times cheaper than faulting in a fresh 8-33 MB buffer,
// which matters when thousands of labels are encoded in a row. Safe because the API is synchronous.
let scratch: WeakRef<Uint8Array> | undefined;
function zeroedScratch(size: number): Uint8Array {
  const old = scratch?.deref();
  if (old && old.length >= size && old.length <= size * 2) {
    const view = old.subarray(0, size);
    view.fill(0);
    return view;
  }
  const fresh = new Uint8Array(size);
  scratch = typeof WeakRef === "function" ? new WeakRef(fresh) : undefined;
  return fresh;
}

/**
 * Core of `bitmap2file`. Filtering, measured by `pnpm bench` on realistic 1080p/4K instance maps: every row uses
 * the Sub filter (1), compressed with zlib's Z_RLE strategy. In a label map most pixels equal their left neighbour,
 * so Sub turns the image into long runs of zero bytes that run-length matching codes almost for free: the output is
 * ~0.6x the size of sharp's default PNG, and deflate runs ~4x faster than at level 6 with the default strategy (the
 * bench prints the none / sub / up / per-row minimum-sum heuristic alternatives: the heuristic saves ~10% more bytes
 * but costs more than the whole deflate; Up-for-repeated-rows gains ~1%).
 * The filtered bytes are computed four bytes at a time with SWAR (per-byte subtraction without borrows).
 */
export function bitmap2fileWith(
  bitmap: IdArray | ShapedIds,
  options: Bitmap2FileOptions | undefined,
  zlib: ZlibBackend,
): Uint8Array {
  const { width, height, ids, source } = normalizeIds(bitmap, options, true);
  const stride = width * 4;
  // Zero-initialised: pixels equal to their left neighbour need no write at all.
  const filtered = zeroedScratch(height * (stride + 1));
  // Runs are skipped two pixels at a time by comparing the ids as float64s (a pair of equal valid ids is a finite
  // float, and float equality is bit equality except for -0 === +0, which zero runs check with Object.is).
  const s0 = ids.byteOffset & 7 ? 1 : 0;
  const pairs = new Float64Array(ids.buffer, ids.byteOffset + 4 * s0, (ids.length - s0) >> 1);
  let acc = 0;
  for (let y = 0; y < height; y++) {
    const r = y * width;
    const end = r + width;
    const base = y * (stride + 1) + 1 - 4 * r; // byte of pixel i's red in `filtered` is base + 4 * i
    filtered[base + 4 * r - 1] = 1; // filter type Sub
    let left = ids[r] as number;
    acc |= left;
    let q = base + 4 * r;
    filtered[q] = left & 255;
    filtered[q + 1] = (left >>> 8) & 255;
    filtered[q + 2] = (left >>> 16) & 255;
    filtered[q + 3] = 255; // alpha; later pixels' alpha difference is 0
    let i = r + 1;
    while (i < end) {
      if (((i - s0) & 1) === 0 && i + 1 < end && ids[i] === left && ids[i + 1] === left) {
        const k0 = (i - s0) >> 1;
        const kEnd = (end - s0) >> 1;
        const v = pairs[k0] as number;
        let k = k0 + 1;
        if (v !== 0) while (k < kEnd && pairs[k] === v) k++;
        else while (k < kEnd && Object.is(pairs[k], 0)) k++;
        i = s0 + 2 * k;
        continue;
      }
      const p = ids[i] as number;
      if (p !== left) {
        q = base + 4 * i;
        filtered[q] = (p - left) & 255;
        filtered[q + 1] = ((p >>> 8) - (left >>> 8)) & 255;
        filtered[q + 2] = ((p >>> 16) - (left >>> 16)) & 255;
        acc |= p;
        left = p;
      }
      i++;
    }
  }
  // Every distinct run value was ORed into acc: one test covers the whole image.
  if (acc >>> 0 > ID_MASK || acc < 0) throw badPixel(source, width);
  const idat = zlib.deflate(filtered, { level: options?.level ?? 6, strategy: "rle" });
  return writePng(width, height, 8, 6, [], idat, zlib.crc32);
}

/**
 * Core of `decodeLabelBitmap`. RGBA8 (what Segments.ai and `bitmap2file` write) on a little-endian machine takes a
 * fused path: the inflated rows are unfiltered straight into the Uint32 ids, in the same memory (row y's pixels
 * move left by y + 1 bytes, dropping the filter bytes, which never overtakes a byte still to be read), with alpha
 * masked off. Everything else goes through the generic decoder, then {@link idsFromDecoded}.
 *
 * Sub and Up rows (all of `bitmap2file`'s output, and most rows of other encoders' label maps) are read from the
 * inflated bytes where they lie: row data starts after a 1-byte filter tag, so it is not 4-byte aligned, but runs of
 * zero differences can still be found with aligned 32-bit loads over the same bytes (a zero word is four zero
 * bytes, whatever pixel they belong to), and such runs become a single `fill` (Sub) or `copyWithin` (Up) of whole
 * pixels. Only the few pixels where the id changes (~10 per row in the bench's maps) are assembled from bytes and
 * added with SWAR (per-byte addition without carries). Measured (CPU time, medians of 80 interleaved rounds) against
 * the previous version, which first copied each row to its aligned place and then scanned the copy: 7-13% faster
 * at 4K, the same within noise at 1080p; it also drops an image-sized memmove. What remains is the scan itself:
 * reading every inflated byte in JavaScript costs ~1.1 ms per 8 MB however it is done (Int32, 8 ORed Int32s or
 * Float64 compares all measured alike), about as long as node:zlib's whole inflate of these run-length-friendly
 * files, which is why decode stays ~2-3x the bare inflate. None, Average and Paeth rows still copy the row into
 * place first and unfilter there (rare in label maps).
 *
 * Native code was tried and not adopted: a C addon linked against Node's own zlib, inflating into an L2-sized
 * buffer of rows and unfiltering them straight into the ids (vector Up, zero-run skipping Sub, output allocated
 * without zeroing) decoded the bench's 4K map in 7.3-8 ms against 3.7-5 ms for the bare inflate (1.6-2.1x; this JS
 * path: 10-11 ms), because writing the 33 MB of ids costs about as much as the inflate itself. A 1.3x budget would
 * need more than that, and the addon would be Node-only and need a compiler or prebuilt binaries at install.
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
    return idsFromDecoded(decodePngWith(bytes, options ?? {}, zlib));
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
        left = ((d & L) + (a & L)) ^ ((d ^ a) & H);
        out[r + x] = left;
        x++;
      }
      continue;
    }
    const out8 = new Uint8Array(raw.buffer, 0, n * 4);
    raw.copyWithin(4 * r, p, p + stride); // the row's bytes to their aligned place
    switch (f) {
      case 0:
      case 2: // Up on the first row is None
        for (let i = r; i < r + width; i++) out[i] = (out[i] as number) & ID_MASK;
        break;
      case 3: {
        let left = 0;
        for (let i = r; i < r + width; i++) {
          const d = (out[i] as number) & ID_MASK;
          const u = y === 0 ? 0 : (out[i - width] as number);
          // Per-byte floor((left + up) / 2) without carries, then per-byte add.
          const avg = (left & u) + (((left ^ u) & 0xfefefefe) >>> 1);
          left = ((d & L) + (avg & L)) ^ ((d ^ avg) & H);
          out[i] = left;
        }
        break;
      }
      case 4: {
        // Paeth is not linear: byte by byte on the RGB bytes (alpha is dropped anyway).
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
        break;
      }
      default:
        throw new PngError("BAD_DATA", `invalid filter type ${f} on row ${y} of the image data`, idatOffset);
    }
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
