/** PNG colour types by name: gray (0), rgb (2), palette (3), gray-alpha (4), rgba (6). */
export type PngColorType = "gray" | "rgb" | "palette" | "gray-alpha" | "rgba";

/** Bit depths PNG allows (not every one for every colour type). */
export type PngBitDepth = 1 | 2 | 4 | 8 | 16;

/** A decoded PNG: raw samples in the file's own format, one sample per array element (bit depths < 8 unpacked). */
export interface DecodedPng {
  width: number;
  height: number;
  colorType: PngColorType;
  bitDepth: PngBitDepth;
  /** Samples per pixel: 1 (gray, palette), 2 (gray-alpha), 3 (rgb), 4 (rgba). */
  channels: 1 | 2 | 3 | 4;
  /** Row-major, channels interleaved. `Uint16Array` for 16-bit images, `Uint8Array` otherwise (palette: indices). */
  data: Uint8Array | Uint16Array;
  /** PLTE entries as RGB triples (palette images, or a suggested palette in others). */
  palette?: Uint8Array;
  /** tRNS: per palette entry alpha (palette), or the transparent sample value(s) (gray: [v], rgb: [r, g, b]). */
  transparency?: Uint8Array | Uint16Array;
  interlaced: boolean;
}

/** An 8-bit RGBA image, the format `colorize` and `overlay` produce and `encodePng` accepts with colorType "rgba". */
export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, RGBA. */
  data: Uint8Array | Uint8ClampedArray;
}

/** A segmentation bitmap: one instance id per pixel (0 = unlabeled), row-major. */
export interface LabelBitmap {
  width: number;
  height: number;
  /** width * height ids. May be a view on a larger ArrayBuffer (decoders reuse their buffers): mind byteOffset/byteLength. */
  data: Uint32Array;
}

/** Integer arrays accepted as instance ids. */
export type IdArray =
  | Uint32Array
  | Int32Array
  | Uint16Array
  | Int16Array
  | Uint8Array
  | Uint8ClampedArray
  | Int8Array
  | Float64Array
  | Float32Array
  | readonly number[];

/**
 * Ids as rows, `rows[y][x]`: nested arrays (JSON, `tensor.arraySync()`) or an array of typed-array rows. The shape
 * comes from the rows; every row must be as long as the first.
 */
export type IdRows = readonly (readonly number[] | Exclude<IdArray, readonly number[]>)[];

/**
 * A typed array with its shape, as numpy-like libraries give them: `{ data, width, height }` or
 * `{ data, shape: [height, width] }` (a trailing `1` channel dimension is allowed).
 */
export type ShapedIds =
  | { data: IdArray; width: number; height: number }
  | { data: IdArray; shape: readonly number[] };
