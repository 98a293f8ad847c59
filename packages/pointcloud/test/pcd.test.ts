import { describe, expect, test } from "vitest";
import {
  arrayToPcd,
  type PcdEncoding,
  PointcloudFileError,
  PointcloudInputError,
  readPcd,
  writePcd,
} from "../src/index.ts";
import { lzfCompress, lzfDecompress } from "../src/pcd/lzf.ts";
import {
  concat,
  literalLzf,
  lzfjs,
  open3dAsciiRgbFloatIntensity,
  pclAsciiRgb,
  pclCompressedXyzRgb,
  pclPaddedBinaryXyzi,
  randomCloud,
} from "./fixtures.ts";

const ENCODINGS: PcdEncoding[] = ["ascii", "binary", "binary_compressed"];
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("writePcd / readPcd round trips", () => {
  for (const encoding of ENCODINGS) {
    test(`${encoding}: x y z, intensity and rgb come back bit for bit`, () => {
      const cloud = randomCloud(500);
      // Values that stress the ascii formatting: tiny, huge, negative zero, integers.
      cloud.positions.set([1e-38, -3.4e38, -0, 7, 0.1, 123456.789], 0);
      for (const variant of [
        { positions: cloud.positions },
        { positions: cloud.positions, intensity: cloud.intensity },
        { positions: cloud.positions, rgb: cloud.rgb },
        cloud,
      ]) {
        const back = readPcd(writePcd(variant, { encoding }));
        expect(back.header.encoding).toBe(encoding);
        expect(Array.from(back.positions)).toEqual(Array.from(variant.positions));
        expect(back.intensity && Array.from(back.intensity)).toEqual(
          variant.intensity && Array.from(variant.intensity),
        );
        expect(back.rgb && Array.from(back.rgb)).toEqual(variant.rgb && Array.from(variant.rgb));
      }
    });
  }

  test("binary data reads the same at any alignment in memory (fast path and fallback)", () => {
    const cloud = randomCloud(100);
    const pcd = writePcd(cloud);
    for (let shift = 0; shift < 4; shift++) {
      const moved = new Uint8Array(pcd.length + shift);
      moved.set(pcd, shift);
      const back = readPcd(moved.subarray(shift));
      expect(Array.from(back.positions)).toEqual(Array.from(cloud.positions));
      expect(Array.from(back.intensity ?? [])).toEqual(Array.from(cloud.intensity));
    }
  });

  test("an empty cloud round-trips in every encoding", () => {
    for (const encoding of ENCODINGS) {
      const back = readPcd(writePcd({ positions: new Float32Array(0) }, { encoding }));
      expect(back.positions.length).toBe(0);
    }
  });

  test("the header is PCL's, with open3d's field order", () => {
    const cloud = randomCloud(2);
    expect(text(writePcd(cloud, { encoding: "binary" })).split("DATA binary\n")[0]).toBe(
      [
        "# .PCD v0.7 - Point Cloud Data file format",
        "VERSION 0.7",
        "FIELDS x y z rgb intensity",
        "SIZE 4 4 4 4 4",
        "TYPE F F F U F",
        "COUNT 1 1 1 1 1",
        "WIDTH 2",
        "HEIGHT 1",
        "VIEWPOINT 0 0 0 1 0 0 0",
        "POINTS 2",
        "",
      ].join("\n"),
    );
  });

  test("binary records are x y z rgb intensity, little-endian, rgb packed 0x00RRGGBB", () => {
    const pcd = writePcd({
      positions: Float32Array.of(1.5, -2, 3),
      rgb: Uint8Array.of(10, 20, 30),
      intensity: Float32Array.of(0.25),
    });
    const view = new DataView(pcd.buffer, pcd.byteOffset + pcd.length - 20);
    expect([0, 4, 8].map((o) => view.getFloat32(o, true))).toEqual([1.5, -2, 3]);
    expect(view.getUint32(12, true)).toBe((10 << 16) | (20 << 8) | 30);
    expect(view.getFloat32(16, true)).toBe(0.25);
  });

  test("ascii writes rgb as the packed integer and floats as short decimals", () => {
    const pcd = writePcd(
      { positions: Float32Array.of(0.1, 2, -3.25), rgb: Uint8Array.of(255, 0, 1) },
      { encoding: "ascii" },
    );
    expect(text(pcd).endsWith(`DATA ascii\n0.1 2 -3.25 ${(255 << 16) | 1}\n`)).toBe(true);
  });

  test("binary_compressed is readable by an independent LZF decoder (liblzf's port)", () => {
    const cloud = randomCloud(300);
    const pcd = writePcd(cloud, { encoding: "binary_compressed" });
    const at = text(pcd).indexOf("DATA binary_compressed\n") + "DATA binary_compressed\n".length;
    const sizes = new DataView(pcd.buffer, at, 8);
    const stream = pcd.subarray(at + 8, at + 8 + sizes.getUint32(0, true));
    const raw = lzfjs.decompress(stream);
    expect(raw.length).toBe(sizes.getUint32(4, true));
    // Field blocks: all x, then all y, ...; the first x is point 0's x, the first y point 0's y.
    const floats = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    expect(floats.getFloat32(0, true)).toBe(cloud.positions[0]);
    expect(floats.getFloat32(4 * 300, true)).toBe(cloud.positions[1]);
  });
});

