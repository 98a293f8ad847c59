/** What a `SegmentsDataset` is given: options, a byte cache, and the task types it loads. */
import type { TaskType } from "../types.js";
import { DEFAULT_MAX_DOWNLOAD_BYTES } from "./download.js";

/** A byte cache keyed by relative path (e.g. `jane_flowers/v0.1/donuts.jpg`). */
export interface ByteCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/** Options of {@link SegmentsDataset}. */
export interface DatasetOptions {
  /** Labelset to read (default `ground-truth`); must exist in the release. */
  labelset?: string;
  /** Keep only samples whose label status is one of these (case-insensitive; unlabeled samples count as `UNLABELED`). */
  filterBy?: string | string[];
  /** Keep only samples whose metadata contains all of these key/value pairs. */
  filterByMetadata?: Record<string, unknown>;
  /**
   * `fetch` used for the release file, images and bitmaps (default: the global one). Only `http:` and `https:` URLs
   * are fetched, whatever the release says (images may also be `data:image/...` URLs, decoded without a fetch).
   */
  fetch?: typeof fetch;
  /** Cache for downloaded bytes. */
  cache?: ByteCache;
  /**
   * Largest label bitmap, in pixels, decoded by `loadBitmap` (default {@link DEFAULT_MAX_PIXELS}, 2^28), checked from
   * the PNG header before decoding.
   */
  maxPixels?: number;
  /**
   * Largest download, in bytes (default {@link DEFAULT_MAX_DOWNLOAD_BYTES}, 256 MiB): the release file, each image
   * and each label bitmap. Bodies are streamed and the download stops as soon as it passes the limit.
   */
  maxDownloadBytes?: number;
}

/**
 * Task types whose labels are segmentation bitmaps (instance ids in a PNG).
 *
 * @example
 * ```ts
 * if (SEGMENTATION_TASK_TYPES.includes(dataset.taskType)) console.log("bitmap labels");
 * ```
 */
export const SEGMENTATION_TASK_TYPES: readonly TaskType[] = [
  "segmentation-bitmap",
  "segmentation-bitmap-highres",
];

/** Image task types: samples load their image and label, and convert to a {@link LabeledImage}. */
export const IMAGE_TASK_TYPES: readonly TaskType[] = [
  ...SEGMENTATION_TASK_TYPES,
  "vector",
  "bboxes",
  "keypoints",
];

/**
 * Task types that are loaded, filtered and iterated like image tasks but whose samples are only available raw
 * (`sample.raw`, the release sample, and `sample.label`, its label attributes), as the Python SDK's
 * `SegmentsDataset` returns the raw release sample for them.
 */
export const RAW_SAMPLE_TASK_TYPES: readonly TaskType[] = [
  "image-vector-sequence",
  "pointcloud-cuboid",
  "pointcloud-segmentation",
];

export const SUPPORTED_TASK_TYPES: readonly string[] = [...IMAGE_TASK_TYPES, ...RAW_SAMPLE_TASK_TYPES];
