// Everything both entries export unchanged (no zlib needed).
export {
  type BitmapApi,
  createBitmapApi,
  type ImageBackend,
  type LoadLabelOptions,
  type PngBytes,
} from "./api.js";
export { PngError, type PngErrorCode } from "./errors.js";
export {
  type AnnotationLike,
  type BitmapInput,
  type Color,
  colorize,
  getSemanticBitmap,
  type InstanceStat,
  instanceColor,
  instanceStats,
  type OverlayOptions,
  overlay,
  type Palette,
  type SemanticOptions,
  toRgba,
} from "./helpers.js";
export {
  type DecodeImageOptions,
  type EntryImageDecoder,
  ImageDecodeError,
  type ImageDecodeErrorCode,
  type ImageFormat,
  sniffImageFormat,
} from "./image.js";
export { type Bitmap2FileOptions, idsFromDecoded, MAX_INSTANCE_ID } from "./label.js";
export {
  DEFAULT_MAX_DOWNLOAD_BYTES,
  DownloadError,
  type LoadedImage,
  type LoadOptions,
  loadImageFromUrl,
} from "./load.js";
export { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_PIXELS, type DecodePngOptions } from "./png-chunks.js";
export type { EncodePngInput, PngFilter } from "./png-encode.js";
export type {
  DecodedPng,
  IdArray,
  IdRows,
  LabelBitmap,
  PngBitDepth,
  PngColorType,
  RgbaImage,
  ShapedIds,
} from "./types.js";
export type { ZlibBackend } from "./zlib.js";
