/**
 * Instances of an instance bitmap (Uint32 ids, row-major): their bounds from one scan, and their outlines traced from
 * a crop of their bounds. Every exporter that turns a bitmap instance into polygons (COCO, YOLO, labelme, the
 * `polygon` export) goes through {@link traceInstance}.
 */
import type { InstanceBitmap } from "../types.js";
import type { Region } from "./rings.js";
import { maskToPolygons } from "./trace.js";

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
 * The regions (outer ring plus holes) of the pixels of instance `id`, in image coordinates, traced from a crop of its
 * bounds only. `tolerance` is the Douglas-Peucker tolerance of {@link maskToPolygons} (default 0: exact outlines).
 *
 * @example
 * ```ts
 * const bitmap = { width: 3, height: 2, data: Uint32Array.of(0, 7, 7, 0, 7, 7) };
 * traceInstance(bitmap, 7, instanceBounds(bitmap.data, 3, 2).get(7)!); // [[[1, 0, 3, 0, 3, 2, 1, 2]]]
 * ```
 */
export function traceInstance(
  bitmap: InstanceBitmap,
  id: number,
  bounds: InstanceBounds,
  options: { tolerance?: number } = {},
): Region[] {
  const w = bounds.x1 - bounds.x0 + 1;
  const h = bounds.y1 - bounds.y0 + 1;
  const crop = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = (y + bounds.y0) * bitmap.width + bounds.x0;
    for (let x = 0; x < w; x++) crop[y * w + x] = bitmap.data[row + x] === id ? 1 : 0;
  }
  return maskToPolygons(
    { width: w, height: h, data: crop },
    { tolerance: options.tolerance ?? 0, offsetX: bounds.x0, offsetY: bounds.y0 },
  );
}
