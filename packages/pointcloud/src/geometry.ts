// Rotations for the Segments label format: quaternions are { qx, qy, qz, qw } with qw the scalar part (Hamilton
// convention), a yaw is a rotation about +z, and an ego pose maps ego coordinates to world ones: world = R p + t.
import { describe, PointcloudInputError } from "./errors.js";

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface Quaternion {
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

/** A 3x3 rotation matrix, row-major. */
export type Matrix3 = [number, number, number, number, number, number, number, number, number];

function finite(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new PointcloudInputError("INVALID_VALUE", field, `is ${describe(value)}, not a finite number`);
  return value;
}

/** Reads `{ x, y, z }` with finite numbers, or throws naming the field. */
export function readVec3(value: unknown, field: string): Vec3 {
  if (typeof value !== "object" || value === null)
    throw new PointcloudInputError("INVALID_VALUE", field, `is ${describe(value)}, not { x, y, z }`);
  const v = value as Partial<Vec3>;
  return { x: finite(v.x, `${field}.x`), y: finite(v.y, `${field}.y`), z: finite(v.z, `${field}.z`) };
}

/** The rotation matrix of a quaternion (normalized first: headings written with few decimals are not unit length). */
export function quaternionMatrix(value: unknown, field: string): Matrix3 {
  if (typeof value !== "object" || value === null)
    throw new PointcloudInputError("INVALID_VALUE", field, `is ${describe(value)}, not { qx, qy, qz, qw }`);
  const q = value as Partial<Quaternion>;
  const [x, y, z, w] = [q.qx, q.qy, q.qz, q.qw].map((c, i) =>
    finite(c, `${field}.${["qx", "qy", "qz", "qw"][i]}`),
  );
  const norm = Math.hypot(x as number, y as number, z as number, w as number);
  if (norm === 0)
    throw new PointcloudInputError("INVALID_VALUE", field, "is a zero quaternion, not a rotation");
  const [a, b, c, d] = [
    (x as number) / norm,
    (y as number) / norm,
    (z as number) / norm,
    (w as number) / norm,
  ];
  return [
    1 - 2 * (b * b + c * c),
    2 * (a * b - c * d),
    2 * (a * c + b * d),
    2 * (a * b + c * d),
    1 - 2 * (a * a + c * c),
    2 * (b * c - a * d),
    2 * (a * c - b * d),
    2 * (b * c + a * d),
    1 - 2 * (a * a + b * b),
  ];
}

/** Rotation by `yaw` radians about +z. */
export function yawMatrix(yaw: number): Matrix3 {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** `a^T b`. */
export function transposeTimes(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++)
        out[3 * i + j] = (out[3 * i + j] as number) + (a[3 * k + i] as number) * (b[3 * k + j] as number);
  return out as Matrix3;
}

/** `R^T v`. */
export function transposeApply(r: Matrix3, v: Vec3): Vec3 {
  return {
    x: r[0] * v.x + r[3] * v.y + r[6] * v.z,
    y: r[1] * v.x + r[4] * v.y + r[7] * v.z,
    z: r[2] * v.x + r[5] * v.y + r[8] * v.z,
  };
}