describe("files in PCL and open3d conventions", () => {
  test("PCL's padded PointXYZI binary (`_` fields) reads back", () => {
    const cloud = readPcd(
      pclPaddedBinaryXyzi([
        [1, 2, 3, 0.5],
        [-4, 5.5, 6, 1],
      ]),
    );
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -4, 5.5, 6]);
    expect(Array.from(cloud.intensity ?? [])).toEqual([0.5, 1]);
    expect(cloud.header.pointSize).toBe(32);
  });

  test("PCL >= 1.12 ascii rgb (TYPE U, alpha 255) reads back", () => {
    const cloud = readPcd(
      pclAsciiRgb([
        [1, 2, 3, [255, 128, 0]],
        [0, 0, 0, [1, 2, 3]],
      ]),
    );
    expect(Array.from(cloud.rgb ?? [])).toEqual([255, 128, 0, 1, 2, 3]);
  });

  test("open3d legacy ascii (rgb as TYPE F bits, trailing spaces, %.10g) reads back", () => {
    const cloud = readPcd(open3dAsciiRgbFloatIntensity([[0.5, -1.25, 1000.125, [12, 34, 56], 0.75]]));
    expect(Array.from(cloud.positions)).toEqual([0.5, -1.25, 1000.125]);
    expect(Array.from(cloud.rgb ?? [])).toEqual([12, 34, 56]);
    expect(Array.from(cloud.intensity ?? [])).toEqual([0.75]);
  });

  test("PCL binary_compressed (liblzf stream, `rgb` as TYPE F) reads back", () => {
    const points: [number, number, number, [number, number, number]][] = Array.from(
      { length: 200 },
      (_, i) => [i, -i / 4, Math.fround(i * 0.1), [i % 256, (3 * i) % 256, 255 - (i % 256)]],
    );
    for (const lzf of [lzfjs.compress, literalLzf]) {
      const cloud = readPcd(pclCompressedXyzRgb(points, lzf));
      expect(Array.from(cloud.positions.subarray(0, 6))).toEqual([
        0,
        -0,
        Math.fround(0),
        1,
        -0.25,
        Math.fround(0.1),
      ]);
      expect(Array.from(cloud.rgb?.subarray(597) ?? [])).toEqual([199, 85, 56]);
    }
  });

  test("old PCD headers: no SIZE/TYPE (floats), no WIDTH/HEIGHT, CRLF lines, COLUMNS", () => {
    const pcd = "# .PCD v.5\r\nVERSION .5\r\nCOLUMNS x y z\r\nPOINTS 2\r\nDATA ascii\r\n1 2 3\r\n4 5 6\r\n";
    const cloud = readPcd(new TextEncoder().encode(pcd));
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([cloud.header.width, cloud.header.height]).toEqual([2, 1]);
  });

  test("other fields (normals, ring) are listed in the header, x y z read from any numeric type", () => {
    const body = new DataView(new ArrayBuffer(2 * 26));
    [
      [1, 2, 3],
      [4, 5, 6],
    ].forEach(([x, y, z], i) => {
      body.setFloat64(26 * i, x as number, true);
      body.setInt16(26 * i + 8, y as number, true);
      body.setFloat32(26 * i + 10, z as number, true);
      body.setUint16(26 * i + 14, 7, true); // ring
      body.setFloat64(26 * i + 16, 0.5, true); // time
      body.setUint16(26 * i + 24, 200 + i, true); // intensity as U2
    });
    const pcd = concat(
      "VERSION 0.7\nFIELDS x y z ring time intensity\nSIZE 8 2 4 2 8 2\nTYPE F I F U F U\nCOUNT 1 1 1 1 1 1\n",
      "WIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA binary\n",
      new Uint8Array(body.buffer),
    );
    const cloud = readPcd(pcd);
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(cloud.intensity ?? [])).toEqual([200, 201]);
    expect(cloud.header.fields.map((f) => f.name)).toEqual(["x", "y", "z", "ring", "time", "intensity"]);
  });
});

