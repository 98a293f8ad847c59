import type { Label, Sample } from "@segments-ts/client";
import { describe, expect, test } from "vitest";
import { addKinematicsToLabel, PointcloudInputError } from "../src/index.ts";

const UUID = "6d1c6bd2-0000-4000-8000-000000000001";

interface Cuboid {
  track_id: number;
  x: number;
  y?: number;
}

function frame(timestamp: number | string | undefined, ego: [number, number, number] | undefined) {
  return {
    pcd: { url: "https://example.com/f.pcd", type: "pcd" },
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(ego
      ? {
          ego_pose: {
            position: { x: ego[0], y: ego[1], z: ego[2] },
            heading: { qx: 0, qy: 0, qz: 0, qw: 1 },
          },
        }
      : {}),
  };
}

function cuboidFrames(frames: Cuboid[][], timestamps?: (number | string | undefined)[]) {
  return frames.map((cuboids, f) => ({
    ...(timestamps?.[f] === undefined ? {} : { timestamp: timestamps[f] }),
    annotations: cuboids.map(({ track_id, x, y = 0 }) => ({
      id: track_id,
      track_id,
      category_id: 1,
      type: "cuboid",
      position: { x, y, z: 0 },
      dimensions: { x: 1, y: 1, z: 1 },
      yaw: 0,
    })),
  }));
}

function sequence(sampleFrames: unknown[], labelFrames: unknown[]): [Sample, Label] {
  const sample = { uuid: UUID, attributes: { frames: sampleFrames } } as unknown as Sample;
  const label = {
    sample_uuid: UUID,
    label_type: "pointcloud-cuboid-sequence",
    attributes: { format_version: "0.2", frames: labelFrames },
  } as unknown as Label;
  return [sample, label];
}

type Annotation = { velocity?: { absolute: number; relative: number | null }; acceleration?: unknown };
const annotationsOf = (label: Label, f: number) =>
  (label.attributes as unknown as { frames: { annotations: Annotation[] }[] }).frames[f]?.annotations ?? [];

