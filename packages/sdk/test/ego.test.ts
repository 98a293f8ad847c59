/**
 * World → ego coordinates (`transformLabelToEgoCoordinates` and `getLabel(..., { transformToEgoCoordinates })`),
 * mirroring the Python SDK's tests/test_ego_transform.py cases.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  type Label,
  type Logger,
  type Sample,
  SegmentsClient,
  transformLabelToEgoCoordinates,
  ValidationError,
} from "../src/index.js";
import { type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";

const UUID = "5b2c1a9e-0000-4000-8000-000000000001";
const IDENTITY = { qx: 0, qy: 0, qz: 0, qw: 1 };
/** 90 degrees about z. */
const YAW_90 = { qx: 0, qy: 0, qz: Math.SQRT1_2, qw: Math.SQRT1_2 };
const pcd = { url: "https://example.com/frame.pcd", type: "pcd" };

function sample(attributes: unknown, uuid = UUID): Sample {
  return {
    uuid,
    name: "scene",
    metadata: {},
    created_at: "2024-01-01T00:00:00Z",
    created_by: "alice",
    priority: 0,
    attributes,
  } as unknown as Sample;
}

function label(label_type: string, attributes: unknown, sample_uuid = UUID): Label {
  return {
    sample_uuid,
    label_type,
    label_status: "LABELED",
    labelset: "ground-truth",
    created_at: "2024-01-01T00:00:00Z",
    created_by: "alice",
    updated_at: "2024-01-01T00:00:00Z",
    attributes,
  } as unknown as Label;
}

function cuboid(position: { x: number; y: number; z: number }, yaw: number, extra: object = {}) {
  return {
    id: 1,
    category_id: 1,
    type: "cuboid",
    position,
    dimensions: { x: 4, y: 2, z: 1.5 },
    yaw,
    ...extra,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read into the transformed label's JSON freely.
const attributesOf = (result: Label) => result.attributes as any;

function silentLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message), error() {}, info() {}, debug() {} };
}

