// Sample images (PNG or JPEG) to 8-bit RGBA, to overlay labels on them. Shared by both entries: format sniffing, the
// size check before decoding, EXIF orientation; each entry brings its own JPEG decoder (Node: jpeg-js, browsers: the
// browser's own).
import { toRgba } from "./helpers.js";
import { type DecodePngOptions, maxMemoryOf, maxPixelsOf, toBytes } from "./png-chunks.js";
import type { DecodedPng, RgbaImage } from "./types.js";

/** Image formats {@link decodeImage} recognizes by their first bytes. */
export type ImageFormat = "png" | "jpeg" | "gif" | "webp" | "bmp" | "tiff" | "unknown";

/** Machine-readable reason of an {@link ImageDecodeError}. */
export type ImageDecodeErrorCode =
  /** Not a format this entry decodes (Node: PNG and JPEG; browsers: what the browser decodes). */
  | "UNSUPPORTED_FORMAT"
  /** Larger than `maxPixels`, read from the header before decoding. */
  | "TOO_LARGE"
  /** The file is corrupt or truncated. */
  | "BAD_DATA";

/**
 * Thrown by {@link decodeImage} for an image that is not PNG (those throw a `PngError`): `format` is what the first
 * bytes say, `code` what went wrong.
 *
 * @example
 * ```ts
 * try {
 *   await decodeImage(bytes);
 * } catch (e) {
 *   if (e instanceof ImageDecodeError && e.code === "UNSUPPORTED_FORMAT") console.warn(`cannot show a ${e.format}`);
 * }
 * ```
 */
export class ImageDecodeError extends Error {
  override readonly name = "ImageDecodeError";
  readonly code: ImageDecodeErrorCode;
  readonly format: ImageFormat;

  constructor(
    code: ImageDecodeErrorCode,
    format: ImageFormat,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.format = format;
  }
}

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /** Largest accepted width * height, read from the header before decoding (default 2^28, as `decodePng`). */
  maxPixels?: number;
  /**
   * Largest number of bytes the decode may allocate (default 1 GiB, as `decodePng`): for a PNG its inflated rows,
   * samples and the RGBA result; for a JPEG the RGBA result, checked from the header, and the decoder's own buffers.
   */
  maxMemoryBytes?: number;
}

/** A decoder an entry brings: RGBA pixels, and whether the EXIF orientation is applied already. */
export type EntryImageDecoder = (
  bytes: Uint8Array,
  format: ImageFormat,
  limits: { maxMemoryBytes: number },
) => Promise<RgbaImage & { oriented?: boolean }>;

/** The pieces {@link decodeImageWith} needs from an entry. */
export interface ImageDecoders {
  /** `decodePng`, counting the RGBA result's 4 bytes per pixel against `maxMemoryBytes` too. */
  decodePng(bytes: Uint8Array, options: DecodePngOptions): DecodedPng;
  decodeJpeg?: EntryImageDecoder | undefined;
  /** GIF, WebP, BMP, TIFF: where the entry can (browsers); undefined elsewhere. */
  decodeOther?: EntryImageDecoder | undefined;
}

/**
 * What the first bytes of an image file say it is (the Content-Type of a download may not).
 *
 * @example
 * ```ts
 * sniffImageFormat(bytes); // "jpeg"
 * ```
 */