describe("bad PCD files are typed errors naming the file and the problem", () => {
  const good = writePcd({ positions: randomCloud(4).positions }, { encoding: "binary" });
  const goodText = text(good);
  const expectError = (bytes: Uint8Array | string, code: string, message: RegExp, options = {}) => {
    const input = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    let error: unknown;
    try {
      readPcd(input, { file: "scan.pcd", ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PointcloudFileError);
    expect((error as PointcloudFileError).code).toBe(code);
    expect((error as PointcloudFileError).file).toBe("scan.pcd");
    expect((error as Error).message).toMatch(/^scan\.pcd: /);
    expect((error as Error).message).toMatch(message);
  };
  const header = (lines: string[]) => `${lines.join("\n")}\n`;

  test("malformed headers", () => {
    expectError("", "MALFORMED_HEADER", /no DATA line/);
    expectError("hello world\n", "MALFORMED_HEADER", /unknown header keyword/);
    expectError(
      header(["FIELDS x y z", "SIZE 4 4", "DATA ascii"]),
      "MALFORMED_HEADER",
      /2 values for 3 FIELDS/,
    );
    expectError(header(["FIELDS x y z", "TYPE F F Q", "DATA ascii"]), "MALFORMED_HEADER", /not a type/);
    expectError(header(["FIELDS x y z", "SIZE 4 4 3", "DATA ascii"]), "MALFORMED_HEADER", /SIZE 3/);
    expectError(
      header(["FIELDS x y z", "POINTS -1", "DATA ascii"]),
      "MALFORMED_HEADER",
      /not a whole number/,
    );
    expectError(
      header(["FIELDS x y z", "WIDTH 2", "POINTS 3", "DATA ascii"]),
      "MALFORMED_HEADER",
      /contradicts/,
    );
    expectError(header(["FIELDS x y z", "POINTS 0", "DATA lzma"]), "MALFORMED_HEADER", /DATA must be/);
    expectError(header(["FIELDS x y z", "VIEWPOINT 0 0 0", "DATA ascii"]), "MALFORMED_HEADER", /7 numbers/);
    expectError(header(["FIELDS a b c", "POINTS 0", "DATA ascii"]), "UNSUPPORTED", /no x, y and z/);
  });

  test("truncated data", () => {
    expectError(good.subarray(0, good.length - 1), "TRUNCATED", /need 48 bytes of data, the file has 47/);
    const compressed = writePcd(randomCloud(50), { encoding: "binary_compressed" });
    expectError(compressed.subarray(0, compressed.length - 10), "TRUNCATED", /binary_compressed data says/);
    const ascii = writePcd(randomCloud(3), { encoding: "ascii" });
    expectError(
      ascii.subarray(0, ascii.lastIndexOf(10, ascii.length - 2) + 1),
      "TRUNCATED",
      /3 points, the data has 2/,
    );
  });

  test("a huge POINTS with little data fails on the size check, before allocating", () => {
    const big = header(["FIELDS x y z", "WIDTH 4000000000", "POINTS 4000000000", "DATA binary"]);
    expectError(`${big}abc`, "TRUNCATED", /48000000000 bytes/, { maxPoints: 2 ** 32 });
    expectError(`${big}abc`, "TOO_LARGE", /over maxPoints/);
    const asciiBig = header(["FIELDS x y z", "WIDTH 4000000000", "POINTS 4000000000", "DATA ascii"]);
    expectError(`${asciiBig}1 2 3\n`, "TRUNCATED", /the data has 1 lines/, { maxPoints: 2 ** 32 });
  });

  test("wrong field counts and non-numbers in ascii", () => {
    const lines = header(["FIELDS x y z intensity", "POINTS 2", "DATA ascii", "1 2 3 4", "5 6 7"]);
    expectError(lines, "FIELD_COUNT", /point 1 \(data line 2\) has 3 values, FIELDS x y z intensity need 4/);
    expectError(header(["FIELDS x y z", "POINTS 1", "DATA ascii", "1 two 3"]), "BAD_DATA", /y is "two"/);
    expectError(
      header(["FIELDS x y z", "POINTS 1", "DATA ascii", "1 2 3", "4 5 6"]),
      "BAD_DATA",
      /more than/,
    );
  });

  test("corrupt LZF data and a wrong uncompressed size", () => {
    const pcd = writePcd({ positions: randomCloud(50).positions }, { encoding: "binary_compressed" });
    const at = goodTextLength(pcd);
    const broken = pcd.slice();
    broken[at + 8] = 0xe0; // a match before the start of the output
    expectError(broken, "BAD_DATA", /corrupt binary_compressed data: a match at output byte 0/);
    const wrongSize = pcd.slice();
    new DataView(wrongSize.buffer).setUint32(at + 4, 12, true);
    expectError(wrongSize, "BAD_DATA", /holds 12 bytes, the header's 50 points need 600/);
  });

  test("NaN and infinite coordinates: an error, or dropped on request", () => {
    const pcd = writePcd({ positions: Float32Array.of(1, 2, 3, Number.NaN, 0, 0, 4, 5, Infinity, 7, 8, 9) });
    expectError(pcd, "NAN_COORDINATE", /point 1 has x = NaN/);
    const kept = readPcd(pcd, { nonFinite: "drop" });
    expect(Array.from(kept.positions)).toEqual([1, 2, 3, 7, 8, 9]);
    const ascii = header(["FIELDS x y z", "POINTS 2", "DATA ascii", "nan nan nan", "1 -inf 2"]);
    expectError(ascii, "NAN_COORDINATE", /point 0/);
    expect(readPcd(new TextEncoder().encode(ascii), { nonFinite: "drop" }).positions.length).toBe(0);
  });

  test("maxPoints refuses big files", () => {
    expectError(good, "TOO_LARGE", /4 points, over maxPoints 3/, { maxPoints: 3 });
    expect(goodText.length).toBeGreaterThan(0);
  });
});

function goodTextLength(pcd: Uint8Array): number {
  return text(pcd).indexOf("DATA binary_compressed\n") + "DATA binary_compressed\n".length;
}

describe("LZF", () => {
  test("round trips repetitive and random data, and decodes hand-made streams", () => {
    const random = randomCloud(2000).positions;
    for (const raw of [
      new Uint8Array(0),
      new Uint8Array(100_000),
      new Uint8Array(random.buffer),
      new TextEncoder().encode("abcabcabcabcabcabc xyz xyz xyz".repeat(50)),
    ]) {
      const stream = lzfCompress(raw);
      expect(Array.from(lzfDecompress(stream, raw.length) as Uint8Array)).toEqual(Array.from(raw));
      if (raw.length > 0) expect(Array.from(lzfjs.decompress(stream))).toEqual(Array.from(raw));
    }
    // "abc", then a 9-byte match 3 bytes back (control 0xe0: length 7 + next byte 0 + 2; offset 2 + 1).
    const stream = Uint8Array.of(2, 97, 98, 99, 0xe0, 0, 2);
    expect(text(lzfDecompress(stream, 12) as Uint8Array)).toBe("abcabcabcabc");
    expect(lzfDecompress(stream, 11)).toMatch(/more than the 11 bytes/);
    expect(lzfDecompress(stream, 13)).toMatch(/decompresses to 12 bytes, not the 13/);
    expect(lzfDecompress(Uint8Array.of(5, 1, 2), 6)).toMatch(/passes the end/);
  });
});

describe("arrayToPcd (the Python SDK's array_to_pcd)", () => {
  test("rows, ascii by default, rgb in 0-1 or 0-255", () => {
    const pcd = arrayToPcd(
      [
        [0, 0, 0],
        [1, 2, 3],
      ],
      {
        intensity: [[0.5], [1]],
        rgb: [
          [1, 0, 0.5],
          [0, 1, 0],
        ],
      },
    );
    expect(text(pcd)).toContain("DATA ascii\n");
    const cloud = readPcd(pcd);
    expect(Array.from(cloud.positions)).toEqual([0, 0, 0, 1, 2, 3]);
    expect(Array.from(cloud.rgb ?? [])).toEqual([255, 0, 128, 0, 255, 0]);
    const bytes = readPcd(arrayToPcd([1, 2, 3], { rgb: [200, 100, 2], writeAscii: false, compressed: true }));
    expect(bytes.header.encoding).toBe("binary_compressed");
    expect(Array.from(bytes.rgb ?? [])).toEqual([200, 100, 2]);
  });

  test("shapes that do not match are input errors", () => {
    expect(() => arrayToPcd([[1, 2]])).toThrow(PointcloudInputError);
    expect(() => arrayToPcd([[1, 2, 3]], { intensity: [1, 2] })).toThrow(/2 values for 1 points/);
    expect(() =>
      arrayToPcd([[1, 2, 3]], {
        rgb: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ).toThrow(/2 colours for 1 points/);
    expect(() => writePcd({ positions: Float32Array.of(1, 2) })).toThrow(/not a multiple of 3/);
  });
});
