/** RLE of one instance of an instance bitmap (Uint32 ids, row-major), without materialising its mask. */
import type { InstanceBounds } from "../geometry/instances.js";
import { countsToString, type Rle } from "./counts.js";

/**
 * COCO RLE of the pixels equal to `id`, scanning only the columns and rows inside `bounds` (identical to encoding the
 * full binary mask `data === id`).
 *
 * @example
 * ```ts
 * encodeInstance(Uint32Array.of(0, 7, 7, 0), 2, 2, 7).counts; // same as encode() of the mask [0,1,1,0]
 * ```
 */
export function encodeInstance(
  data: Uint32Array,
  width: number,
  height: number,
  id: number,
  bounds?: InstanceBounds,
): Rle {
  const b = bounds ?? { x0: 0, y0: 0, x1: width - 1, y1: height - 1, pixels: 0 };
  const counts: number[] = [];
  let previous = 0;
  let run = b.x0 * height; // whole columns before the box are background
  for (let x = b.x0; x <= b.x1; x++) {
    if (b.y0 > 0 && previous === 1) {
      counts.push(run);
      run = 0;
      previous = 0;
    }
    run += b.y0; // rows above the box
    for (let y = b.y0; y <= b.y1; y++) {
      const v = data[y * width + x] === id ? 1 : 0;
      if (v !== previous) {
        counts.push(run);
        run = 0;
        previous = v;
      }
      run++;
    }
    // rows below the box are background
    const below = height - 1 - b.y1;
    if (below > 0) {
      if (previous === 1) {
        counts.push(run);
        run = 0;
        previous = 0;
      }
      run += below;
    }
  }
  if (width > 0 && b.x1 < width - 1) {
    if (previous === 1) {
      counts.push(run);
      run = 0;
      previous = 0;
    }
    run += (width - 1 - b.x1) * height;
  }
  counts.push(run);
  return { size: [height, width], counts: countsToString(counts) };
}