describe("transformLabelToEgoCoordinates", () => {
  test("pure translation: positions move by -t, yaw is kept, the input is not mutated", () => {
    const input = label("pointcloud-cuboid", { annotations: [cuboid({ x: 11, y: 22, z: 1 }, 0.5)] });
    const before = structuredClone(input);
    const result = transformLabelToEgoCoordinates(
      sample({ pcd, ego_pose: { position: { x: 10, y: 20, z: 0 }, heading: IDENTITY } }),
      input,
    );
    const [box] = attributesOf(result).annotations;
    expect(box.position.x).toBeCloseTo(1);
    expect(box.position.y).toBeCloseTo(2);
    expect(box.position.z).toBeCloseTo(1);
    expect(box.yaw).toBeCloseTo(0.5);
    expect(box.dimensions).toEqual({ x: 4, y: 2, z: 1.5 });
    expect(input).toEqual(before);
    expect(result).not.toBe(input);
  });

  test("90 degree ego yaw: position = R^T (p - t), yaw -= ego yaw, rotation = q_ego^-1 * q", () => {
    const result = transformLabelToEgoCoordinates(
      sample({ pcd, ego_pose: { position: { x: 10, y: 0, z: 0 }, heading: YAW_90 } }),
      label("pointcloud-cuboid", {
        annotations: [cuboid({ x: 10, y: 5, z: 2 }, Math.PI / 2, { rotation: YAW_90 })],
      }),
    );
    const [box] = attributesOf(result).annotations;
    // 5 m to the ego's left in the world (+y) is 5 m ahead of a vehicle facing +y.
    expect(box.position.x).toBeCloseTo(5);
    expect(box.position.y).toBeCloseTo(0);
    expect(box.position.z).toBeCloseTo(2);
    expect(box.yaw).toBeCloseTo(0);
    expect(box.rotation.qx).toBeCloseTo(IDENTITY.qx);
    expect(box.rotation.qy).toBeCloseTo(IDENTITY.qy);
    expect(box.rotation.qz).toBeCloseTo(IDENTITY.qz);
    expect(box.rotation.qw).toBeCloseTo(IDENTITY.qw);
  });

  test("a heading that is not unit length is normalized first", () => {
    const result = transformLabelToEgoCoordinates(
      sample({
        pcd,
        ego_pose: { position: { x: 0, y: 0, z: 0 }, heading: { qx: 0, qy: 0, qz: 2, qw: 2 } },
      }),
      label("pointcloud-cuboid", { annotations: [cuboid({ x: 0, y: 3, z: 0 }, 0)] }),
    );
    const [box] = attributesOf(result).annotations;
    expect(box.position.x).toBeCloseTo(3);
    expect(box.position.y).toBeCloseTo(0);
    expect(box.yaw).toBeCloseTo(-Math.PI / 2);
  });

  test("vector points are moved point by point; cuboids in vector labels are moved as cuboids", () => {
    const result = transformLabelToEgoCoordinates(
      sample({ pcd, ego_pose: { position: { x: 10, y: 0, z: 0 }, heading: YAW_90 } }),
      label("pointcloud-vector", {
        annotations: [
          {
            id: 1,
            category_id: 1,
            type: "polyline",
            points: [
              [10, 5, 0],
              [11, 5, 2],
            ],
          },
          cuboid({ x: 10, y: 1, z: 0 }, 0),
        ],
      }),
    );
    const [line, box] = attributesOf(result).annotations;
    const points = line.points as number[][];
    expect(points.map((point) => point.map((v) => Number(v.toFixed(9)) + 0))).toEqual([
      [5, 0, 0],
      [5, -1, 2],
    ]);
    expect(box.position.x).toBeCloseTo(1);
    expect(box.position.y).toBeCloseTo(0);
    expect(box.yaw).toBeCloseTo(-Math.PI / 2);
  });

  test("a sequence frame without an ego pose is left untouched, with a warning", () => {
    const logger = silentLogger();
    const result = transformLabelToEgoCoordinates(
      sample({
        frames: [
          { pcd, ego_pose: { position: { x: 1, y: 1, z: 0 }, heading: IDENTITY } },
          { pcd }, // no ego pose
        ],
      }),
      label("pointcloud-cuboid-sequence", {
        frames: [
          { annotations: [{ ...cuboid({ x: 2, y: 3, z: 0 }, 0.2), track_id: 1 }] },
          { annotations: [{ ...cuboid({ x: 2, y: 3, z: 0 }, 0.2), track_id: 1 }] },
        ],
      }),
      { logger },
    );
    const [first, second] = attributesOf(result).frames;
    expect(first.annotations[0].position).toEqual({ x: 1, y: 2, z: 0 });
    expect(second.annotations[0].position).toEqual({ x: 2, y: 3, z: 0 });
    expect(second.annotations[0].yaw).toBe(0.2);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toMatch(/frame 1 has no ego_pose/);
  });

  test("multi-sensor: point cloud sensors move per frame, camera sensors and empty sensors stay", () => {
    const camera = {
      name: "Camera 1",
      task_type: "image-vector-sequence",
      attributes: {
        frames: [
          {
            annotations: [
              {
                id: 9,
                category_id: 1,
                type: "bbox",
                points: [
                  [1, 2],
                  [3, 4],
                ],
              },
            ],
          },
        ],
      },
    };
    const input = label("multisensor-sequence", {
      sensors: [
        {
          name: "Lidar",
          task_type: "pointcloud-cuboid-sequence",
          attributes: { frames: [{ annotations: [{ ...cuboid({ x: 10, y: 5, z: 0 }, 0), track_id: 1 }] }] },
        },
        { name: "Radar", task_type: "pointcloud-vector-sequence", attributes: [] },
        camera,
      ],
    });
    const result = transformLabelToEgoCoordinates(
      sample({
        sensors: [
          {
            name: "Lidar",
            task_type: "pointcloud-cuboid-sequence",
            attributes: { frames: [{ pcd, ego_pose: { position: { x: 10, y: 0, z: 0 }, heading: YAW_90 } }] },
          },
          {
            name: "Camera 1",
            task_type: "image-vector-sequence",
            attributes: { frames: [{ image: { url: "https://example.com/1.jpg" } }] },
          },
        ],
      }),
      input,
    );
    const [lidar, radar, cam] = attributesOf(result).sensors;
    const box = lidar.attributes.frames[0].annotations[0];
    expect(box.position.x).toBeCloseTo(5);
    expect(box.position.y).toBeCloseTo(0);
    expect(box.yaw).toBeCloseTo(-Math.PI / 2);
    expect(radar.attributes).toEqual([]);
    expect(cam).toEqual(camera);
  });

  test("segmentation labels are returned unchanged (as a copy)", () => {
    const input = label("pointcloud-segmentation", {
      annotations: [{ id: 1, category_id: 1 }],
      point_annotations: [0, 1, 1],
    });
    const result = transformLabelToEgoCoordinates(
      sample({ pcd, ego_pose: { position: { x: 5, y: 5, z: 5 }, heading: YAW_90 } }),
      input,
    );
    expect(result).toEqual(input);
    expect(result).not.toBe(input);
  });

  test("a label of another sample is a ValidationError", () => {
    const run = () =>
      transformLabelToEgoCoordinates(
        sample({ pcd }),
        label("pointcloud-cuboid", { annotations: [] }, "another-sample"),
      );
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(/another-sample/);
  });

  test.each([
    [
      "an image sample with an image label",
      sample({ image: { url: "https://example.com/a.jpg" } }),
      label("bboxes", { annotations: [] }),
    ],
    [
      "an image sample with a point cloud label",
      sample({ image: { url: "https://example.com/a.jpg" } }),
      label("pointcloud-cuboid", { annotations: [] }),
    ],
    [
      "an image sequence with a point cloud sequence label",
      sample({ frames: [{ image: { url: "https://example.com/a.jpg" } }] }),
      label("pointcloud-cuboid-sequence", { frames: [] }),
    ],
  ])("non-point-cloud input is a ValidationError: %s", (_case, theSample, theLabel) => {
    expect(() => transformLabelToEgoCoordinates(theSample, theLabel)).toThrow(ValidationError);
  });

  test("a malformed ego pose is a ValidationError, not NaN coordinates", () => {
    const run = () =>
      transformLabelToEgoCoordinates(
        sample({
          pcd,
          ego_pose: { position: { x: 0, y: 0, z: 0 }, heading: { qx: 0, qy: 0, qz: 0, qw: 0 } },
        }),
        label("pointcloud-cuboid", { annotations: [cuboid({ x: 1, y: 1, z: 1 }, 0)] }),
      );
    expect(run).toThrow(ValidationError);
  });
});

