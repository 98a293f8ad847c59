/**
 * World → ego coordinates for point cloud labels, like the Python SDK's `utils.transform_label_to_ego_coordinates`.
 *
 * Segments.ai stores 3D labels in world coordinates; each point cloud frame of a sample may carry the `ego_pose` of
 * the vehicle (its position `t` and heading quaternion `q_ego`, both in world coordinates). Moving a label into the
 * vehicle's frame is the inverse of that pose: points become `R^T (p - t)` (R is `q_ego` as a rotation matrix), a
 * cuboid's yaw loses the ego yaw, and a cuboid's 3D rotation becomes `q_ego^-1 * q`. Pure functions, no I/O.
 */
import { ValidationError } from "../core/errors.js";
import { createLogger, type Logger } from "../core/logger.js";
import type { Label, Sample } from "../types.js";

/** A rotation quaternion as the API writes it (`qw` is the scalar part). */
interface Quaternion {
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

interface Vector3 {
  x: number;
  y: number;
  z: number;
}

/** A validated ego pose, ready for the math. */
interface Pose {
  position: Vector3;
  /** Unit-length heading. */
  heading: Quaternion;
  /** Rotation about the world z axis, in radians. */
  yaw: number;
}

/** Options of {@link transformLabelToEgoCoordinates}. */
export interface EgoTransformOptions {
  /** Receives the warning for each frame left in world coordinates (default: `console`, level `warn`). */
  logger?: Logger | undefined;
}

// ---------------------------------------------------------------- quaternion helpers (Hamilton convention)

/** `a * b`: the rotation `b` followed by `a`. */
function multiply(a: Quaternion, b: Quaternion): Quaternion {
  return {
    qw: a.qw * b.qw - a.qx * b.qx - a.qy * b.qy - a.qz * b.qz,
    qx: a.qw * b.qx + a.qx * b.qw + a.qy * b.qz - a.qz * b.qy,
    qy: a.qw * b.qy - a.qx * b.qz + a.qy * b.qw + a.qz * b.qx,
    qz: a.qw * b.qz + a.qx * b.qy - a.qy * b.qx + a.qz * b.qw,
  };
}

/** The inverse of a unit quaternion (its conjugate). */
function inverse(q: Quaternion): Quaternion {
  return { qx: -q.qx, qy: -q.qy, qz: -q.qz, qw: q.qw };
}

/** Rotates `v` by the unit quaternion `q` (`q v q^-1`, i.e. `R v`). */
function rotate(q: Quaternion, v: Vector3): Vector3 {
  const r = multiply(multiply(q, { qx: v.x, qy: v.y, qz: v.z, qw: 0 }), inverse(q));
  return { x: r.qx, y: r.qy, z: r.qz };
}

/** The heading's rotation about the z axis (the yaw of a z-y-x Euler decomposition), in radians. */
function yawOf(q: Quaternion): number {
  return Math.atan2(2 * (q.qw * q.qz + q.qx * q.qy), 1 - 2 * (q.qy * q.qy + q.qz * q.qz));
}

// ---------------------------------------------------------------- poses

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Reads a frame's `ego_pose`: `undefined` when the frame has none (the caller warns and skips it), a
 * ValidationError when it is there but unusable (a NaN coordinate or a zero quaternion would turn every number of
 * the label into NaN without a word).
 */
function readPose(frame: unknown, where: string): Pose | undefined {
  const egoPose = (frame as { ego_pose?: unknown } | null | undefined)?.ego_pose;
  if (egoPose === undefined || egoPose === null) return undefined;
  const { position, heading } = egoPose as { position?: Partial<Vector3>; heading?: Partial<Quaternion> };
  const values = [position?.x, position?.y, position?.z, heading?.qx, heading?.qy, heading?.qz, heading?.qw];
  if (!values.every(isFiniteNumber)) {
    throw new ValidationError(
      "sample",
      `${where}.ego_pose needs finite position x/y/z and heading qx/qy/qz/qw.`,
    );
  }
  const [x, y, z, qx, qy, qz, qw] = values as [number, number, number, number, number, number, number];
  const norm = Math.hypot(qx, qy, qz, qw);
  if (norm === 0) throw new ValidationError("sample", `${where}.ego_pose.heading is a zero quaternion.`);
  // Headings written with a few decimals are not exactly unit length; the rotation formulas above need one.
  const unit = { qx: qx / norm, qy: qy / norm, qz: qz / norm, qw: qw / norm };
  return { position: { x, y, z }, heading: unit, yaw: yawOf(unit) };
}

/** `R^T (p - t)`: a world point in the ego frame. */
function pointToEgo(pose: Pose, p: Vector3): Vector3 {
  const { position: t } = pose;
  return rotate(inverse(pose.heading), { x: p.x - t.x, y: p.y - t.y, z: p.z - t.z });
}

// ---------------------------------------------------------------- annotations

type Json = Record<string, unknown>;

const CUBOID_TYPES = new Set(["cuboid", "cuboid-sync"]);

/** Moves one annotation in place (it belongs to the deep copy): cuboids by pose, vector shapes point by point. */
function annotationToEgo(annotation: Json, pose: Pose): void {
  if (CUBOID_TYPES.has(annotation.type as string)) {
    annotation.position = pointToEgo(pose, annotation.position as Vector3);
    if (typeof annotation.yaw === "number") annotation.yaw -= pose.yaw;
    if (annotation.rotation)
      annotation.rotation = multiply(inverse(pose.heading), annotation.rotation as Quaternion);
    return;
  }
  if (Array.isArray(annotation.points)) {
    annotation.points = (annotation.points as number[][]).map(([x = 0, y = 0, z = 0, ...rest]) => {
      const p = pointToEgo(pose, { x, y, z });
      return [p.x, p.y, p.z, ...rest];
    });
  }
}

/** Moves every annotation of a frame, or leaves the frame as it is (with a warning) when it has no ego pose. */
function frameToEgo(labelFrame: unknown, pose: Pose | undefined, where: string, logger: Logger): void {
  const annotations = (labelFrame as { annotations?: unknown } | null | undefined)?.annotations;
  if (!Array.isArray(annotations)) return;
  if (!pose) {
    if (annotations.length > 0)
      logger.warn(`${where} has no ego_pose: its annotations stay in world coordinates.`);
    return;
  }
  for (const annotation of annotations) annotationToEgo(annotation as Json, pose);
}

/** Frame `i` of the label uses frame `i` of the sample (the API keeps them aligned). */
function framesToEgo(labelFrames: unknown, sampleFrames: unknown[], where: string, logger: Logger): void {
  if (!Array.isArray(labelFrames)) return;
  labelFrames.forEach((frame, i) => {
    frameToEgo(frame, readPose(sampleFrames[i], `${where}.frames[${i}]`), `${where} frame ${i}`, logger);
  });
}

// ---------------------------------------------------------------- labels

/** Label types whose geometry moves. The segmentation types only index points, so they stay unchanged. */
const SINGLE = new Set(["pointcloud-cuboid", "pointcloud-vector"]);
const SEQUENCE = new Set(["pointcloud-cuboid-sequence", "pointcloud-vector-sequence"]);

function notPointcloud(reason: string): ValidationError {
  return new ValidationError("sample", `ego coordinates exist only for point cloud samples: ${reason}.`);
}

/** The sample's frames for a sequence label, checking that the sample is a point cloud sequence. */
function pointcloudFrames(attributes: Json | undefined): unknown[] {
  const frames = attributes?.frames;
  if (!Array.isArray(frames) || frames.some((frame) => (frame as Json | null)?.image !== undefined)) {
    throw notPointcloud("the sample is not a point cloud sequence");
  }
  return frames;
}

/** The point cloud sensors of a multi-sensor label, each moved with the ego poses of the sample's same sensor. */
function sensorsToEgo(
  attributes: Json | undefined,
  sampleAttributes: Json | undefined,
  where: string,
  logger: Logger,
) {
  const sensors = sampleAttributes?.sensors;
  if (!Array.isArray(sensors)) throw notPointcloud("the sample has no `sensors`");
  for (const sensor of (attributes?.sensors ?? []) as Json[]) {
    // Camera sensors are 2D and point cloud segmentation only indexes points: nothing to move.
    if (!SEQUENCE.has(sensor.task_type as string)) continue;
    // A sensor without labels has `attributes: []`.
    const labelFrames = (sensor.attributes as Json | undefined)?.frames;
    if (!Array.isArray(labelFrames)) continue;
    const sampleSensor = (sensors as Json[]).find((candidate) => candidate.name === sensor.name);
    const sensorWhere = `${where} sensor ${JSON.stringify(sensor.name)}`;
    if (!sampleSensor) {
      logger.warn(`${sensorWhere} is not in the sample: its annotations stay in world coordinates.`);
      continue;
    }
    const frames = pointcloudFrames(sampleSensor.attributes as Json | undefined);
    framesToEgo(labelFrames, frames, sensorWhere, logger);
  }
}

/**
 * Returns a deep copy of `label` with its geometry moved from world coordinates to the ego vehicle's coordinates,
 * using the `ego_pose` of each point cloud frame of `sample` (per frame for sequences, per sensor and frame for
 * multi-sensor samples; camera sensors and segmentation labels are left as they are). A frame without an ego pose
 * is left untouched and logged as a warning. The same as the Python SDK's
 * `utils.transform_label_to_ego_coordinates`; `client.getLabel(uuid, labelset, { transformToEgoCoordinates: true })`
 * fetches both and calls it.
 *
 * Throws a `ValidationError` when the label is not the sample's, when either is not a point cloud one, or when an
 * ego pose is malformed.
 *
 * @example
 * ```ts
 * import { transformLabelToEgoCoordinates } from "@segments-ts/sdk";
 *
 * const sample = await client.getSample(uuid);
 * const label = await client.getLabel<"pointcloud-cuboid">(uuid);
 * const ego = transformLabelToEgoCoordinates(sample, label);
 * console.log(ego.attributes?.annotations[0]?.position); // relative to the vehicle
 * ```
 */
export function transformLabelToEgoCoordinates<L extends Label>(
  sample: Sample,
  label: L,
  options: EgoTransformOptions = {},
): L {
  if (sample?.uuid !== label?.sample_uuid) {
    throw new ValidationError(
      "label",
      `it belongs to sample ${String(label?.sample_uuid)}, not to sample ${String(sample?.uuid)}.`,
    );
  }
  const logger = createLogger("warn", options.logger);
  const type = label.label_type as string;
  const sampleAttributes = sample.attributes as Json | undefined;
  const copy = structuredClone(label);
  const attributes = copy.attributes as Json | undefined;
  const where = `sample ${sample.uuid}`;

  if (SINGLE.has(type) || type === "pointcloud-segmentation") {
    if (typeof sampleAttributes?.pcd !== "object") throw notPointcloud("the sample has no `pcd`");
    if (SINGLE.has(type))
      frameToEgo(attributes, readPose(sampleAttributes, "sample.attributes"), where, logger);
  } else if (SEQUENCE.has(type) || type === "pointcloud-segmentation-sequence") {
    const frames = pointcloudFrames(sampleAttributes);
    if (SEQUENCE.has(type)) framesToEgo(attributes?.frames, frames, where, logger);
  } else if (type === "multisensor-sequence") {
    sensorsToEgo(attributes, sampleAttributes, where, logger);
  } else {
    throw notPointcloud(`the label is of type ${JSON.stringify(type)}`);
  }
  return copy;
}
