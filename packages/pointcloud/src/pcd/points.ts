// Checks shared by the readers and writers: finite coordinates, consistent array lengths.
import { describe, PointcloudFileError, PointcloudInputError } from "../errors.js";
import type { PointCloud } from "../types.js";

/**
 * Points with a NaN or infinite coordinate: an error naming the first (`"error"`), or a copy without them
 * (`"drop"`). A cloud without any is returned as it is.
 */
export function dropNonFinite(cloud: PointCloud, mode: "error" | "drop", file: string): PointCloud {
  const { positions } = cloud;
  const n = positions.length / 3;
  let bad = -1;
  // (v - v) is 0 for every finite v and NaN for NaN and +-Infinity: one test per coordinate.
  for (let i = 0; i < positions.length; i++) {
    if ((positions[i] as number) - (positions[i] as number) !== 0) {
      bad = i;
      break;
    }
  }
  if (bad < 0) return cloud;
  if (mode === "error") {
    const point = Math.floor(bad / 3);
    throw new PointcloudFileError(
      file,
      "NAN_COORDINATE",
      `point ${point} has ${"xyz"[bad % 3]} = ${positions[bad]} (pass nonFinite: "drop" to leave such points out)`,
    );
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i] as number;
    const y = positions[3 * i + 1] as number;
    const z = positions[3 * i + 2] as number;
    if (x - x === 0 && y - y === 0 && z - z === 0) keep.push(i);
  }
  return selectPoints(cloud, keep);
}

/** A new cloud of the points at `indices`, in that order. */
export function selectPoints(cloud: PointCloud, indices: ArrayLike<number>): PointCloud {
  const m = indices.length;
  const positions = new Float32Array(3 * m);
  const intensity = cloud.intensity ? new Float32Array(m) : undefined;
  const rgb = cloud.rgb ? new Uint8Array(3 * m) : undefined;
  for (let j = 0; j < m; j++) {
    const i = indices[j] as number;
    positions.set(cloud.positions.subarray(3 * i, 3 * i + 3), 3 * j);
    if (intensity && cloud.intensity) intensity[j] = cloud.intensity[i] as number;
    if (rgb && cloud.rgb) rgb.set(cloud.rgb.subarray(3 * i, 3 * i + 3), 3 * j);
  }
  return { positions, intensity, rgb };
}

/** Throws when a cloud's arrays are of the wrong type or do not have one entry per point. */
export function checkCloud(cloud: PointCloud, where: string): number {
  if (typeof cloud !== "object" || cloud === null || !(cloud.positions instanceof Float32Array))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      `${where}.positions`,
      `expected a Float32Array of x, y, z per point, got ${describe(cloud?.positions)}`,
    );
  const { positions, intensity, rgb } = cloud;
  if (positions.length % 3 !== 0)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      `${where}.positions`,
      `has ${positions.length} values, not a multiple of 3 (x, y, z per point)`,
    );
  const n = positions.length / 3;
  if (intensity !== undefined && !(intensity instanceof Float32Array && intensity.length === n))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      `${where}.intensity`,
      `expected a Float32Array of ${n} values (one per point), got ${describe(intensity)}`,
    );
  if (rgb !== undefined && !(rgb instanceof Uint8Array && rgb.length === 3 * n))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      `${where}.rgb`,
      `expected a Uint8Array of ${3 * n} values (r, g, b per point), got ${describe(rgb)}`,
    );
  return n;
}