describe("getLabel with transformToEgoCoordinates", () => {
  let server: LocalServer;
  const egoPose = { position: { x: 10, y: 0, z: 0 }, heading: YAW_90 };

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url?.startsWith("/labels/")) {
        return sendJson(
          res,
          200,
          label("pointcloud-cuboid", { annotations: [cuboid({ x: 10, y: 5, z: 0 }, Math.PI / 2)] }),
          { "x-request-id": "label-req" },
        );
      }
      return sendJson(res, 200, sample({ pcd, ego_pose: egoPose }));
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
  });

  const client = () => new SegmentsClient({ apiKey: "k", baseUrl: server.url, logLevel: "off" });

  test("fetches the label, then the sample, and returns the label in ego coordinates", async () => {
    const { data, requestId } = await client()
      .getLabel<"pointcloud-cuboid">(UUID, "ground-truth", { transformToEgoCoordinates: true })
      .withResponse();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /labels/${UUID}/ground-truth/`,
      `GET /samples/${UUID}/`,
    ]);
    const box = data.attributes?.annotations[0];
    expect(box?.position.x).toBeCloseTo(5);
    expect(box?.position.y).toBeCloseTo(0);
    expect(box?.yaw).toBeCloseTo(0);
    expect(requestId).toBe("label-req");
  });

  test.each([
    ["no third argument", [UUID]],
    ["transformToEgoCoordinates: false", [UUID, undefined, { transformToEgoCoordinates: false }, {}]],
  ])("without the flag only the label is fetched: %s", async (_case, args) => {
    const data = await (client().getLabel as (...a: unknown[]) => Promise<Label>)(...args);
    expect(server.requests.map((r) => r.url)).toEqual([`/labels/${UUID}/ground-truth/`]);
    expect(attributesOf(data).annotations[0].position).toEqual({ x: 10, y: 5, z: 0 });
  });

  test("request options as the fourth argument apply to both requests", async () => {
    await client().getLabel(UUID, "gt", { transformToEgoCoordinates: true }, { headers: { "x-trace": "t" } });
    expect(server.requests.map((r) => r.headers["x-trace"])).toEqual(["t", "t"]);
  });

  test.each([
    ["a non-boolean flag", [UUID, "gt", { transformToEgoCoordinates: "yes" }]],
    ["a request option mixed into the params", [UUID, "gt", { transformToEgoCoordinates: true, timeout: 5 }]],
    ["request options as the third argument (the signature before params)", [UUID, "gt", { timeout: 5000 }]],
  ])("%s is a ValidationError before any request", async (_case, args) => {
    await expect((client().getLabel as (...a: unknown[]) => Promise<Label>)(...args)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(server.requests).toHaveLength(0);
  });

  test("a frame without an ego pose is reported through the client's logger", async () => {
    const warn = vi.fn();
    const logger = { warn, error() {}, info() {}, debug() {} };
    const withoutPose = await startLocalServer((req, res) =>
      req.url?.startsWith("/labels/")
        ? sendJson(res, 200, label("pointcloud-cuboid", { annotations: [cuboid({ x: 1, y: 2, z: 3 }, 0)] }))
        : sendJson(res, 200, sample({ pcd })),
    );
    try {
      const other = new SegmentsClient({ apiKey: "k", baseUrl: withoutPose.url, logger });
      const data = await other.getLabel(UUID, "gt", { transformToEgoCoordinates: true });
      expect(attributesOf(data).annotations[0].position).toEqual({ x: 1, y: 2, z: 3 });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[segments\] .*no ego_pose/));
    } finally {
      await withoutPose.close();
    }
  });
});
