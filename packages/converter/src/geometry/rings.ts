/** Rings and regions: areas, bounds, simplification, rotated boxes (pixel-edge coordinates). */

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
 * Axis-aligned corners `[x0, y0, x1, y1]` of rings (all vertices); `[0, 0, 0, 0]` when there are none. Corners, not
 * width and height: a width of `1e308 - -1e308` overflows where the corners do not.
 *
 * @example
 * ```ts
 * ringsBounds([[1, 2, 5, 2, 5, 8]]); // [1, 2, 5, 8]
 * ```
 */
export function ringsBounds(rings: ReadonlyArray<ArrayLike<number>>): [number, number, number, number] {
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
  return [x0, y0, x1, y1];
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
  const [x0, y0, x1, y1] = ringsBounds(rings);
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
