/**
 * Polygons and boxes -> RLE, exactly as pycocotools rasterises them (`rleFrPoly`, `rleFrBbox` in `maskApi.c`).
 */
import { ConversionError } from "../errors.js";
import { type Rle, toRle } from "./counts.js";

/**
 * Rasterises one polygon `[x1, y1, x2, y2, ...]` (pixel-edge coordinates) into an RLE exactly like pycocotools
 * `frPoly`: a pixel is inside when its centre is, after snapping vertices to a 1/5-pixel grid. Orientation and a
 * repeated closing vertex do not matter; parts outside the image are clipped.
 *
 * @example
 * ```ts
 * frPoly([10, 10, 20, 10, 20, 20, 10, 20], 30, 30).counts; // "f9:d000000000000000000R9"
 * ```
 */
export function frPoly(polygon: ArrayLike<number>, height: number, width: number): Rle {
  return toRle({ h: height, w: width, counts: frPolyCounts(polygon, height, width) });
}

/**
 * Boundary steps allowed per rasterised polygon: at least 2^24, and always enough for any polygon whose vertices lie
 * within about an image size of the image (each edge then takes at most `5 * (width + height)` steps). A vertex far
 * outside the image (a corrupt `1e9`) would otherwise cost billions of steps for pixels that are never drawn.
 */
function maxPolygonSteps(vertices: number, height: number, width: number): number {
  return Math.max(2 ** 24, 10 * vertices * (width + height + 1));
}

/** {@link frPoly} returning uncompressed counts. */
export function frPolyCounts(polygon: ArrayLike<number>, height: number, width: number): number[] {
  const { x, y, k } = upsample(polygon);
  checkOutlineLength(x, y, k, height, width);
  return togglesToCounts(columnCrossings(x, y, k, height, width), height, width);
}

/** The 1/5-pixel grid of `rleFrPoly`. */
const SCALE = 5;

/** The vertices on the upsampled grid, as pycocotools rounds them, the first repeated at the end. */
function upsample(polygon: ArrayLike<number>): { x: Int32Array; y: Int32Array; k: number } {
  const k = Math.floor(polygon.length / 2);
  const x = new Int32Array(k + 1);
  const y = new Int32Array(k + 1);
  for (let i = 0; i < 2 * k; i++) {
    const value = polygon[i] as number;
    if (!Number.isFinite(value)) {
      throw new ConversionError(`polygon coordinate ${i} is not a finite number`, { field: "segmentation" });
    }
    // The upsampled grid is 32-bit as in pycocotools; a coordinate beyond it would wrap around silently.
    const scaled = Math.trunc(SCALE * value + 0.5);
    if (Math.abs(scaled) > 2 ** 31 - 1) {
      throw new ConversionError(`polygon coordinate ${i} (${value}) is too large to rasterise`, {
        field: "segmentation",
      });
    }
    if (i % 2 === 0) x[i / 2] = scaled;
    else y[(i - 1) / 2] = scaled;
  }
  x[k] = x[0] as number;
  y[k] = y[0] as number;
  return { x, y, k };
}

/** Refuses an outline whose dense boundary points are too many to walk (see {@link maxPolygonSteps}). */
function checkOutlineLength(x: Int32Array, y: Int32Array, k: number, h: number, w: number): void {
  let m = 0;
  for (let j = 0; j < k; j++) {
    m +=
      Math.max(
        Math.abs((x[j] as number) - (x[j + 1] as number)),
        Math.abs((y[j] as number) - (y[j + 1] as number)),
      ) + 1;
  }
  const limit = maxPolygonSteps(k, h, w);
  if (m > limit) {
    throw new ConversionError(
      `polygon outline of ${m} steps is too long to rasterise (limit ${limit}): a vertex lies far outside the ${h}x${w} image`,
      { field: "segmentation" },
    );
  }
}

/**
 * The points where the dense boundary crosses a pixel-centre column, downsampled to pixel indices (`x * h + y`).
 * The boundary points are generated and consumed one at a time; pycocotools stores them all first: same points,
 * same order.
 */
function columnCrossings(x: Int32Array, y: Int32Array, k: number, h: number, w: number): number[] {
  const a: number[] = [];
  let first = true;
  let up = 0;
  let vp = 0;
  const visit = (uj: number, vj: number) => {
    if (first) first = false;
    else if (uj !== up) {
      let xd = uj < up ? uj : uj - 1;
      xd = (xd + 0.5) / SCALE - 0.5;
      if (Math.floor(xd) === xd && xd >= 0 && xd <= w - 1) {
        let yd = Math.min(vj, vp);
        yd = (yd + 0.5) / SCALE - 0.5;
        if (yd < 0) yd = 0;
        else if (yd > h) yd = h;
        yd = Math.ceil(yd);
        a.push(xd * h + yd);
      }
    }
    up = uj;
    vp = vj;
  };
  for (let j = 0; j < k; j++) {
    let xs = x[j] as number;
    let xe = x[j + 1] as number;
    let ys = y[j] as number;
    let ye = y[j + 1] as number;
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) {
      [xs, xe] = [xe, xs];
      [ys, ye] = [ye, ys];
    }
    // `| 0` and `Math.trunc` reproduce the C int casts (the Int32Array stores of the materialised version).
    if (dx >= dy) {
      const s = dx === 0 ? 0 : (ye - ys) / dx; // C gives NaN for a zero-length edge; its point is never used
      for (let d = 0; d <= dx; d++) {
        const t = flip ? dx - d : d;
        visit((t + xs) | 0, Math.trunc(ys + s * t + 0.5) | 0);
      }
    } else {
      const s = (xe - xs) / dy;
      for (let d = 0; d <= dy; d++) {
        const t = flip ? dy - d : d;
        visit(Math.trunc(xs + s * t + 0.5) | 0, (t + ys) | 0);
      }
    }
  }
  return a;
}

/** Sorted toggle positions -> run lengths, cancelling toggles at the same position. */
function togglesToCounts(a: number[], h: number, w: number): number[] {
  a.push(h * w);
  a.sort((p, q) => p - q);
  let previous = 0;
  for (let j = 0; j < a.length; j++) {
    const t = a[j] as number;
    a[j] = t - previous;
    previous = t;
  }
  const b: number[] = [a[0] as number];
  let j = 1;
  while (j < a.length) {
    if ((a[j] as number) > 0) b.push(a[j++] as number);
    else {
      j++;
      if (j < a.length) b[b.length - 1] = (b[b.length - 1] as number) + (a[j++] as number);
    }
  }
  return b;
}

/**
 * RLE of an axis-aligned box `[x, y, width, height]` (pycocotools `frBbox`).
 *
 * @example
 * ```ts
 * frBbox([2, 3, 4, 5], 10, 10).counts; // "g05500000U1"
 * ```
 */
export function frBbox(bbox: ArrayLike<number>, height: number, width: number): Rle {
  const [x, y, bw, bh] = [
    bbox[0] ?? Number.NaN,
    bbox[1] ?? Number.NaN,
    bbox[2] ?? Number.NaN,
    bbox[3] ?? Number.NaN,
  ];
  return frPoly([x, y, x, y + bh, x + bw, y + bh, x + bw, y], height, width);
}