describe("addKinematicsToLabel (hand-computed)", () => {
  // Frames 0.5 s apart (nanoseconds); the ego vehicle at x = 0, 1, 3.
  const sampleFrames = [frame(0, [0, 0, 0]), frame(5e8, [1, 0, 0]), frame(1e9, [3, 0, 0])];

  test("velocity from frame 1 on, acceleration from frame 2 on, absolute and relative to the ego vehicle", () => {
    // Track 1 at x = 0, 2, 6: velocity 4 then 8 (ego 2 then 4), acceleration 8 (ego 4).
    const [sample, label] = sequence(
      sampleFrames,
      cuboidFrames([[{ track_id: 1, x: 0 }], [{ track_id: 1, x: 2 }], [{ track_id: 1, x: 6 }]]),
    );
    const out = addKinematicsToLabel(sample, label);
    expect(annotationsOf(out, 0)[0]).not.toHaveProperty("velocity");
    expect(annotationsOf(out, 1)[0]).toMatchObject({ velocity: { absolute: 4, relative: 2 } });
    expect(annotationsOf(out, 1)[0]).not.toHaveProperty("acceleration");
    expect(annotationsOf(out, 2)[0]).toMatchObject({
      velocity: { absolute: 8, relative: 4 },
      acceleration: { absolute: 8, relative: 4 },
    });
    expect(annotationsOf(label, 1)[0]).not.toHaveProperty("velocity"); // the input is not modified
  });

  test("a track starting in frame 1 is compared with the ego motion between frames 1 and 2", () => {
    // Track 2 moves 3 in y in 0.5 s: (0, 6, 0) per second; the ego moves (4, 0, 0) per second between frames 1
    // and 2, so relative = |(-4, 6, 0)| = sqrt(52). (The Python SDK takes the ego motion of frames 0-1: sqrt(40).)
    const [sample, label] = sequence(
      sampleFrames,
      cuboidFrames([[], [{ track_id: 2, x: 0 }], [{ track_id: 2, x: 0, y: 3 }]]),
    );
    const velocity = annotationsOf(addKinematicsToLabel(sample, label), 2)[0]?.velocity;
    expect(velocity?.absolute).toBe(6);
    expect(velocity?.relative).toBeCloseTo(Math.sqrt(52), 12);
  });

  test("without timestamps, fps times frames by their number, also across a skipped frame", () => {
    const noTimes = [frame(undefined, undefined), frame(undefined, undefined), frame(undefined, undefined)];
    const [sample, label] = sequence(
      noTimes,
      cuboidFrames([[{ track_id: 1, x: 0 }], [], [{ track_id: 1, x: 1 }]]),
    );
    // Two frames at 10 fps: 0.2 s for 1 unit = 5 (the Python SDK counts one frame: 10). No ego pose: relative null.
    const velocity = annotationsOf(addKinematicsToLabel(sample, label, { fps: 10 }), 2)[0]?.velocity;
    expect(velocity).toEqual({ absolute: 5, relative: null });
    expect(() => addKinematicsToLabel(sample, label)).toThrow(
      expect.objectContaining({ code: "FPS_REQUIRED", name: "PointcloudInputError" }),
    );
  });

  test("label timestamps (numbers or numeric strings) come first, in timestampUnit per second", () => {
    const [sample, label] = sequence(
      [frame(undefined, undefined), frame(undefined, undefined)],
      cuboidFrames([[{ track_id: 1, x: 0 }], [{ track_id: 1, x: 3 }]], ["1000", 2500]),
    );
    const velocity = annotationsOf(addKinematicsToLabel(sample, label, { timestampUnit: 1000 }), 1)[0]
      ?.velocity;
    expect(velocity?.absolute).toBe(2); // 3 units in 1.5 s
  });

  test("errors: another sample's label, a single-frame label, timestamps that do not increase, bad options", () => {
    const [sample, label] = sequence(
      [frame(10, undefined), frame(10, undefined)],
      cuboidFrames([[{ track_id: 1, x: 0 }], [{ track_id: 1, x: 1 }]]),
    );
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(PointcloudInputError);
        return (e as PointcloudInputError).code;
      }
      return "no error";
    };
    expect(code(() => addKinematicsToLabel(sample, label))).toBe("TIMESTAMPS_NOT_INCREASING");
    expect(code(() => addKinematicsToLabel({ ...sample, uuid: "other" }, label))).toBe("SAMPLE_MISMATCH");
    const single = {
      ...label,
      label_type: "pointcloud-cuboid",
      attributes: { annotations: [] },
    } as unknown as Label;
    const singleSample = { uuid: UUID, attributes: { pcd: { url: "u", type: "pcd" } } } as unknown as Sample;
    expect(code(() => addKinematicsToLabel(singleSample, single))).toBe("WRONG_TYPE");
    expect(code(() => addKinematicsToLabel(sample, label, { fps: 0 }))).toBe("INVALID_VALUE");
    const empty = sequence([frame(0, undefined)], [])[1];
    expect(code(() => addKinematicsToLabel(sample, empty))).toBe("WRONG_TYPE");
  });

  test("multi-sensor labels: each point cloud sensor uses the sample sensor of its name", () => {
    const sample = {
      uuid: UUID,
      attributes: {
        sensors: [
          { name: "Camera", task_type: "image-vector-sequence", attributes: { frames: [] } },
          {
            name: "Lidar A",
            task_type: "pointcloud-cuboid-sequence",
            attributes: { frames: [frame(0, [0, 0, 0]), frame(1e9, [0, 0, 0])] },
          },
          {
            name: "Lidar B",
            task_type: "pointcloud-cuboid-sequence",
            attributes: { frames: [frame(0, [0, 0, 0]), frame(1e9, [1, 0, 0])] },
          },
        ],
      },
    } as unknown as Sample;
    const sensorLabel = (name: string) => ({
      name,
      task_type: "pointcloud-cuboid-sequence",
      attributes: {
        format_version: "0.2",
        frames: cuboidFrames([[{ track_id: 1, x: 0 }], [{ track_id: 1, x: 2 }]]),
      },
    });
    const label = {
      sample_uuid: UUID,
      label_type: "multisensor-sequence",
      attributes: {
        sensors: [
          { name: "Camera", task_type: "image-vector-sequence", attributes: [] },
          sensorLabel("Lidar A"),
          sensorLabel("Lidar B"),
        ],
      },
    } as unknown as Label;
    const out = addKinematicsToLabel(sample, label) as unknown as {
      attributes: { sensors: { attributes: { frames: { annotations: Annotation[] }[] } }[] };
    };
    const velocity = (s: number) => out.attributes.sensors[s]?.attributes.frames[1]?.annotations[0]?.velocity;
    expect(velocity(1)).toEqual({ absolute: 2, relative: 2 });
    expect(velocity(2)).toEqual({ absolute: 2, relative: 1 });
  });
});
