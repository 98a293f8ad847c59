/**
 * `@segments-ts/converter`: format converters for Segments.ai labels with pycocotools-exact COCO RLE.
 * Pure functions over in-memory objects; Node file helpers live in `@segments-ts/converter/node`.
 * @packageDocumentation
 */
export { ConversionError, type ConversionWarning, type ProblemLocation, WarningCollector } from "./errors.js";
export * from "./export/index.js";
export {
  type CocoAnnotation,
  type CocoCategory,
  type CocoImage,
  type CocoImport,
  type CocoInstanceDataset,
  type ConversionResult,
  cocoAnnotationsForImage,
  type FromCocoOptions,
  fromCocoInstance,
  type ToCocoOptions,
  toCocoCategories,
  toCocoInstance,
} from "./formats/coco.js";
export * from "./formats/coco-panoptic.js";
export { type CocoStreamItem, fromCocoInstanceChunks } from "./formats/coco-stream.js";
export * from "./formats/index-png.js";
export * from "./formats/labelme.js";
export * from "./formats/voc.js";
export * from "./formats/yolo.js";
export * as geometry from "./geometry/index.js";
export { DEFAULT_MAX_PIXELS } from "./limits.js";
export { type ClaimedName, safePath, UniqueNames } from "./names.js";
export * from "./release/index.js";
export * as rle from "./rle/index.js";
export type * from "./types.js";
