/**
 * COCO instance format <-> Segments labels, by direction.
 *
 * | file | what |
 * | --- | --- |
 * | `types.ts` | the COCO types and the options of both directions |
 * | `export.ts` | Segments labels -> COCO annotations (`toCocoInstance`, `cocoAnnotationsForImage`) |
 * | `writer.ts` | COCO JSON written image by image (`CocoInstanceJsonWriter`, `cocoInstanceJsonChunks`) |
 * | `import.ts` | a COCO document -> Segments labels (`fromCocoInstance`, the `CocoReader` steps) |
 * | `import-annotations.ts` | one image's annotations -> its vector label or instance bitmap |
 * | `stream.ts` | the same import, fed from text chunks (`fromCocoInstanceChunks`) |
 */
export { cocoAnnotationsForImage, toCocoCategories, toCocoInstance } from "./export.js";
export { CocoReader, fromCocoInstance } from "./import.js";
export { type CocoStreamItem, fromCocoInstanceChunks } from "./stream.js";
export type {
  CocoAnnotation,
  CocoCategory,
  CocoImage,
  CocoImport,
  CocoInstanceDataset,
  FromCocoOptions,
  ToCocoOptions,
} from "./types.js";
export { CocoInstanceJsonWriter, cocoInstanceJsonChunks } from "./writer.js";
