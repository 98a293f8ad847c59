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
export { type InstanceBounds, instanceBounds, traceInstance } from "./instances.js";
export { polygonsToMask, regionsToRle } from "./rasterize.js";
export {
  type Region,
  type Ring,
  regionsArea,
  ringArea,
  ringsBbox,
  rotatedBoxCorners,
  simplifyRing,
} from "./rings.js";
export { maskToPolygons, type TraceOptions } from "./trace.js";
