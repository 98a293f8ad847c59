// cuboidToSegmentation: which cuboid of a label each point lies in.
import type { EgoPose, PointcloudCuboidAnnotation } from "@segments-ts/client";
import { describe, PointcloudInputError } from "./errors.js";
import {
  type Matrix3,
  quaternionMatrix,
  readVec3,
  transposeApply,
  transposeTimes,
  type Vec3,
  yawMatrix,
} from "./geometry.js";
import type { PointCloud } from "./types.js";

/** A cuboid as the label formats write it: `PointcloudCuboidAnnotation` and sequence frames' annotations. */
export type CuboidLike = Pick<PointcloudCuboidAnnotation, "id" | "position" | "dimensions"> & {
  yaw?: number | null | undefined;
  rotation?: PointcloudCuboidAnnotation["rotation"] | null | undefined;
};

/** Points as {@link cuboidToSegmentation} takes them: a cloud, flat `x, y, z, ...` coordinates, or `[x, y, z]` rows. */
export type PointsInput = PointCloud | Float32Array | Float64Array | ArrayLike<ArrayLike<number>>;

/** A cuboid ready for the point test: centre, axes (the columns of its rotation) and half sizes, plus its AABB. */
interface Box {
  id: number;
  center: Vec3;
  axes: Matrix3;
  half: Vec3;
  min: Vec3;
  max: Vec3;
}

/**
 * Per-point instance ids for a cuboid label, like the Python SDK's `cuboid_to_segmentation`: point i gets the `id` of
 * the cuboid it lies in, 0 when it lies in none. A point on a face counts as inside (open3d's
 * `get_point_indices_within_bounding_box` test, `|d . axis| <= size / 2`). **When cuboids overlap, the one later in
 * `annotations` wins** (as in the Python SDK, which assigns the cuboids in order).
 *
 * A cuboid turns by `rotation` (a quaternion, qw the scalar part) when it has one, else by `yaw` about +z. Cuboids
 * are in world coordinates; with `egoPose` (the frame's `ego_pose`) the points are in the ego vehicle's coordinates,
 * as Segments.ai defines them (world = R(heading) p + position), so each cuboid is moved into the ego frame: centre
 * `R^T (c - position)`, rotation `R^T R_cuboid`. This fixes two bugs of the Python SDK (see the README): it reads
 * `rotation` as (w, x, y, z) when it is (x, y, z, w), and it turns each cuboid about its own centre instead of the
 * ego origin.
 *
 * @example
 * ```ts
 * const cloud = await loadPointcloudFromUrl(sample.attributes.pcd.url);
 * const ids = cuboidToSegmentation(cloud, label.attributes, sample.attributes.ego_pose);
 * await client.addLabel(segmentationSample, "ground-truth", {
 *   annotations: label.attributes.annotations.map(({ id, category_id }) => ({ id, category_id })),
 *   point_annotations: Array.from(ids),
 * });
 * ```
 */
export function cuboidToSegmentation(
  points: PointsInput,
  labelAttributes: { annotations: readonly CuboidLike[] },
  egoPose?: EgoPose | null,
): Uint32Array {
  const xyz = coordinates(points);
  const boxes = readBoxes(labelAttributes, egoPose);
  const ids = new Uint32Array(xyz.length / 3);
  if (boxes.length === 0) return ids;
  const grid = buildGrid(xyz);
  for (const box of boxes) markInside(xyz, grid, box, ids);
  return ids;
}

/**
 * The points bucketed by a grid over x and y (a counting sort of their indices by cell), so that each cuboid only
 * tests the points under its bounding box: lidar frames are wide and flat, cuboids small.
 */
interface Grid {
  size: number;
  minX: number;
  minY: number;
  /** Cells per unit of x and y. */
  scaleX: number;
  scaleY: number;
  /** Point indices sorted by cell; those of cell c are `order[start[c]]` .. `order[start[c + 1] - 1]`. */
  order: Uint32Array;
  start: Uint32Array;
}

