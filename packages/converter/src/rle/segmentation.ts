/** A COCO annotation's `segmentation`, whatever its form, as one RLE (pycocotools `COCO.annToRLE`). */
import { ConversionError } from "../errors.js";
import { countsToString, type Rle, runsOf, toRle, type UncompressedRle } from "./counts.js";
import { merge } from "./merge.js";
import { frPoly } from "./polygon.js";

/** A COCO `segmentation` value: polygons, an uncompressed RLE or a compressed RLE. */
export type CocoSegmentation = number[][] | Rle | UncompressedRle;

/**
 * Any COCO segmentation to a compressed RLE (pycocotools `COCO.annToRLE`): polygons are rasterised with
 * {@link frPoly} and united.
 *
 * @example
 * ```ts
 * segmentationToRle([[0, 0, 2, 0, 2, 2, 0, 2]], 4, 4).counts; // same as frBbox([0, 0, 2, 2], 4, 4)
 * ```
 */
export function segmentationToRle(segmentation: CocoSegmentation, height: number, width: number): Rle {
  if (Array.isArray(segmentation)) {
    if (segmentation.length === 0) return { size: [height, width], counts: countsToString([height * width]) };
    return merge(segmentation.map((polygon) => frPoly(polygon, height, width)));
  }
  const runs = runsOf(segmentation);
  if (runs.h !== height || runs.w !== width) {
    throw new ConversionError(`RLE size [${runs.h}, ${runs.w}] does not match the image ${height}x${width}`, {
      field: "segmentation.size",
    });
  }
  return toRle(runs);
}
