/**
 * COCO run-length encoding, bit-for-bit compatible with pycocotools (`common/maskApi.c`), exported as the `rle`
 * namespace of the package (`rle.encode`, `rle.frPoly`, ...).
 *
 * Written from the documented algorithm; pycocotools is the spec, not the source. There is no maintained JS library
 * for COCO RLE, so this is our own implementation.
 *
 * Conventions:
 * - Masks passed in and returned are **row-major** (`data[y * width + x]`, like ImageData) unless `order:
 *   "column-major"` is given; RLE counts always run column by column (`x * height + y`), as pycocotools does.
 * - Any non-zero byte is foreground (pycocotools compares raw bytes, which only differs for masks with 3+ values).
 *
 * | file | pycocotools (`maskApi.c`) |
 * | --- | --- |
 * | `counts.ts` | `rleToString`, `rleFrString` |
 * | `mask.ts` | `rleEncode`, `rleDecode`, `rleArea`, `rleToBbox` |
 * | `polygon.ts` | `rleFrPoly`, `rleFrBbox` |
 * | `merge.ts` | `rleMerge`, `rleIou` (and our `invert`) |
 * | `segmentation.ts` | `COCO.annToRLE` (`coco.py`) |
 * | `instance.ts` | `rleEncode` of one id of an instance bitmap |
 */
export { compressRle, countsToString, decompressRle, stringToCounts } from "./counts.js";

// The types are re-declared here rather than re-exported: the declaration bundler turns a type that lives in a chunk
// shared with the `/node` entry into a `typeof` value inside an `export * as rle` namespace, which does not compile.
import type { Rle as CountsRle, UncompressedRle as CountsUncompressedRle } from "./counts.js";
import type { CocoSegmentation as SegmentationOfCoco } from "./segmentation.js";
/** A compressed COCO RLE (`counts` as a string), see {@link compressRle}. */
export type Rle = CountsRle;
/** An uncompressed COCO RLE (`counts` as run lengths), see {@link decompressRle}. */
export type UncompressedRle = CountsUncompressedRle;
/** Any COCO `segmentation` value: polygons, compressed or uncompressed RLE. */
export type CocoSegmentation = SegmentationOfCoco;
export { encodeInstance } from "./instance.js";
export {
  area,
  type BinaryMask,
  decode,
  decodeCropped,
  encode,
  encodeCounts,
  type MaskOrder,
  toBbox,
} from "./mask.js";
export { invert, iou, merge } from "./merge.js";
export { frBbox, frPoly, frPolyCounts } from "./polygon.js";
export { segmentationToRle } from "./segmentation.js";
