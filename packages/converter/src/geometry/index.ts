/**
 * Polygon <-> mask geometry in pixel-edge coordinates (pixel (x, y) covers [x, x+1) x [y, y+1)).
 *
 * - Rasterisation follows pycocotools `frPoly` (a pixel is inside when its centre is), ring by ring, so a polygon
 *   exported to COCO and rasterised by pycocotools gives the same pixels. Holes are subtracted.
 * - Contour tracing follows pixel edges ("crack" boundaries), so tracing a mask and rasterising the result gives the
 *   mask back exactly (with no simplification). Foreground is 4-connected: pixels touching only at a corner become
 *   separate regions. Outer rings run clockwise on screen (y down) and holes counter-clockwise, like FastLabel.
 *
 * Our own implementation: the algorithms are short and the usual JS libraries (opencv.js) are multi-megabyte.
 */
import { ConversionError } from "../errors.js";
import {
  type BinaryMask,
  countsToString,
  decode,
  frPolyCounts,
  invert,
  merge,
  type Rle,
} from "../rle/index.js";

/** A ring as a flat `[x1, y1, x2, y2, ...]` list (not closed: the first vertex is not repeated). */
export type Ring = number[];

/** A region: ring 0 is the outer boundary, the others are holes. */
export type Region = Ring[];

/**
 * Signed shoelace area of a ring; positive for clockwise on screen (y down). A repeated closing vertex adds nothing.
 *
 * @example
 * ```ts
 * ringArea([0, 0, 10, 0, 10, 10, 0, 10]); // 100
 * ```
 */
export function ringArea(ring: ArrayLike<number>): number {
  const n = Math.floor(ring.length / 2);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum +=
      (ring[2 * i] as number) * (ring[2 * j + 1] as number) -
      (ring[2 * j] as number) * (ring[2 * i + 1] as number);
  }
  return sum / 2;
}

/**
 * Geometric area of regions: outer rings minus holes (FastLabel sums outer rings and ignores holes).
 *
 * @example
 * ```ts
 * regionsArea([[[0, 0, 20, 0, 20, 20, 0, 20], [5, 5, 10, 5, 10, 10, 5, 10]]]); // 375
 * ```
 */
