import { describe, expect, test } from "vitest";
import { lasToPcd, PointcloudFileError, plyToPcd, readLas, readPcd, readPly } from "../src/index.ts";
import { concat, lasFile, plyFile } from "./fixtures.ts";

const points: [number, number, number, number, [number, number, number]][] = [
  [1.5, -2, 3.25, 0.5, [255, 0, 10]],
  [0, 0, 0, 1, [1, 2, 3]],
  [-100.125, 50, 7, 0, [128, 64, 32]],
];

async function rejection(promise: Promise<unknown>): Promise<PointcloudFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PointcloudFileError);
  return error as PointcloudFileError;
}

describe("readPly / plyToPcd", () => {
  for (const format of ["ascii", "binary_little_endian", "binary_big_endian"] as const) {
    test(`${format}: x y z, intensity and uchar colours (faces ignored)`, async () => {
      const cloud = await readPly(plyFile(format, points, { face: true }));
      expect(Array.from(cloud.positions)).toEqual([1.5, -2, 3.25, 0, 0, 0, -100.125, 50, 7]);
      expect(Array.from(cloud.intensity ?? [])).toEqual([0.5, 1, 0]);
      expect(Array.from(cloud.rgb ?? [])).toEqual([255, 0, 10, 1, 2, 3, 128, 64, 32]);
    });
  }

  test("ushort and float colours are scaled to 0-255 (the loader alone would truncate them)", async () => {
    const ushort = await readPly(
      plyFile("binary_little_endian", [[0, 0, 0, 0, [65535, 32896, 0]]], { colourType: "ushort" }),
    );
    expect(Array.from(ushort.rgb ?? [])).toEqual([255, 128, 0]);
    const float = await readPly(plyFile("ascii", [[0, 0, 0, 0, [1, 0.5, 0]]], { colourType: "float" }));
    expect(Array.from(float.rgb ?? [])).toEqual([255, 128, 0]);
  });

  test("plyToPcd writes ascii by default, binary_compressed on request, and both read back", async () => {
    const ply = plyFile("binary_big_endian", points);
    const ascii = readPcd(await plyToPcd(ply));
    expect(ascii.header.encoding).toBe("ascii");
    const compressed = readPcd(await plyToPcd(ply, { writeAscii: false, compressed: true }));
    expect(compressed.header.encoding).toBe("binary_compressed");
    for (const cloud of [ascii, compressed]) {
      expect(Array.from(cloud.positions)).toEqual([1.5, -2, 3.25, 0, 0, 0, -100.125, 50, 7]);
      expect(Array.from(cloud.rgb ?? [])).toEqual([255, 0, 10, 1, 2, 3, 128, 64, 32]);
      expect(Array.from(cloud.intensity ?? [])).toEqual([0.5, 1, 0]);
    }
  });

  test("bad PLY files", async () => {
    const good = plyFile("binary_little_endian", points);
    const ascii = plyFile("ascii", points);
    const cases: [Uint8Array, string, RegExp][] = [
      [new TextEncoder().encode("solid cube\n"), "MALFORMED_HEADER", /not a PLY file/],
      [
        concat("ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\n"),
        "MALFORMED_HEADER",
        /no end_header/,
      ],
      [
        concat(
          "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nend_header\n1 2\n",
        ),
        "UNSUPPORTED",
        /x, y and z/,
      ],
      [
        concat("ply\nformat ascii 1.0\nelement vertex 1\nproperty quad x\nend_header\n"),
        "MALFORMED_HEADER",
        /unknown type "quad"/,
      ],
      [good.subarray(0, good.length - 1), "TRUNCATED", /need at least 57 bytes, the file has 56/],
      [
        new TextEncoder().encode(new TextDecoder().decode(ascii).replace("1 2 3", "1 2")),
        "FIELD_COUNT",
        /vertex 1 \(data line 2\) has 6 values where its properties need 7/,
      ],
      [
        new TextEncoder().encode(new TextDecoder().decode(ascii).replace("0 0 0 1", "0 nan 0 1")),
        "NAN_COORDINATE",
        /point 1 has y = NaN/,
      ],
    ];
    for (const [bytes, code, message] of cases) {
      const error = await rejection(readPly(bytes, { file: "scan.ply" }));
      expect([error.code, error.file]).toEqual([code, "scan.ply"]);
      expect(error.message).toMatch(message);
    }
    expect((await rejection(readPly(good, { maxPoints: 2 }))).code).toBe("TOO_LARGE");
    const huge = concat(
      "ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\n",
      "property float x\nproperty float y\nproperty float z\nend_header\n",
      new Uint8Array(12),
    );
    const error = await rejection(readPly(huge, { maxPoints: 2 ** 32 }));
    expect([error.code, error.message]).toEqual([
      "TRUNCATED",
      expect.stringMatching(/at least 48000000000 bytes/),
    ]);
  });
});

