// addKinematicsToLabel: velocity and acceleration of every cuboid track, as the Python SDK 1.30 computes them.
import type { Label, Sample } from "@segments-ts/client";
import { describe, PointcloudInputError } from "./errors.js";
import { readVec3, type Vec3 } from "./geometry.js";

/** Options of {@link addKinematicsToLabel}. */
export interface KinematicsOptions {
  /** Timestamp units per second (default 1e9: timestamps in nanoseconds). */
  timestampUnit?: number;
  /** Frames per second, used between two frames when either has no timestamp (then required). */
  fps?: number;
}

type Json = Record<string, unknown>;

/** One cuboid sequence of the label with the sample frames it belongs to. */
interface Sequence {
  labelFrames: Json[];
  sampleFrames: Json[];
}

/** A track's cuboid in one frame. */
interface Step {
  frame: number;
  annotation: Json;
  position: Vec3;
  ego: Vec3 | undefined;
  timestamp: number | undefined;
}

/**
 * A copy of a point cloud cuboid sequence label (or a multi-sensor label's point cloud cuboid sensors) with
 * `velocity` and `acceleration` (`{ absolute, relative }`, in position units per second and per second squared) on
 * every cuboid that has a previous one in its track, computed as the Python SDK's `add_kinematics_to_label` does:
 * differences of positions over the time between frames (timestamps divided by `timestampUnit`, or frame counts
 * divided by `fps` where a timestamp is missing), `relative` against the ego vehicle's velocity from the frames'
 * `ego_pose` (null without one). The first cuboid of a track gets nothing; the second a velocity; later ones both.
 *
 * Differences from the Python SDK, which are its bugs: the ego position and the frame count are those of the
 * cuboid's own frame (the Python SDK pairs the n-th cuboid of a track with the sample's n-th frame, wrong for every
 * track that does not start in frame 0 or skips a frame); a multi-sensor label's sensors each use the sample sensor of
 * the same name (not all the first one); and a label frame without a timestamp uses its sample frame's.
 *
 * Throws a {@link PointcloudInputError}: `SAMPLE_MISMATCH`, `WRONG_TYPE` (not a point cloud cuboid sequence with
 * frames), `FPS_REQUIRED`, `TIMESTAMPS_NOT_INCREASING`, `INVALID_VALUE`, as the Python SDK raises its ValueErrors.
 *
 * @example
 * ```ts
 * const sample = await client.getSample(uuid);
 * const label = await client.getLabel(uuid);
 * const withKinematics = addKinematicsToLabel(sample, label, { fps: 10 });
 * ```
 */
export function addKinematicsToLabel<L extends Label>(
  sample: Sample,
  label: L,
  options: KinematicsOptions = {},
): L {
  const unit = positive(options.timestampUnit ?? 1e9, "options.timestampUnit");
  const fps = options.fps === undefined ? undefined : positive(options.fps, "options.fps");
  if (label?.sample_uuid !== sample?.uuid)
    throw new PointcloudInputError(
      "SAMPLE_MISMATCH",
      "label.sample_uuid",
      `is ${describe(label?.sample_uuid)}, the sample is ${describe(sample?.uuid)}`,
    );
  const copy = structuredClone(label);
  for (const sequence of sequencesOf(sample, copy)) {
    const egos = sequence.sampleFrames.map((frame, i) => egoPosition(frame, i));
    for (const track of tracksOf(sequence, egos)) addToTrack(track, unit, fps);
  }
  return copy;
}

function positive(value: unknown, field: string): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value))
    throw new PointcloudInputError("INVALID_VALUE", field, `is ${describe(value)}: a positive number`);
  return value;
}

