/**
 * Regions -> masks with the pycocotools pixel-centre rule (`rleFrPoly` in `maskApi.c`: a pixel is inside when its
 * centre is), ring by ring, holes subtracted: a polygon exported to COCO and rasterised by pycocotools gives the same
 * pixels.
 */
import {
  type BinaryMask,
  countsToString,
  decode,
  frPolyCounts,
  invert,
  merge,
  type Rle,
} from "../rle/index.js";
import type { Region } from "./rings.js";

/**
 * Rasterises regions (outer ring plus holes each) into an RLE with the pycocotools pixel-centre rule: the union of the
 * outer rings minus the union of the holes, per region, then all regions united.
 *
 * @example
 * ```ts
 * const rle = regionsToRle([[[0, 0, 4, 0, 4, 4, 0, 4], [1, 1, 3, 1, 3, 3, 1, 3]]], 4, 4);
 * area(rle); // 12
 * ```
 */
export function regionsToRle(regions: ReadonlyArray<Region>, height: number, width: number): Rle {
  const empty: Rle = { size: [height, width], counts: countsToString([height * width]) };
  const parts: Rle[] = [];
  for (const region of regions) {
    const [outer, ...holes] = region;
    if (outer === undefined || outer.length < 6) continue;
    let rle: Rle = { size: [height, width], counts: countsToString(frPolyCounts(outer, height, width)) };
    if (holes.length > 0) {
      const holeUnion = merge(
        holes.map((hole) => ({ size: [height, width], counts: frPolyCounts(hole, height, width) })),
      );
      rle = merge([rle, invert(holeUnion)], true);
    }
    parts.push(rle);
  }
  return parts.length === 0 ? empty : merge(parts);
}

/**
 * Rasterises regions into a row-major 0/1 mask (see {@link regionsToRle} for the rule).
 *
 * @example
 * ```ts
 * const mask = polygonsToMask([[[1, 1, 3, 1, 3, 3, 1, 3]]], { width: 4, height: 4 });
 * mask.data[1 * 4 + 1]; // 1
 * ```
 */
export function polygonsToMask(
  regions: ReadonlyArray<Region>,
  size: { width: number; height: number },
): BinaryMask {
  return decode(regionsToRle(regions, size.height, size.width));
}
