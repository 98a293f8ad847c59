// The zlib-dependent API, bound to a backend by each entry (index.ts: node:zlib, browser.ts: fflate).

import { type BitmapInput, colorize, type OverlayOptions, overlay, type Palette } from "./helpers.js";
import { type DecodeImageOptions, decodeImageWith, type EntryImageDecoder } from "./image.js";
import { type Bitmap2FileOptions, bitmap2fileWith, decodeLabelBitmapWith } from "./label.js";
import { type LoadOptions, loadImageFromUrl } from "./load.js";
import { type DecodePngOptions, toBytes } from "./png-chunks.js";
import { decodePngWith } from "./png-decode.js";
import { type EncodePngInput, encodePngWith } from "./png-encode.js";
import type { DecodedPng, IdArray, IdRows, LabelBitmap, RgbaImage, ShapedIds } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

/** PNG bytes in any of the usual containers. */
export type PngBytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/** Options of {@link BitmapApi.loadLabelBitmapFromUrl}. */
export interface LoadLabelOptions extends LoadOptions, DecodePngOptions {}

/** The PNG functions, bound to one zlib backend. */
export interface BitmapApi {
  /** The zlib backend these functions use. */
  readonly zlib: ZlibBackend;
  /**
   * Encode a segmentation bitmap (instance ids, 0 = unlabeled) as a Segments.ai label PNG: RGBA 8-bit with
   * id = R + 256*G + 65536*B and alpha 255. Ids must be integers in 0..2^24-1: anything else (negative, >= 2^24,
   * fractional) is a `RangeError` naming the first bad pixel, where the Python SDK silently wraps.
   *
   * The ids come as a flat array (any integer typed array, or `number[]`) with `{ width, height }`, with their shape
   * (`{ data, width, height }`, `{ data, shape: [height, width] }`) or as rows (`number[][]`, an array of typed
   * rows). Anything else (`null`, an ArrayBuffer, BigInt arrays, ragged rows, sizes that do not match) is a
   * `TypeError` or `RangeError` that says what was wrong and how to pass it.
   *
   * @example
   * ```ts
   * const png = bitmap2file(new Uint32Array(640 * 480).fill(1), { width: 640, height: 480 });
   * await client.uploadAsset(png, "label.png");
   * const small = bitmap2file([[0, 1, 1], [0, 2, 2]]); // 3x2, from rows
   * ```
   */
  bitmap2file(bitmap: IdArray | IdRows | ShapedIds, options?: Bitmap2FileOptions): Uint8Array;
  /**
   * Decode a label PNG to instance ids. Accepts every valid PNG (RGBA/RGB 8 or 16-bit, palette, grayscale,
   * interlaced); alpha is ignored as in the Python SDK; gray values are ids (see {@link idsFromDecoded}).
   * Malformed files throw a {@link PngError}.
   *
   * @example
   * ```ts
   * const { width, height, data } = decodeLabelBitmap(pngBytes);
   * ```
   */
  decodeLabelBitmap(png: PngBytes, options?: DecodePngOptions): LabelBitmap;
  /**
   * Alias of {@link BitmapApi.decodeLabelBitmap}, named after the inverse of `bitmap2file`.
   *
   * @example
   * ```ts
   * const bitmap = file2bitmap(bitmap2file(ids, { width, height }));
   * ```
   */
  file2bitmap(png: PngBytes, options?: DecodePngOptions): LabelBitmap;
  /**
   * Download a label PNG (e.g. `label.attributes.segmentation_bitmap.url`) and decode it to instance ids.
   *
   * @example
   * ```ts
   * const bitmap = await loadLabelBitmapFromUrl(label.attributes.segmentation_bitmap.url);
   * ```
   */
  loadLabelBitmapFromUrl(url: string, options?: LoadLabelOptions): Promise<LabelBitmap>;
  /**
   * Encode any image as PNG: gray, gray-alpha, rgb, rgba (8 or 16-bit) or palette (1-8 bit) samples.
   *
   * @example
   * ```ts
   * const png = encodePng({ width: 2, height: 1, data: Uint8Array.of(0, 1), colorType: "palette", palette: [[0, 0, 0], [255, 0, 0]] });
   * const mask16 = encodePng({ width, height, data: new Uint16Array(width * height), colorType: "gray", bitDepth: 16 });
   * ```
   */
  encodePng(image: EncodePngInput): Uint8Array;
  /**
   * Decode any PNG to its raw samples and format (see {@link DecodedPng}), with limits: `maxPixels` (default 2^28)
   * is checked from IHDR before allocating, and inflation is bounded by the exact size the header implies.
   *
   * @example
   * ```ts
   * const { width, height, colorType, bitDepth, data } = decodePng(bytes, { maxPixels: 50_000_000 });
   * ```
   */
  decodePng(png: PngBytes, options?: DecodePngOptions): DecodedPng;
  /**
   * Decode a sample image to 8-bit RGBA, e.g. to {@link BitmapApi.overlayPng | overlay} its label on it. PNG goes
   * through the package's own decoder on both entries; JPEG through jpeg-js in Node and the browser's decoder in
   * browsers, which also read GIF, WebP and BMP. A JPEG is turned upright by its EXIF orientation, as browsers (and
   * so the Segments.ai labeling interface) show it, which the labels' size follows; Pillow in the Python SDK keeps
   * the stored orientation. Other formats, corrupt files and images over `maxPixels` (read from the header first)
   * throw an {@link ImageDecodeError}; bad PNGs a `PngError`.
   *
   * @example
   * ```ts
   * const { bytes } = await loadImageFromUrl(sample.attributes.image.url);
   * const image = await decodeImage(bytes);
   * writeFileSync("overlay.png", overlayPng(image, await loadLabelBitmapFromUrl(bitmapUrl), { alpha: 0.4 }));
   * ```
   */
  decodeImage(bytes: PngBytes, options?: DecodeImageOptions): Promise<RgbaImage & { data: Uint8Array }>;
  /**
   * `colorize` + `encodePng`: a viewable PNG of a label bitmap (distinct colour per id, 0 transparent).
   *
   * @example
   * ```ts
   * writeFileSync("mask.png", colorizePng(bitmap));
   * ```
   */
  colorizePng(bitmap: BitmapInput, palette?: Palette): Uint8Array;
  /**
   * `overlay` + `encodePng`: the mask blended over the image, as a PNG.
   *
   * @example
   * ```ts
   * writeFileSync("overlay.png", overlayPng(toRgba(decodePng(imageBytes)), bitmap, { alpha: 0.4 }));
   * ```
   */
  overlayPng(image: RgbaImage, bitmap: BitmapInput, options?: OverlayOptions): Uint8Array;
}

