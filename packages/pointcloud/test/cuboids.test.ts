import { describe, expect, test } from "vitest";
import { type CuboidLike, cuboidToSegmentation, PointcloudInputError } from "../src/index.ts";
import { rng } from "./fixtures.ts";

const S = Math.SQRT1_2; // sin 45° = cos 45°
const box = (
  id: number,
  at: number[],
  size: number[],
  turn: Partial<CuboidLike> = { yaw: 0 },
): CuboidLike => ({
  id,
  position: { x: at[0] as number, y: at[1] as number, z: at[2] as number },
  dimensions: { x: size[0] as number, y: size[1] as number, z: size[2] as number },
  ...turn,
});
const ids = (
  points: number[][],
  annotations: CuboidLike[],
  egoPose?: Parameters<typeof cuboidToSegmentation>[2],
) => Array.from(cuboidToSegmentation(points, { annotations }, egoPose));

describe("cuboidToSegmentation (hand-computed cases)", () => {
  test("an axis-aligned cuboid: faces, edges and corners are inside, a hair beyond is not", () => {
    const cuboid = [box(7, [0, 0, 0], [2, 4, 6])];
    const points = [
      [1, 2, 3], // corner
      [0, -2, 0], // face
      [-1, 0, 3], // edge
      [1.0001, 0, 0],
      [0, 0, 3.01],
      [0, 0, 0],
    ];
    expect(ids(points, cuboid)).toEqual([7, 7, 7, 0, 0, 7]);
  });

  test("yaw turns the cuboid about +z", () => {
    // 4 x 2 x 2 at (10, 0, 0), turned 90°: it spans x 9..11 and y -2..2.
    const cuboid = [box(1, [10, 0, 0], [4, 2, 2], { yaw: Math.PI / 2 })];
    expect(
      ids(
        [
          [10, 1.9, 0],
          [11.5, 0, 0],
          [9.1, -1.9, 0.9],
        ],
        cuboid,
      ),
    ).toEqual([1, 0, 1]);
    // A 2 x 2 square turned 45° is the diamond |x| + |y| <= sqrt(2).
    const diamond = [box(2, [0, 0, 0], [2, 2, 2], { yaw: Math.PI / 4 })];
    expect(
      ids(
        [
          [1.4, 0, 0],
          [1, 0.5, 0],
          [0, -1.41, 0.5],
          [0.9, 0.9, 0],
        ],
        diamond,
      ),
    ).toEqual([2, 0, 2, 0]);
  });

  test("rotation (qx, qy, qz, qw) is used instead of yaw; qw is the scalar part", () => {
    // 90° about +x: the cuboid's y (4) lies along world z, its z (6) along world y. So it spans x -1..1, y -3..3,
    // z -2..2. (Read as (w, x, y, z), as the Python SDK passes it to open3d, it would be 90° about z: y -1..1.)
    const cuboid = [box(3, [0, 0, 0], [2, 4, 6], { yaw: 1.2, rotation: { qx: S, qy: 0, qz: 0, qw: S } })];
    expect(
      ids(
        [
          [0, 2.5, 0],
          [0, 0, 2.5],
          [1, -3, -2],
        ],
        cuboid,
      ),
    ).toEqual([3, 0, 3]);
    // Quaternions that are not unit length (a few decimals) are normalized.
    const rounded = [box(3, [0, 0, 0], [2, 4, 6], { rotation: { qx: 0.7, qy: 0, qz: 0, qw: 0.7 } })];
    expect(
      ids(
        [
          [0, 2.9, 0],
          [0, 0, 2.5],
        ],
        rounded,
      ),
    ).toEqual([3, 0]);
  });

  test("with the ego pose, cuboids move into the ego frame: centre R^T (c - t), rotation R^T R", () => {
    // The ego vehicle at (100, 50, 0) heading 90° (its x axis is the world's y axis). A 4 x 2 x 2 cuboid at world
    // (100, 55, 0) along world x is, in ego coordinates, centred at (5, 0, 0) and long along ego -y.
    const egoPose = { position: { x: 100, y: 50, z: 0 }, heading: { qx: 0, qy: 0, qz: S, qw: S } };
    const cuboid = [box(9, [100, 55, 0], [4, 2, 2])];
    expect(
      ids(
        [
          [5, 1.5, 0],
          [6.5, 0, 0],
          [4.1, -1.9, -1],
          [0, 5, 0],
        ],
        cuboid,
        egoPose,
      ),
    ).toEqual([9, 0, 9, 0]);
    // Without the pose the same points are compared with the world cuboid.
    expect(
      ids(
        [
          [100, 55, 0],
          [5, 1.5, 0],
        ],
        cuboid,
      ),
    ).toEqual([9, 0]);
  });

  test("overlapping cuboids: the one later in annotations wins", () => {
    const a = box(1, [0, 0, 0], [4, 4, 4]);
    const b = box(2, [1, 0, 0], [4, 4, 4]);
    const points = [
      [-1.5, 0, 0],
      [0.5, 0, 0],
      [2.5, 0, 0],
    ];
    expect(ids(points, [a, b])).toEqual([1, 2, 2]);
    expect(ids(points, [b, a])).toEqual([1, 1, 2]);
  });

  test("points as a cloud, flat coordinates or rows; no cuboids gives all zeros", () => {
    const positions = Float32Array.of(0, 0, 0, 5, 5, 5);
    const cuboid = { annotations: [box(4, [0, 0, 0], [1, 1, 1])] };
    expect(Array.from(cuboidToSegmentation({ positions }, cuboid))).toEqual([4, 0]);
    expect(Array.from(cuboidToSegmentation(positions, cuboid))).toEqual([4, 0]);
    expect(Array.from(cuboidToSegmentation(positions, { annotations: [] }))).toEqual([0, 0]);
    expect(
      Array.from(cuboidToSegmentation({ positions: Float32Array.of(Number.NaN, 0, 0) }, cuboid)),
    ).toEqual([0]);
  });

  test("bad cuboids are input errors naming the field", () => {
    const expectField = (annotations: unknown[], field: RegExp) => {
      let error: unknown;
      try {
        cuboidToSegmentation([[0, 0, 0]], { annotations: annotations as CuboidLike[] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PointcloudInputError);
      expect((error as PointcloudInputError).field).toMatch(field);
    };
    expectField([{ ...box(1, [0, 0, 0], [1, 1, 1]), yaw: undefined }], /annotations\[0\]\.yaw/);
    expectField([box(1, [0, 0, 0], [1, 1, 1]), box(1, [0, 0, 0], [1, 1, 1])], /annotations\[1\]\.id/);
    expectField([box(1, [0, 0, 0], [1, -1, 1])], /annotations\[0\]\.dimensions/);
    expectField([box(1, [0, Number.NaN, 0], [1, 1, 1])], /annotations\[0\]\.position\.y/);
    expectField([box(1, [0, 0, 0], [1, 1, 1], { rotation: { qx: 0, qy: 0, qz: 0, qw: 0 } })], /rotation/);
    expect(() => cuboidToSegmentation([[0, 0]], { annotations: [] })).toThrow(/not \[x, y, z\]/);
  });

  test("matches a brute-force check of every point against every cuboid (random scenes)", () => {
    const random = rng(99);
    const between = (a: number, b: number) => a + (b - a) * random();
    for (let scene = 0; scene < 5; scene++) {
      const n = 20_000;
      const positions = Float32Array.from({ length: 3 * n }, (_, i) =>
        i % 3 === 2 ? between(-2, 2) : between(-60, 60),
      );
      const annotations = Array.from({ length: 30 }, (_, k) =>
        box(
          k + 1,
          [between(-60, 60), between(-60, 60), between(-1, 1)],
          [between(0.5, 20), between(0.5, 8), between(0.5, 3)],
          {
            yaw: between(-4, 4),
            ...(k % 3 === 0
              ? {
                  rotation: {
                    qx: between(-1, 1),
                    qy: between(-1, 1),
                    qz: between(-1, 1),
                    qw: between(-1, 1),
                  },
                }
              : {}),
          },
        ),
      );
      const got = cuboidToSegmentation({ positions }, { annotations });
      // The reference: every point against every cuboid, in order, straight from the definition.
      const want = new Uint32Array(n);
      for (const a of annotations) {
        const r = a.rotation ? matrix(a.rotation) : yaw(a.yaw as number);
        for (let i = 0; i < n; i++) {
          const [dx, dy, dz] = [
            (positions[3 * i] as number) - a.position.x,
            (positions[3 * i + 1] as number) - a.position.y,
            (positions[3 * i + 2] as number) - a.position.z,
          ];
          const local = (k: number) =>
            dx * (r[k] as number) + dy * (r[3 + k] as number) + dz * (r[6 + k] as number);
          if (
            Math.abs(local(0)) <= a.dimensions.x / 2 &&
            Math.abs(local(1)) <= a.dimensions.y / 2 &&
            Math.abs(local(2)) <= a.dimensions.z / 2
          )
            want[i] = a.id;
        }
      }
      expect(Array.from(got)).toEqual(Array.from(want));
      expect(got.some((id) => id !== 0)).toBe(true);
    }
  });
});

function yaw(angle: number): number[] {
  return [Math.cos(angle), -Math.sin(angle), 0, Math.sin(angle), Math.cos(angle), 0, 0, 0, 1];
}

/**
 * The rotation matrix of a quaternion, built column by column by rotating the unit vectors with q v q* (Hamilton
 * products): a different route from the package's closed-form matrix.
 */
function matrix(q: { qx: number; qy: number; qz: number; qw: number }): number[] {
  const l = Math.hypot(q.qx, q.qy, q.qz, q.qw);
  const u = { w: q.qw / l, x: q.qx / l, y: q.qy / l, z: q.qz / l };
  type Q = typeof u;
  const mul = (a: Q, b: Q): Q => ({
    w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  });
  const conjugate = { w: u.w, x: -u.x, y: -u.y, z: -u.z };
  const columns = [
    { w: 0, x: 1, y: 0, z: 0 },
    { w: 0, x: 0, y: 1, z: 0 },
    { w: 0, x: 0, y: 0, z: 1 },
  ].map((e) => mul(mul(u, e), conjugate));
  return [0, 1, 2].flatMap((row) => columns.map((c) => [c.x, c.y, c.z][row] as number));
}
