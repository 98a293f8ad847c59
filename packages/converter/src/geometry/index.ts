/**
 * Polygon <-> mask geometry in pixel-edge coordinates (pixel (x, y) covers [x, x+1) x [y, y+1)), exported as the
 * `geometry` namespace of the package (`geometry.maskToPolygons`, ...).
 *
 * | file | what |
 * | --- | --- |
 * | `rings.ts` | ring and region areas, bounds, Douglas-Peucker simplification, rotated boxes |
 * | `rasterize.ts` | regions -> RLE / mask with the pycocotools pixel-centre rule |
 * | `trace.ts` | mask -> regions, along pixel edges (exact) |
 * | `instances.ts` | bounds of every instance of an instance bitmap; one instance traced into regions |
 */
export { instanceBounds, traceInstance } from "./instances.js";
export { polygonsToMask, regionsToRle } from "./rasterize.js";
export {
  regionsArea,
  ringArea,
  ringsBbox,
  ringsBounds,
  rotatedBoxCorners,
  simplifyRing,
} from "./rings.js";
export { maskToPolygons, type TraceOptions } from "./trace.js";

// Re-declared rather than re-exported, for the reason given in `../rle/index.ts`.
import type { InstanceBounds as BoundsOfInstance } from "./instances.js";
import type { Region as RegionOfRings, Ring as RingOfPoints } from "./rings.js";
/** Per-id pixel bounds `[x0, y0, x1, y1]` (inclusive) and pixel counts, see {@link instanceBounds}. */
export type InstanceBounds = BoundsOfInstance;
/** A region: ring 0 is the outer boundary, the others are holes. */
export type Region = RegionOfRings;
/** A ring as a flat `[x1, y1, x2, y2, ...]` list (not closed: the first vertex is not repeated). */
export type Ring = RingOfPoints;