function buildGrid(xyz: Float64Array): Grid {
  const n = xyz.length / 3;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let p = 0; p < xyz.length; p += 3) {
    const x = xyz[p] as number;
    const y = xyz[p + 1] as number;
    // NaN fails both comparisons and stays out of the bounds (NaN points are in no cuboid).
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const size = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(n / 16))));
  const scaleX = maxX > minX && Number.isFinite(maxX - minX) ? size / (maxX - minX) : 0;
  const scaleY = maxY > minY && Number.isFinite(maxY - minY) ? size / (maxY - minY) : 0;
  const cellOf = new Int32Array(n);
  const start = new Uint32Array(size * size + 1);
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const gx = Math.floor(((xyz[p] as number) - minX) * scaleX);
    const gy = Math.floor(((xyz[p + 1] as number) - minY) * scaleY);
    // Points with a non-finite x or y get no cell (-1) and are never tested.
    const cell = gx >= 0 && gy >= 0 ? Math.min(gx, size - 1) + Math.min(gy, size - 1) * size : -1;
    cellOf[i] = cell;
    if (cell >= 0) start[cell + 1] = (start[cell + 1] as number) + 1;
  }
  for (let c = 0; c < size * size; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, size * size);
  const order = new Uint32Array(start[size * size] as number);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i] as number;
    if (cell >= 0) order[(fill[cell] as number)++] = i;
  }
  return { size, minX, minY, scaleX, scaleY, order, start };
}

function markInside(xyz: Float64Array, grid: Grid, box: Box, ids: Uint32Array): void {
  const { id, center, axes, half, min, max } = box;
  const [ax, bx, cx, ay, by, cy, az, bz, cz] = axes;
  const { size, minX, minY, scaleX, scaleY, order, start } = grid;
  const cell = (v: number, lowest: number, scale: number) =>
    Math.min(size - 1, Math.max(0, Math.floor((v - lowest) * scale)));
  const [x0, x1] = [cell(min.x, minX, scaleX), cell(max.x, minX, scaleX)];
  const [y0, y1] = [cell(min.y, minY, scaleY), cell(max.y, minY, scaleY)];
  for (let gy = y0; gy <= y1; gy++) {
    // Cells x0..x1 of a row are consecutive in `order`.
    const from = start[gy * size + x0] as number;
    const to = start[gy * size + x1 + 1] as number;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const p = 3 * i;
      const x = xyz[p] as number;
      const y = xyz[p + 1] as number;
      const z = xyz[p + 2] as number;
      if (x < min.x || x > max.x || y < min.y || y > max.y || z < min.z || z > max.z) continue;
      const dx = x - center.x;
      const dy = y - center.y;
      const dz = z - center.z;
      if (
        Math.abs(dx * ax + dy * ay + dz * az) <= half.x &&
        Math.abs(dx * bx + dy * by + dz * bz) <= half.y &&
        Math.abs(dx * cx + dy * cy + dz * cz) <= half.z
      )
        ids[i] = id;
    }
  }
}

/** The points' coordinates as one Float64Array (one element type keeps the loops above monomorphic). */
function coordinates(points: PointsInput): Float64Array {
  const where = "cuboidToSegmentation: points";
  const flat =
    points instanceof Float32Array || points instanceof Float64Array
      ? points
      : points !== null && typeof points === "object" && "positions" in points
        ? points.positions
        : undefined;
  if (flat) {
    if (flat.length % 3 !== 0)
      throw new PointcloudInputError(
        "INVALID_VALUE",
        where,
        `has ${flat.length} coordinates, not x, y, z per point`,
      );
    return flat instanceof Float64Array ? flat : Float64Array.from(flat);
  }
  if (
    points === null ||
    typeof points !== "object" ||
    typeof (points as ArrayLike<unknown>).length !== "number"
  )
    throw new PointcloudInputError(
      "INVALID_VALUE",
      where,
      `is ${describe(points)}: pass a cloud, coordinates or rows`,
    );
  const rows = points as ArrayLike<ArrayLike<number>>;
  const out = new Float64Array(3 * rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row?.length !== 3)
      throw new PointcloudInputError("INVALID_VALUE", `${where}[${i}]`, `is ${describe(row)}, not [x, y, z]`);
    out[3 * i] = row[0] as number;
    out[3 * i + 1] = row[1] as number;
    out[3 * i + 2] = row[2] as number;
  }
  return out;
}

