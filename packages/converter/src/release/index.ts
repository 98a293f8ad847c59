/**
 * Release files and a `SegmentsDataset` equivalent of the Python SDK's: filter by labelset, label status and
 * metadata, iterate samples lazily, load images and label bitmaps on demand through an injectable `fetch`,
 * optionally through a byte cache (the Node subpath provides a directory cache and reads release files from disk).
 *
 * | file | what |
 * | --- | --- |
 * | `dataset.ts` | `SegmentsDataset`, `parseReleaseFile` |
 * | `sample.ts` | `DatasetSample` |
 * | `options.ts` | `DatasetOptions`, `ByteCache`, the task types loaded |
 * | `validate.ts` | the checks of a release file |
 * | `download.ts` | http(s)-only, size-capped downloads and image headers |
 */
export { parseReleaseFile, SegmentsDataset } from "./dataset.js";
export { DEFAULT_MAX_DOWNLOAD_BYTES } from "./download.js";
export {
  type ByteCache,
  type DatasetOptions,
  IMAGE_TASK_TYPES,
  RAW_SAMPLE_TASK_TYPES,
  SEGMENTATION_TASK_TYPES,
} from "./options.js";
export { DatasetSample } from "./sample.js";
