/**
 * Masks -> regions by tracing pixel edges ("crack" boundaries), so that tracing a mask and rasterising the result
 * gives the mask back exactly (with no simplification). Foreground is 4-connected: pixels touching only at a corner
 * become separate regions. Outer rings run clockwise on screen (y down) and holes counter-clockwise, like FastLabel.
 *
 * Our own implementation: the algorithm is short and the usual JS libraries (opencv.js) are multi-megabyte.
 */
import { ConversionError } from "../errors.js";
import type { BinaryMask } from "../rle/index.js";
import { type Region, ringArea, simplifyRing } from "./rings.js";

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
  const labels = labelComponents(mask);
  const edges = new Edges(mask);
  const regions = new Map<number, Region>();
  const order: number[] = [];
  const tolerance = options.tolerance ?? 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      // A new loop starts at the top edge of a foreground pixel with background above, not yet walked.
      if (data[i] === 0 || (y > 0 && data[i - w] !== 0) || edges.walked(i)) continue;
      const ring = edges.walk(x, y, options.offsetX ?? 0, options.offsetY ?? 0);
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

/** Directions: 0 E, 1 S, 2 W, 3 N. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/** The boundary edges of a mask, walked into closed rings with foreground on their right. */
class Edges {
  readonly #w: number;
  readonly #h: number;
  readonly #data: Uint8Array;
  /** Walked flags per directed boundary edge, kept by the pixel it belongs to: 1 top (E), 2 right (S), 4 bottom (W), 8 left (N). */
  readonly #walked: Uint8Array;

  constructor(mask: BinaryMask) {
    this.#w = mask.width;
    this.#h = mask.height;
    this.#data = mask.data;
    this.#walked = new Uint8Array(mask.width * mask.height);
  }

  /** Whether the top edge of pixel `i` is part of a ring walked already. */
  walked(i: number): boolean {
    return ((this.#walked[i] as number) & 1) !== 0;
  }

  /**
   * Walks the ring that starts at the top edge of pixel (x, y), heading east, to where it closes. Returns its
   * corners (a vertex where the direction changes), shifted by the offsets.
   */
  walk(x: number, y: number, ox: number, oy: number): number[] {
    const ring: number[] = [];
    let vx = x;
    let vy = y;
    let d = 0;
    let previousDirection = -1;
    do {
      if (d !== previousDirection) ring.push(vx + ox, vy + oy);
      previousDirection = d;
      this.#mark(vx, vy, d);
      vx += DX[d] as number;
      vy += DY[d] as number;
      // Prefer a right turn, then straight, then left: keeps foreground 4-connected at saddle points.
      const right = (d + 1) % 4;
      const left = (d + 3) % 4;
      if (this.#exists(vx, vy, right)) d = right;
      else if (this.#exists(vx, vy, d)) {
        // straight on
      } else if (this.#exists(vx, vy, left)) d = left;
      else throw new ConversionError("internal error: broken contour", { field: "mask" });
    } while (!(vx === x && vy === y && d === 0));
    // The loop closes where it started; drop a start vertex that lies in the middle of a straight run.
    if (previousDirection === 0 && ring.length >= 4) ring.splice(0, 2);
    return ring;
  }

  #fg(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.#w && y < this.#h && this.#data[y * this.#w + x] !== 0;
  }

  /** Does an edge leave vertex (vx, vy) in direction d with foreground on its right? */
  #exists(vx: number, vy: number, d: number): boolean {
    switch (d) {
      case 0:
        return this.#fg(vx, vy) && !this.#fg(vx, vy - 1);
      case 1:
        return this.#fg(vx - 1, vy) && !this.#fg(vx, vy);
      case 2:
        return this.#fg(vx - 1, vy - 1) && !this.#fg(vx - 1, vy);
      default:
        return this.#fg(vx, vy - 1) && !this.#fg(vx - 1, vy - 1);
    }
  }

  /** Marks the edge leaving vertex (vx, vy) in direction d as walked, on the pixel it belongs to. */
  #mark(vx: number, vy: number, d: number): void {
    const w = this.#w;
    const walked = this.#walked;
    if (d === 0) walked[vy * w + vx] = (walked[vy * w + vx] as number) | 1;
    else if (d === 1) walked[vy * w + vx - 1] = (walked[vy * w + vx - 1] as number) | 2;
    else if (d === 2) walked[(vy - 1) * w + vx - 1] = (walked[(vy - 1) * w + vx - 1] as number) | 4;
    else walked[(vy - 1) * w + vx] = (walked[(vy - 1) * w + vx] as number) | 8;
  }
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