/**
 * Decoders for the images `decodeImage` does not read itself (everything but PNG): each entry passes its own. Without
 * `decodeJpeg`, a JPEG is an `UNSUPPORTED_FORMAT` {@link ImageDecodeError}.
 */
export interface ImageBackend {
  /** JPEG to RGBA; `oriented: true` when the EXIF orientation is applied already (otherwise `decodeImage` does). */
  decodeJpeg?: EntryImageDecoder;
  /** GIF, WebP, BMP, TIFF to RGBA, where the platform can. */
  decodeOther?: EntryImageDecoder;
}

/**
 * Bind the PNG functions to a zlib backend. The package entries already do this (node:zlib in Node, fflate in
 * browsers); use it to plug in another implementation. (Label maps use a built-in run-length codec whatever the
 * backend: `bitmap2file` compresses with it except at level 0, and `decodeLabelBitmap` decodes streams made only of
 * literals and matches at distances 1 and 4 with it; everything else goes through the backend.)
 *
 * @example
 * ```ts
 * const api = createBitmapApi(myWasmZlib);
 * const png = api.bitmap2file(ids, { width, height });
 * ```
 */
/** Bytes per pixel of the RGBA images `decodeImage` returns. */
const RGBA_BYTES = 4;

export function createBitmapApi(zlib: ZlibBackend, images: ImageBackend = {}): BitmapApi {
  const decodeLabelBitmap = (png: PngBytes, options?: DecodePngOptions) =>
    decodeLabelBitmapWith(png, options, zlib);
  const encodePng = (image: EncodePngInput) => encodePngWith(image, zlib);
  const decodePng = (png: PngBytes, options?: DecodePngOptions) => decodePngWith(png, options ?? {}, zlib);
  return {
    zlib,
    bitmap2file: (bitmap, options) => bitmap2fileWith(bitmap, options, zlib),
    decodeLabelBitmap,
    file2bitmap: decodeLabelBitmap,
    async loadLabelBitmapFromUrl(url, options = {}) {
      const { bytes } = await loadImageFromUrl(url, options);
      return decodeLabelBitmap(bytes, options);
    },
    encodePng,
    decodePng,
    decodeImage: async (bytes, options) =>
      decodeImageWith(toBytes(bytes), options ?? {}, {
        decodePng: (png, pngOptions) => decodePngWith(png, pngOptions, zlib, RGBA_BYTES),
        decodeJpeg: images.decodeJpeg,
        decodeOther: images.decodeOther,
      }),
    colorizePng: (bitmap, palette) =>
      encodePng({ ...colorize(bitmap, palette), colorType: "rgba", filter: "sub" }),
    overlayPng: (image, bitmap, options) =>
      encodePng({ ...overlay(image, bitmap, options), colorType: "rgba" }),
  };
}