function readBoxes(
  labelAttributes: { annotations: readonly CuboidLike[] },
  egoPose: EgoPose | null | undefined,
): Box[] {
  const annotations = labelAttributes?.annotations;
  if (!Array.isArray(annotations))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "cuboidToSegmentation: labelAttributes.annotations",
      `is ${describe(annotations)}: pass label.attributes of a cuboid label (or one frame of a sequence)`,
    );
  const ego = egoPose
    ? {
        position: readVec3(egoPose.position, "cuboidToSegmentation: egoPose.position"),
        rotation: quaternionMatrix(egoPose.heading, "cuboidToSegmentation: egoPose.heading"),
      }
    : undefined;
  const seen = new Set<number>();
  return annotations.map((annotation, i) => {
    const where = `cuboidToSegmentation: annotations[${i}]`;
    const { id } = annotation ?? {};
    if (!(Number.isInteger(id) && id >= 1 && id <= 0xffffffff))
      throw new PointcloudInputError(
        "INVALID_VALUE",
        `${where}.id`,
        `is ${describe(id)}: ids are integers from 1`,
      );
    if (seen.has(id)) throw new PointcloudInputError("INVALID_VALUE", `${where}.id`, `${id} is used twice`);
    seen.add(id);
    let center = readVec3(annotation.position, `${where}.position`);
    const size = readVec3(annotation.dimensions, `${where}.dimensions`);
    if (size.x < 0 || size.y < 0 || size.z < 0)
      throw new PointcloudInputError("INVALID_VALUE", `${where}.dimensions`, "has a negative size");
    let rotation = annotation.rotation
      ? quaternionMatrix(annotation.rotation, `${where}.rotation`)
      : yawMatrix(yawOf(annotation.yaw, `${where}.yaw`));
    if (ego) {
      const t = ego.position;
      center = transposeApply(ego.rotation, { x: center.x - t.x, y: center.y - t.y, z: center.z - t.z });
      rotation = transposeTimes(ego.rotation, rotation);
    }
    return boxOf(id, center, rotation, { x: size.x / 2, y: size.y / 2, z: size.z / 2 });
  });
}

function yawOf(yaw: unknown, field: string): number {
  if (typeof yaw !== "number" || !Number.isFinite(yaw))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      field,
      `is ${describe(yaw)}: a cuboid needs a yaw or a rotation`,
    );
  return yaw;
}

function boxOf(id: number, center: Vec3, r: Matrix3, half: Vec3): Box {
  // Extent of the rotated box along each world axis: sum over its axes of |axis component| * half size.
  const reach = (row: number) =>
    Math.abs(r[3 * row] as number) * half.x +
    Math.abs(r[3 * row + 1] as number) * half.y +
    Math.abs(r[3 * row + 2] as number) * half.z;
  // Widened by a hair: it only filters, and must never cut off a point the exact test below keeps.
  const [ex, ey, ez] = [reach(0), reach(1), reach(2)].map((e) => e * (1 + 1e-9) + 1e-9) as [
    number,
    number,
    number,
  ];
  return {
    id,
    center,
    axes: r,
    half,
    min: { x: center.x - ex, y: center.y - ey, z: center.z - ez },
    max: { x: center.x + ex, y: center.y + ey, z: center.z + ez },
  };
}