function sequencesOf(sample: Sample, label: Label): Sequence[] {
  const sampleAttributes = sample.attributes as Json | undefined;
  const labelAttributes = label.attributes as Json | undefined | null;
  const frames = (value: unknown) => (Array.isArray(value) ? (value as Json[]) : undefined);
  const sequences: Sequence[] = [];
  const sensors = frames(sampleAttributes?.sensors);
  if (frames(sampleAttributes?.frames) && label.label_type === "pointcloud-cuboid-sequence") {
    const labelFrames = frames(labelAttributes?.frames);
    if (labelFrames?.length)
      sequences.push({ labelFrames, sampleFrames: frames(sampleAttributes?.frames) ?? [] });
  } else if (sensors && label.label_type === "multisensor-sequence") {
    const cuboidSensors = sensors.filter((s) => s.task_type === "pointcloud-cuboid-sequence");
    if (cuboidSensors.length === 0)
      throw new PointcloudInputError(
        "WRONG_TYPE",
        "sample.attributes.sensors",
        "has no sensor with task_type pointcloud-cuboid-sequence to calculate kinematics for",
      );
    for (const sensor of frames(labelAttributes?.sensors) ?? []) {
      const labelFrames = frames((sensor.attributes as Json | undefined)?.frames);
      if (sensor.task_type !== "pointcloud-cuboid-sequence" || !labelFrames?.length) continue;
      const sampleSensor = cuboidSensors.find((s) => s.name === sensor.name) ?? cuboidSensors[0];
      const sampleFrames = frames((sampleSensor?.attributes as Json | undefined)?.frames) ?? [];
      sequences.push({ labelFrames, sampleFrames });
    }
  } else {
    throw new PointcloudInputError(
      "WRONG_TYPE",
      "sample",
      `is not a point cloud sequence or multi-sensor sample with a matching label (label_type ${describe(label.label_type)})`,
    );
  }
  if (sequences.length === 0)
    throw new PointcloudInputError(
      "WRONG_TYPE",
      "label.attributes",
      "has no point cloud cuboid sequence with frames to calculate kinematics for",
    );
  return sequences;
}

function egoPosition(frame: Json | undefined, index: number): Vec3 | undefined {
  const pose = frame?.ego_pose as Json | undefined | null;
  if (!pose?.position) return undefined;
  return readVec3(pose.position, `sample frame ${index} ego_pose.position`);
}

/** A timestamp in the file's unit: numbers, and strings that are numbers; anything else counts as missing. */
function timestampOf(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** The cuboids of every track, in frame order. */
function tracksOf(sequence: Sequence, egos: (Vec3 | undefined)[]): Step[][] {
  const tracks = new Map<unknown, Step[]>();
  sequence.labelFrames.forEach((frame, f) => {
    const annotations = frame?.annotations;
    if (!Array.isArray(annotations)) return;
    const timestamp = timestampOf(frame.timestamp) ?? timestampOf(sequence.sampleFrames[f]?.timestamp);
    annotations.forEach((annotation: Json, a) => {
      if (
        annotation?.track_id === undefined ||
        annotation.position === undefined ||
        annotation.position === null
      )
        return;
      const position = readVec3(annotation.position, `label frame ${f} annotations[${a}].position`);
      const step: Step = { frame: f, annotation, position, ego: egos[f], timestamp };
      const track = tracks.get(annotation.track_id);
      if (track) track.push(step);
      else tracks.set(annotation.track_id, [step]);
    });
  });
  return [...tracks.values()];
}

const minus = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const scale = (a: Vec3, k: number): Vec3 => ({ x: a.x * k, y: a.y * k, z: a.z * k });
const norm = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);

function addToTrack(track: Step[], unit: number, fps: number | undefined): void {
  let velocity: Vec3 | undefined;
  let egoVelocity: Vec3 | undefined;
  for (let k = 1; k < track.length; k++) {
    const [previous, step] = [track[k - 1] as Step, track[k] as Step];
    let dt: number;
    if (step.timestamp === undefined || previous.timestamp === undefined) {
      if (fps === undefined)
        throw new PointcloudInputError(
          "FPS_REQUIRED",
          `label frame ${step.frame}`,
          "a frame of a track has no timestamp: pass options.fps to time frames by their number",
        );
      dt = (step.frame - previous.frame) / fps;
    } else dt = (step.timestamp - previous.timestamp) / unit;
    if (!(dt > 0))
      throw new PointcloudInputError(
        "TIMESTAMPS_NOT_INCREASING",
        `label frame ${step.frame}`,
        `its time is not after frame ${previous.frame}'s (timestamps must increase)`,
      );
    const v = scale(minus(step.position, previous.position), 1 / dt);
    const egoV = step.ego && previous.ego ? scale(minus(step.ego, previous.ego), 1 / dt) : undefined;
    step.annotation.velocity = { absolute: norm(v), relative: egoV ? norm(minus(v, egoV)) : null };
    if (velocity) {
      const a = scale(minus(v, velocity), 1 / dt);
      const egoA = egoV && egoVelocity ? scale(minus(egoV, egoVelocity), 1 / dt) : undefined;
      step.annotation.acceleration = { absolute: norm(a), relative: egoA ? norm(minus(a, egoA)) : null };
    }
    velocity = v;
    egoVelocity = egoV;
  }
}