describe("readLas / lasToPcd", () => {
  const lasPoints = [
    {
      x: 500000.25,
      y: 4800000.5,
      z: 101.75,
      intensity: 300,
      rgb: [65535, 32768, 0] as [number, number, number],
    },
    { x: 500010, y: 4800001.25, z: 99, intensity: 0, rgb: [256, 512, 768] as [number, number, number] },
  ];
  const offset = [500000, 4800000, 100];

  for (const laz of [false, true]) {
    const kind = laz ? "LAZ" : "LAS";
    test(`${kind}: scale and offset applied, intensity and 16-bit RGB carried over`, async () => {
      const file = lasFile(lasPoints, { laz, format: 2, offset });
      const cloud = await readLas(file, { origin: [500000, 4800000, 100] });
      expect(cloud.header).toMatchObject({ compressed: laz, pointFormat: 2, points: 2, offset });
      expect(Array.from(cloud.positions)).toEqual([0.25, 0.5, 1.75, 10, 1.25, -1]);
      expect(Array.from(cloud.intensity ?? [])).toEqual([300, 0]);
      expect(Array.from(cloud.rgb ?? [])).toEqual([255, 128, 0, 1, 2, 3]);
    });

    test(`${kind}: format 0 (no colours) and without origin: float32 of the full coordinate`, async () => {
      const cloud = await readLas(lasFile(lasPoints, { laz, format: 0, offset }));
      expect(cloud.rgb).toBeUndefined();
      expect(cloud.positions[0]).toBe(Math.fround(500000.25));
      expect(cloud.positions[1]).toBe(Math.fround(4800000.5));
    });
  }

  test("8-bit colours (all values <= 255) are detected; colorDepth forces either reading", async () => {
    const eight = lasFile([{ x: 0, y: 0, z: 0, intensity: 1, rgb: [200, 100, 5] }], { format: 2 });
    expect(Array.from((await readLas(eight)).rgb ?? [])).toEqual([200, 100, 5]);
    expect(Array.from((await readLas(eight, { colorDepth: 16 })).rgb ?? [])).toEqual([0, 0, 0]);
  });

  test("lasToPcd: ascii by default, binary on request; both read back", async () => {
    const las = lasFile(lasPoints, { laz: true, format: 2, offset });
    for (const options of [{}, { writeAscii: false }]) {
      const pcd = readPcd(await lasToPcd(las, { ...options, origin: [500000, 4800000, 100] }));
      expect(Array.from(pcd.positions)).toEqual([0.25, 0.5, 1.75, 10, 1.25, -1]);
      expect(Array.from(pcd.intensity ?? [])).toEqual([300, 0]);
      expect(Array.from(pcd.rgb ?? [])).toEqual([255, 128, 0, 1, 2, 3]);
    }
  });

  test("bad LAS files", async () => {
    const good = lasFile(lasPoints, { format: 2 });
    const withFormat = (format: number) => {
      const copy = good.slice();
      copy[104] = format;
      return copy;
    };
    const cases: [Uint8Array, string, RegExp][] = [
      [new TextEncoder().encode("not a las file"), "MALFORMED_HEADER", /LASF/],
      [lasFile(lasPoints, { version: [1, 4] }), "UNSUPPORTED", /LAS 1\.4/],
      [withFormat(6), "UNSUPPORTED", /point data format 6/],
      [good.subarray(0, good.length - 1), "TRUNCATED", /2 points of 26 bytes need 52 bytes, the file has 51/],
      [lasFile(lasPoints, { scale: [0, 1, 1] }), "MALFORMED_HEADER", /scale 0, 1, 1/],
    ];
    for (const [bytes, code, message] of cases) {
      const error = await rejection(readLas(bytes, { file: "tile.las" }));
      expect([error.code, error.file]).toEqual([code, "tile.las"]);
      expect(error.message).toMatch(message);
    }
    const huge = good.slice();
    new DataView(huge.buffer).setUint32(107, 4_000_000_000, true);
    expect((await rejection(readLas(huge))).code).toBe("TOO_LARGE");
    expect((await rejection(readLas(huge, { maxPoints: 2 ** 32 }))).code).toBe("TRUNCATED");
  });
});
