// samplePcd: a deterministic random subset of the points.
import { describe, PointcloudInputError } from "./errors.js";
import { checkCloud, selectPoints } from "./pcd/points.js";
import type { PointCloud } from "./types.js";

/** Options of {@link samplePcd}. */
export interface SampleOptions {
  /** Seed of the random choice (default 0): the same seed and cloud always give the same points. */
  seed?: number;
}

/**
 * Picks `n` distinct points at random (every subset of size `n` equally likely), kept in their original order, with a
 * seeded generator: the same seed gives the same points on every run and platform. A cloud of at most `n` points is
 * returned whole (copied). The Python SDK's `sample_pcd` instead keeps every k-th point (k = floor(N / n)), which
 * returns between n and 2n - 1 points and fails when n > N.
 *
 * @example
 * ```ts
 * const small = samplePcd(cloud, 500_000, { seed: 42 });
 * ```
 */
export function samplePcd(points: PointCloud, n: number, options: SampleOptions = {}): PointCloud {
  const total = checkCloud(points, "samplePcd: points");
  if (!Number.isInteger(n) || n < 0)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "samplePcd: n",
      `is ${describe(n)}: a whole number of points >= 0`,
    );
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "samplePcd: options.seed",
      `is ${describe(seed)}: an integer`,
    );
  if (n >= total)
    return selectPoints(
      points,
      Uint32Array.from({ length: total }, (_, i) => i),
    );
  const random = mulberry32(seed >>> 0);
  // Floyd's algorithm: n distinct indices in n steps, whatever the total.
  const chosen = new Set<number>();
  for (let j = total - n; j < total; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  const indices = Uint32Array.from(chosen).sort();
  return selectPoints(points, indices);
}

/** mulberry32: a small, fast 32-bit generator; uniform floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
