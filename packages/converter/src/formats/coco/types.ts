/** The COCO instance format's types (https://cocodataset.org/#format-data), as read and written here. */
import type { CocoSegmentation } from "../../rle/index.js";
import type { Category, LabeledImage, ObjectAttributes } from "../../types.js";

export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  [extra: string]: unknown;
}

export interface CocoCategory {
  id: number;
  name: string;
  supercategory?: string;
  color?: number[];
  keypoints?: string[];
  skeleton?: number[][];
  [extra: string]: unknown;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  bbox: number[];
  area: number;
  iscrowd: 0 | 1;
  segmentation?: CocoSegmentation;
  keypoints?: number[];
  num_keypoints?: number;
  attributes?: ObjectAttributes;
  [extra: string]: unknown;
}

export interface CocoInstanceDataset {
  info?: Record<string, unknown>;
  licenses?: unknown[];
  images: CocoImage[];
  categories: CocoCategory[];
  annotations: CocoAnnotation[];
}

/** Options of {@link toCocoInstance}. */
export interface ToCocoOptions {
  /** How bitmap instances are written: `rle` (default, like the Segments SDK) or `polygon` (traced outlines). Instances
   * with holes are always written as RLE, since COCO polygons cannot hold holes. */
  bitmapSegmentation?: "rle" | "polygon";
  /** Douglas-Peucker tolerance for traced polygons, in pixels (default 0: exact pixel outlines). */
  polygonTolerance?: number;
  /** `info` block of the output. */
  info?: Record<string, unknown>;
  /** Output file name, used in warnings and errors. */
  file?: string;
}

/** Options of {@link fromCocoInstance}. */
export interface FromCocoOptions {
  /**
   * `vector` (default): bbox / polygon / point annotations. Polygons with several parts become several polygon
   * annotations and RLE masks are traced into polygons; each of these cases is reported as a warning (vector labels
   * cannot hold holes or multi-part shapes). `segmentation`: an instance bitmap per image that keeps every pixel.
   */
  target?: "vector" | "segmentation";
  /** Source file name, used in errors and warnings. */
  file?: string;
  /**
   * Largest mask, in pixels, the import may allocate (default {@link DEFAULT_MAX_PIXELS}, 2^28): with target
   * `segmentation` the size of every image, with target `vector` the size of every RLE mask (traced into polygons).
   * Checked from the sizes declared in the file, before anything is allocated, so a small file claiming a huge image
   * fails fast with a {@link ConversionError}. Raise it to convert larger images.
   */
  maxPixels?: number;
}

/** The result of {@link fromCocoInstance}. */
export interface CocoImport {
  images: LabeledImage[];
  categories: Category[];
}
