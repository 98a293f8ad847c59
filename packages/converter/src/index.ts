/**
 * `@segments-ts/converter`: format converters for Segments.ai labels with pycocotools-exact COCO RLE.
 * Pure functions over in-memory objects, for Node and browsers; what needs the file system lives in
 * `@segments-ts/converter/node`.
 *
 * | folder | what |
 * | --- | --- |
 * | `rle/`, `geometry/` | pycocotools-exact RLE and polygon <-> mask geometry (the `rle` and `geometry` namespaces) |
 * | `formats/` | one converter per format, both ways; `dataset-formats.ts` registers the per-dataset ones |
 * | `release/` | `SegmentsDataset`: release files, filters, downloads |
 * | `export/` | `exportTo` and the registry of export formats |
 * | `node/` | the `/node` entry: cache, release files, COCO files, exports and folders on disk |
 * @packageDocumentation
 */
export {
  ConversionError,
  type ConversionResult,
  type ConversionWarning,
  type ProblemLocation,
  WarningCollector,
} from "./errors.js";
export * from "./export/index.js";
export {
  type CocoAnnotation,
  type CocoCategory,
  type CocoImage,
  type CocoImport,
  type CocoInstanceDataset,
  CocoInstanceJsonWriter,
  type CocoStreamItem,
  cocoAnnotationsForImage,
  cocoInstanceJsonChunks,
  type FromCocoOptions,
  fromCocoInstance,
  fromCocoInstanceChunks,
  type ToCocoOptions,
  toCocoCategories,
  toCocoInstance,
} from "./formats/coco/index.js";
export * from "./formats/coco-panoptic.js";
export { CategoryLimitError, MAX_CATEGORIES } from "./formats/common.js";
export {
  type DatasetFiles,
  type DatasetFormat,
  defineDatasetFormat,
  type LabeledDataset,
  type WrittenFiles,
} from "./formats/dataset-format.js";
export {
  cocoFormat,
  DATASET_FORMAT_NAMES,
  DATASET_FORMATS,
  type DatasetFormatName,
  datasetFormat,
  labelmeFormat,
  vocFormat,
  yoloFormat,
  yoloPoseFormat,
} from "./formats/dataset-formats.js";
export * from "./formats/index-png.js";
export * from "./formats/keypoints.js";
export * from "./formats/labelme.js";
export { LABELME_SHAPE_TYPES } from "./formats/labelme-shapes.js";
export { cocoPanopticFormat, indexPngFormat } from "./formats/png-dataset-formats.js";
export * from "./formats/voc.js";
export * from "./formats/yolo.js";
export * from "./formats/yolo-data-yaml.js";
export * from "./formats/yolo-import.js";
export * from "./formats/yolo-pose.js";
export * from "./formats/yolo-pose-import.js";
export * as geometry from "./geometry/index.js";
export { imageSize } from "./image-size.js";
export { DEFAULT_MAX_PIXELS } from "./limits.js";
export { type ClaimedName, safePath, UniqueNames } from "./names.js";
export * from "./release/index.js";
export * as rle from "./rle/index.js";
export type * from "./types.js";