export function sniffImageFormat(b: Uint8Array): ImageFormat {
  if (at(b, 0, [0x89, 0x50, 0x4e, 0x47])) return "png";
  if (at(b, 0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (at(b, 0, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (at(b, 0, [0x52, 0x49, 0x46, 0x46]) && at(b, 8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  if (at(b, 0, [0x42, 0x4d])) return "bmp";
  if (at(b, 0, [0x49, 0x49, 0x2a, 0x00]) || at(b, 0, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  return "unknown";
}

/** Whether bytes `v` stand in `b` at offset `i`. */
const at = (b: Uint8Array, i: number, v: readonly number[]) => v.every((x, k) => b[i + k] === x);

/**
 * Core of `decodeImage`: PNG through the package's decoder (exact, every PNG variant), JPEG through the entry's,
 * turned upright by its EXIF orientation, everything to 8-bit RGBA.
 */
export async function decodeImageWith(
  bytes: Uint8Array,
  options: DecodeImageOptions,
  decoders: ImageDecoders,
): Promise<RgbaImage & { data: Uint8Array }> {
  const maxPixels = maxPixelsOf(options, "decodeImage");
  const maxMemoryBytes = maxMemoryOf(options, "decodeImage");
  const format = sniffImageFormat(bytes);
  if (format === "png") return toRgba(decoders.decodePng(bytes, { maxPixels, maxMemoryBytes }));
  const decode =
    format === "jpeg" ? decoders.decodeJpeg : format === "unknown" ? undefined : decoders.decodeOther;
  if (!decode)
    throw new ImageDecodeError(
      "UNSUPPORTED_FORMAT",
      format,
      format === "unknown"
        ? `decodeImage: not an image file this package knows (the first bytes are ${hex(bytes.subarray(0, 8))})`
        : `decodeImage: ${format.toUpperCase()} is not decoded here${decoders.decodeJpeg ? ", only PNG and JPEG" : ", only PNG"}: convert it first (e.g. sharp(bytes).png())`,
    );
  // A JPEG's size is read before decoding; the browser's own decoders for other formats are checked after.
  if (format === "jpeg") checkPixels(jpegSize(bytes), maxPixels, maxMemoryBytes, format);
  let image: RgbaImage & { oriented?: boolean };
  try {
    image = await decode(bytes, format, { maxMemoryBytes });
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (/maxMemoryUsageInMB limit exceeded/.test(why))
      throw new ImageDecodeError(
        "TOO_LARGE",
        format,
        `decodeImage: the ${format.toUpperCase()} decoder needs more than the limit of ${maxMemoryBytes} bytes (maxMemoryBytes)`,
        { cause: e },
      );
    throw new ImageDecodeError(
      "BAD_DATA",
      format,
      `decodeImage: the ${format.toUpperCase()} does not decode: ${why}`,
      {
        cause: e,
      },
    );
  }
  checkPixels(image, maxPixels, maxMemoryBytes, format);
  const rgba = { width: image.width, height: image.height, data: toBytes(image.data) };
  return format === "jpeg" && !image.oriented ? orient(rgba, exifOrientation(bytes)) : rgba;
}

function checkPixels(
  size: { width: number; height: number },
  maxPixels: number,
  maxMemoryBytes: number,
  format: ImageFormat,
): void {
  const pixels = size.width * size.height;
  const name = `the ${format.toUpperCase()} is ${size.width}x${size.height}`;
  if (pixels > maxPixels)
    throw new ImageDecodeError(
      "TOO_LARGE",
      format,
      `decodeImage: ${name} = ${pixels} pixels, more than the limit of ${maxPixels} (maxPixels)`,
    );
  if (RGBA_BYTES * pixels > maxMemoryBytes)
    throw new ImageDecodeError(
      "TOO_LARGE",
      format,
      `decodeImage: ${name}: its RGBA pixels take ${RGBA_BYTES * pixels} bytes, more than the limit of ${maxMemoryBytes} bytes (maxMemoryBytes)`,
    );
}

const RGBA_BYTES = 4;

const hex = (b: Uint8Array) => Array.from(b, (v) => v.toString(16).padStart(2, "0")).join(" ");

/**
 * The marker segments of a JPEG up to its first scan (SOS), in file order: marker byte and the segment's payload,
 * after its 2-byte length. Stops early at anything that is not a marker, or a length that runs past the file.
 */
function* jpegSegments(b: Uint8Array): Generator<{ marker: number; payload: Uint8Array }> {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    if (marker === 0xda || len < 2) return;
    yield { marker, payload: b.subarray(i + 4, Math.min(i + 2 + len, b.length)) };
    i += 2 + len;
  }
}

/**
 * Width and height from a JPEG's start-of-frame segment (SOF0-SOF15, except DHT C4, JPG C8 and DAC CC). A file without
 * one is BAD_DATA: nothing to decode.
 */
export function jpegSize(b: Uint8Array): { width: number; height: number } {
  for (const { marker, payload: p } of jpegSegments(b)) {
    if (marker < 0xc0 || marker > 0xcf || marker === 0xc4 || marker === 0xc8 || marker === 0xcc) continue;
    if (p.length < 5) break;
    // Precision, then height and width, big-endian.
    const height = ((p[1] as number) << 8) | (p[2] as number);
    const width = ((p[3] as number) << 8) | (p[4] as number);
    if (width > 0 && height > 0) return { width, height };
    break;
  }
  throw new ImageDecodeError(
    "BAD_DATA",
    "jpeg",
    "JPEG: no frame header with the image size (truncated or corrupt file)",
  );
}

/**
 * The EXIF orientation (1-8) of a JPEG: tag 0x0112 of IFD0 in the APP1 "Exif" segment; 1 (upright) when absent or
 * unreadable.
 */
export function exifOrientation(b: Uint8Array): number {
  for (const { marker, payload } of jpegSegments(b))
    if (marker === 0xe1 && at(payload, 0, [0x45, 0x78, 0x69, 0x66, 0, 0]))
      return tiffOrientation(payload.subarray(6));
  return 1;
}

function tiffOrientation(t: Uint8Array): number {
  const little = at(t, 0, [0x49, 0x49]);
  if (!little && !at(t, 0, [0x4d, 0x4d])) return 1;
  const u16 = (o: number) =>
    little ? (t[o] as number) | ((t[o + 1] as number) << 8) : ((t[o] as number) << 8) | (t[o + 1] as number);
  const u32 = (o: number) => (little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 1;
  const entries = u16(ifd);
  for (let k = 0; k < entries; k++) {
    const e = ifd + 2 + 12 * k;
    if (e + 12 > t.length) return 1;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/**
 * Where orientation `o` sends stored pixel (x, y) of a w x h image: upright X = ax x + bx y + cx, Y = ay x + by y + cy,
 * as [ax, bx, cx, ay, by, cy] with the constants as multiples of (w - 1) or (h - 1): 2 mirror, 3 rotate 180, 4 flip,
 * 5 transpose, 6 rotate 90 clockwise, 7 transverse, 8 rotate 90 counter-clockwise.
 */
const ORIENTATIONS: Record<number, (w: number, h: number) => readonly number[]> = {
  2: (w) => [-1, 0, w - 1, 0, 1, 0],
  3: (w, h) => [-1, 0, w - 1, 0, -1, h - 1],
  4: (_w, h) => [1, 0, 0, 0, -1, h - 1],
  5: () => [0, 1, 0, 1, 0, 0],
  6: (_w, h) => [0, -1, h - 1, 1, 0, 0],
  7: (w, h) => [0, -1, h - 1, -1, 0, w - 1],
  8: (w) => [0, 1, 0, -1, 0, w - 1],
};

/** Turn stored pixels upright by EXIF orientation `o` (5-8 swap width and height); 1 and unknown values: as stored. */
export function orient(img: RgbaImage & { data: Uint8Array }, o: number): RgbaImage & { data: Uint8Array } {
  const map = ORIENTATIONS[o];
  if (!map) return img;
  const { width: w, height: h } = img;
  const W = o >= 5 ? h : w;
  const H = o >= 5 ? w : h;
  const [ax, bx, cx, ay, by, cy] = map(w, h) as [number, number, number, number, number, number];
  const bytes = img.data.byteOffset % 4 ? img.data.slice() : img.data;
  const src = new Uint32Array(bytes.buffer, bytes.byteOffset, w * h);
  const out = new Uint8Array(W * H * 4);
  const dst = new Uint32Array(out.buffer);
  // The upright index is linear in x and y: one step per pixel, one per row.
  const stepX = ay * W + ax;
  const stepY = by * W + bx;
  for (let y = 0, row = cy * W + cx; y < h; y++, row += stepY)
    for (let x = 0, d = row; x < w; x++, d += stepX) dst[d] = src[y * w + x] as number;
  return { width: W, height: H, data: out };
}
