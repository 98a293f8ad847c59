/**
 * labelme shapes -> Segments vector geometry, for every `shape_type` labelme (5.x) draws: rectangle, polygon, point,
 * points, line, linestrip, circle and mask. Segments has no circle and no per-object mask in a vector label, so a
 * circle becomes a polygon within half a pixel of it and a mask becomes the polygons traced from its pixels; both
 * with a warning, since the file's shape type is not kept.
 */
import { decodePng } from "@segments-ts/bitmap";
import { ConversionError, type ProblemLocation, type WarningCollector } from "../errors.js";
import { maskToPolygons } from "../geometry/index.js";
import { DEFAULT_MAX_PIXELS } from "../limits.js";
import type { ImageVectorAnnotation } from "../types.js";
import { flattenPoints, toPairs } from "./common.js";

/** A Segments geometry made from a labelme shape. */
export interface ShapeGeometry {
  type: ImageVectorAnnotation["type"];
  points: number[][];
}

/** The shape types read, with how many points each needs: `[min, max]`. */
const POINT_COUNTS: Record<string, [number, number]> = {
  rectangle: [2, 2],
  polygon: [3, Infinity],
  point: [1, 1],
  points: [1, Infinity],
  line: [2, 2],
  linestrip: [2, Infinity],
  circle: [2, 2],
  mask: [2, 2],
};

/** The `shape_type` values {@link shapeGeometries} reads. */
export const LABELME_SHAPE_TYPES = Object.keys(POINT_COUNTS);

/** Most vertices of a circle's polygon (a circle of radius 2,000 px is still within half a pixel). */
const MAX_CIRCLE_VERTICES = 360;

/**
 * The Segments geometries of one labelme shape (several for `points` and for a mask of several parts). `shape` is
 * the file's object, already checked to be an object with a label.
 */
export function shapeGeometries(
  shape: Record<string, unknown>,
  location: ProblemLocation,
  warnings: WarningCollector,
): ShapeGeometry[] {
  const shapeType = typeof shape.shape_type === "string" ? shape.shape_type : "polygon";
  const counts = POINT_COUNTS[shapeType];
  if (counts === undefined)
    throw new ConversionError(
      `unsupported shape_type ${JSON.stringify(shapeType)} (supported: ${LABELME_SHAPE_TYPES.join(", ")})`,
      { ...location, field: "shape_type" },
    );
  const flat = flattenPoints(shape.points, location);
  const n = flat.length / 2;
  if (n < counts[0] || n > counts[1])
    throw new ConversionError(`${shapeType} with ${n} points`, { ...location, field: "points" });
  const points = toPairs(flat);
  switch (shapeType) {
    case "rectangle": {
      const [x0, y0, x1, y1] = flat as [number, number, number, number];
      return [
        {
          type: "bbox",
          points: [
            [Math.min(x0, x1), Math.min(y0, y1)],
            [Math.max(x0, x1), Math.max(y0, y1)],
          ],
        },
      ];
    }
    case "polygon":
      return [{ type: "polygon", points }];
    case "point":
    case "points":
      return points.map((p) => ({ type: "point", points: [p] }));
    case "line":
    case "linestrip":
      return [{ type: "polyline", points }];
    case "circle":
      return [circlePolygon(flat as [number, number, number, number], location, warnings)];
    default:
      return maskPolygons(shape.mask, flat as [number, number, number, number], location, warnings);
  }
}

/**
 * A labelme circle (`[centre, a point on the circle]`) as a regular polygon whose edges stay within half a pixel of
 * the circle: the sagitta `r (1 - cos(pi / n))` is at most 0.5.
 */
function circlePolygon(
  [cx, cy, px, py]: [number, number, number, number],
  location: ProblemLocation,
  warnings: WarningCollector,
): ShapeGeometry {
  const r = Math.hypot(px - cx, py - cy);
  if (!(r > 0) || !Number.isFinite(r))
    throw new ConversionError(`circle radius must be a positive finite number, got ${r}`, {
      ...location,
      field: "points",
    });
  const n =
    r <= 0.5 ? 8 : Math.min(MAX_CIRCLE_VERTICES, Math.max(8, Math.ceil(Math.PI / Math.acos(1 - 0.5 / r))));
  const points: number[][] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  warnings.add(`circle written as a ${n}-vertex polygon (Segments has no circles)`, {
    ...location,
    field: "shape_type",
  });
  return { type: "polygon", points };
}

/**
 * A labelme mask shape: `points` are the top-left and bottom-right pixels of a box and `mask` a base64 PNG of that
 * box (labelme's `img_arr_to_b64` of a boolean array; any non-zero first channel is inside). Its parts become
 * polygons traced along pixel edges; holes cannot be held by a vector polygon and are reported.
 */
function maskPolygons(
  mask: unknown,
  [x0, y0, x1, y1]: [number, number, number, number],
  location: ProblemLocation,
  warnings: WarningCollector,
): ShapeGeometry[] {
  if (typeof mask !== "string")
    throw new ConversionError("a mask shape needs its mask (a base64 PNG)", { ...location, field: "mask" });
  const png = decodeBase64(mask, { ...location, field: "mask" });
  let decoded: ReturnType<typeof decodePng>;
  try {
    decoded = decodePng(png, { maxPixels: DEFAULT_MAX_PIXELS });
  } catch (error) {
    throw new ConversionError(
      `mask is not a valid PNG: ${(error as Error).message}`,
      { ...location, field: "mask" },
      { cause: error },
    );
  }
  const left = Math.round(Math.min(x0, x1));
  const top = Math.round(Math.min(y0, y1));
  const { width, height, channels, data } = decoded;
  if (width !== Math.round(Math.abs(x1 - x0)) + 1 || height !== Math.round(Math.abs(y1 - y0)) + 1)
    warnings.add(`mask is ${width}x${height}, its box is not: placed at the box's top-left pixel`, {
      ...location,
      field: "mask",
    });
  const bits = new Uint8Array(width * height);
  for (let i = 0; i < bits.length; i++) bits[i] = data[i * channels] === 0 ? 0 : 1;
  const regions = maskToPolygons({ width, height, data: bits }, { offsetX: left, offsetY: top });
  if (regions.length === 0) warnings.add("mask has no pixels (skipped)", { ...location, field: "mask" });
  const holes = regions.reduce((sum, r) => sum + r.length - 1, 0);
  if (holes > 0)
    warnings.add(`${holes} hole(s) of the mask cannot be held by a polygon (outer rings kept)`, {
      ...location,
      field: "mask",
    });
  return regions.map((r) => ({ type: "polygon", points: toPairs(r[0] as number[]) }));
}

/**
 * Decodes standard base64 (RFC 4648 section 4; line breaks allowed, as some writers wrap it), refusing anything
 * else with a located error. `limit` decodes only the first bytes (an image's header is enough for its size).
 */
export function decodeBase64(text: string, location: ProblemLocation, limit = Infinity): Uint8Array {
  const clean = text.replace(/[\r\n]/g, "");
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean))
    throw new ConversionError("not valid base64", location);
  const chars = Math.min(clean.length, Math.ceil(limit / 3) * 4);
  const binary = atob(clean.slice(0, chars));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