export function regionsArea(regions: ReadonlyArray<Region>): number {
  let total = 0;
  for (const region of regions) {
    region.forEach((ring, i) => {
      const a = Math.abs(ringArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

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

/** Options for {@link maskToPolygons}. */
export interface TraceOptions {
  /**
   * Douglas-Peucker tolerance in pixels. 0 (default) keeps the exact pixel outline, only merging collinear steps.
   * A ring that would collapse below 3 vertices is kept unsimplified.
   */
  tolerance?: number;
  /** Added to every x / y (used when tracing a crop of a larger image). */
  offsetX?: number;
  offsetY?: number;
}

/**
 * Traces the pixel-edge outlines of a mask into regions (outer ring plus holes), one region per 4-connected
 * component, in scan order of their top-left pixel.
 *
 * @example
 * ```ts
 * const regions = maskToPolygons({ width: 3, height: 3, data: Uint8Array.of(1, 1, 1, 1, 0, 1, 1, 1, 1) });
 * // [[[0, 0, 3, 0, 3, 3, 0, 3], [1, 2, 2, 2, 2, 1, 1, 1]]]
 * ```
 */
export function maskToPolygons(mask: BinaryMask, options: TraceOptions = {}): Region[] {
  const { width: w, height: h, data } = mask;
  if (data.length !== w * h) {
    throw new ConversionError(`mask has ${data.length} pixels, expected ${w}x${h}`, { field: "data" });
  }
  const fg = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;
  const labels = labelComponents(mask);
  // Visited flags per directed boundary edge, keyed by the pixel it belongs to: 1 top(E), 2 right(S), 4 bottom(W), 8 left(N).
  const visited = new Uint8Array(w * h);
  const regions = new Map<number, Region>();
  const order: number[] = [];
  const ox = options.offsetX ?? 0;
  const oy = options.offsetY ?? 0;
  const tolerance = options.tolerance ?? 0;

  // Directions: 0 E, 1 S, 2 W, 3 N. dx/dy per direction.
  const DX = [1, 0, -1, 0] as const;
  const DY = [0, 1, 0, -1] as const;
  // Does an edge leave vertex (vx, vy) in direction d with foreground on its right? Returns the owning pixel flag.
  const edgeExists = (vx: number, vy: number, d: number): boolean => {
    switch (d) {
      case 0:
        return fg(vx, vy) && !fg(vx, vy - 1);
      case 1:
        return fg(vx - 1, vy) && !fg(vx, vy);
      case 2:
        return fg(vx - 1, vy - 1) && !fg(vx - 1, vy);
      default:
        return fg(vx, vy - 1) && !fg(vx - 1, vy - 1);
    }
  };
  const markEdge = (vx: number, vy: number, d: number): void => {
    switch (d) {
      case 0:
        visited[vy * w + vx] = (visited[vy * w + vx] as number) | 1;
        break;
      case 1:
        visited[vy * w + vx - 1] = (visited[vy * w + vx - 1] as number) | 2;
        break;
      case 2:
        visited[(vy - 1) * w + vx - 1] = (visited[(vy - 1) * w + vx - 1] as number) | 4;
        break;
      default:
        visited[(vy - 1) * w + vx] = (visited[(vy - 1) * w + vx] as number) | 8;
    }
  };

  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (data[i] === 0 || (y > 0 && data[i - w] !== 0) || ((visited[i] as number) & 1) !== 0) continue;
      // Start a loop at the top edge of pixel (x, y), heading east.
      const ring: number[] = [];
      let vx = x;
      let vy = y;
      let d = 0;
      const startX = x;
      const startY = y;
      let previousDirection = -1;
      do {
        if (d !== previousDirection) ring.push(vx + ox, vy + oy);
        previousDirection = d;
        markEdge(vx, vy, d);
        vx += DX[d] as number;
        vy += DY[d] as number;
        // Prefer a right turn, then straight, then left: keeps foreground 4-connected at saddle points.
        const right = (d + 1) % 4;
        const left = (d + 3) % 4;
        if (edgeExists(vx, vy, right)) d = right;
        else if (edgeExists(vx, vy, d)) {
          // straight on
        } else if (edgeExists(vx, vy, left)) d = left;
        else throw new ConversionError("internal error: broken contour", { field: "mask" });
      } while (!(vx === startX && vy === startY && d === 0));
      // The loop closes where it started; drop a start vertex that lies in the middle of a straight run.
      if (previousDirection === 0 && ring.length >= 4) ring.splice(0, 2);
      const label = labels[i] as number;
      let region = regions.get(label);
      if (region === undefined) {
        region = [];
        regions.set(label, region);
        order.push(label);
      }
      const simplified = tolerance > 0 ? simplifyRing(ring, tolerance) : ring;
      if (ringArea(ring) > 0) region.unshift(simplified);
      else region.push(simplified);
    }
  }
  return order.map((label) => regions.get(label) as Region);
}

/** 4-connected component labels (1-based, 0 = background), by union-find over one scan. */
function labelComponents(mask: BinaryMask): Int32Array {
  const { width: w, height: h, data } = mask;
  const labels = new Int32Array(w * h);
  const parent: number[] = [0];
  const find = (a: number): number => {
    let r = a;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[a] !== r) {
      const next = parent[a] as number;
      parent[a] = r;
      a = next;
    }
    return r;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (data[i] === 0) continue;
      const up = y > 0 ? (labels[i - w] as number) : 0;
      const leftLabel = x > 0 ? (labels[i - 1] as number) : 0;
      if (up === 0 && leftLabel === 0) {
        parent.push(parent.length);
        labels[i] = parent.length - 1;
      } else if (up !== 0 && leftLabel !== 0) {
        const a = find(up);
        const b = find(leftLabel);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        labels[i] = Math.min(a, b);
      } else labels[i] = up !== 0 ? up : leftLabel;
    }
  }
  for (let i = 0; i < labels.length; i++) if (labels[i] !== 0) labels[i] = find(labels[i] as number);
  return labels;
}

/**
 * Douglas-Peucker simplification of a closed ring. Keeps at least 3 vertices (returns the input when it cannot).
 *
 * @example
 * ```ts
 * simplifyRing([0, 0, 5, 0.1, 10, 0, 10, 10, 0, 10], 0.5); // [0, 0, 10, 0, 10, 10, 0, 10]
 * ```
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  const n = Math.floor(ring.length / 2);
  if (n <= 3 || tolerance <= 0) return ring;
  // Split the closed ring at vertex 0 and the vertex farthest from it; simplify both open chains.
  let far = 0;
  let best = -1;
  for (let i = 1; i < n; i++) {
    const d =
      ((ring[2 * i] as number) - (ring[0] as number)) ** 2 +
      ((ring[2 * i + 1] as number) - (ring[1] as number)) ** 2;
    if (d > best) {
      best = d;
      far = i;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = 1;
  keep[far] = 1;
  keep[n] = 1;
  const px = (i: number) => ring[2 * (i % n)] as number;
  const py = (i: number) => ring[2 * (i % n) + 1] as number;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, n],
  ];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const ax = px(a);
    const ay = py(a);
    const bx = px(b);
    const by = py(b);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const x = px(i);
      const y = py(i);
      let d: number;
      if (len2 === 0) d = (x - ax) ** 2 + (y - ay) ** 2;
      else {
        const cross = dx * (y - ay) - dy * (x - ax);
        d = (cross * cross) / len2;
      }
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(px(i), py(i));
  return out.length >= 6 ? out : ring;
}

/**
 * Axis-aligned bounds `[x, y, width, height]` of rings (all vertices).
 *
 * @example
 * ```ts
 * ringsBbox([[1, 2, 5, 2, 5, 8]]); // [1, 2, 4, 6]
 * ```
 */
export function ringsBbox(rings: ReadonlyArray<ArrayLike<number>>): [number, number, number, number] {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const x = ring[i] as number;
      const y = ring[i + 1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x0 === Number.POSITIVE_INFINITY) return [0, 0, 0, 0];
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * Corners of a box rotated by `rotation` radians about its centre (clockwise on screen for positive angles).
 * Segments bboxes are axis-aligned; this serves formats that carry a rotation.
 *
 * @example
 * ```ts
 * rotatedBoxCorners(0, 0, 10, 10, 0); // [0, 0, 10, 0, 10, 10, 0, 10]
 * ```
 */
export function rotatedBoxCorners(x0: number, y0: number, x1: number, y1: number, rotation: number): Ring {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const out: number[] = [];
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ] as const) {
    const dx = x - cx;
    const dy = y - cy;
    out.push(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
  }
  return out;
}
