/** RLE helpers over instance bitmaps (Uint32 ids, row-major), without materialising one mask per instance. */
import { countsToString, type Rle } from "./index.js";

/** Per-id pixel bounds `[x0, y0, x1, y1]` (inclusive) and pixel counts, from one scan. */
export interface InstanceBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/**
 * Scans an instance bitmap once and returns the bounds and pixel count of every non-zero id.
 *
 * @example
 * ```ts
 * instanceBounds(Uint32Array.of(0, 7, 7, 0), 2, 2).get(7); // { x0: 0, y0: 0, x1: 1, y1: 1, pixels: 2 }
 * ```
 */
export function instanceBounds(
  data: Uint32Array,
  width: number,
  height: number,
): Map<number, InstanceBounds> {
  const out = new Map<number, InstanceBounds>();
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const id = data[row + x] as number;
      if (id === 0) continue;
      const b = out.get(id);
      if (b === undefined) out.set(id, { x0: x, y0: y, x1: x, y1: y, pixels: 1 });
      else {
        if (x < b.x0) b.x0 = x;
        if (x > b.x1) b.x1 = x;
        if (y > b.y1) b.y1 = y;
        b.pixels++;
      }
    }
  }
  return out;
}

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
