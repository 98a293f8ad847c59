// Test fixtures, generated here: point clouds, and PCD / PLY / LAS / LAZ files laid out byte for byte the way PCL,
// open3d and the LAS/LAZ specifications lay them out, written independently of the package's own writers.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** An independent LZF implementation (a port of liblzf, the code PCL and open3d embed), used only by the tests. */
export const lzfjs = require("lzfjs") as {
  compress(data: Uint8Array): Uint8Array;
  decompress(data: Uint8Array): Uint8Array;
};

/** A deterministic pseudo-random generator for fixtures. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n points with float32-exact coordinates, intensities and colours. */
export function randomCloud(n: number, seed = 1) {
  const random = rng(seed);
  const positions = Float32Array.from({ length: 3 * n }, () => (random() - 0.5) * 200);
  const intensity = Float32Array.from({ length: n }, () => random());
  const rgb = Uint8Array.from({ length: 3 * n }, () => Math.floor(random() * 256));
  return { positions, intensity, rgb };
}

const encoder = new TextEncoder();

export function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const out = new Uint8Array(bytes.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The header PCL and open3d write, with the given FIELDS / SIZE / TYPE / COUNT lines, ending with DATA. */
function pclHeader(
  fields: string,
  size: string,
  type: string,
  count: string,
  points: number,
  data: string,
): string[] {
  return [
    "# .PCD v0.7 - Point Cloud Data file format",
    "VERSION 0.7",
    `FIELDS ${fields}`,
    `SIZE ${size}`,
    `TYPE ${type}`,
    `COUNT ${count}`,
    `WIDTH ${points}`,
    "HEIGHT 1",
    "VIEWPOINT 0 0 0 1 0 0 0",
    `POINTS ${points}`,
    `DATA ${data}`,
  ];
}

/**
 * A PointXYZI cloud as PCL's PCDWriter::writeBinary (PCLPointCloud2) writes it: the struct is 32 bytes (x y z, 4
 * bytes of padding, intensity, 12 bytes of padding), and the padding becomes `_` fields of SIZE 1 TYPE U.
 */
export function pclPaddedBinaryXyzi(points: [number, number, number, number][]): Uint8Array {
  const header = `${pclHeader("x y z _ intensity _", "4 4 4 1 4 1", "F F F U F U", "1 1 1 4 1 12", points.length, "binary").join("\n")}\n`;
  const data = new DataView(new ArrayBuffer(32 * points.length));
  points.forEach(([x, y, z, i], k) => {
    data.setFloat32(32 * k, x, true);
    data.setFloat32(32 * k + 4, y, true);
    data.setFloat32(32 * k + 8, z, true);
    data.setUint32(32 * k + 12, 0xdeadbeef, true); // padding holds whatever was in memory
    data.setFloat32(32 * k + 16, i, true);
  });
  return concat(header, new Uint8Array(data.buffer));
}

/** PointXYZRGB as PCL >= 1.12 writes it in ascii: rgb as TYPE U, the packed word with alpha 255. */
export function pclAsciiRgb(points: [number, number, number, [number, number, number]][]): Uint8Array {
  const lines = points.map(
    ([x, y, z, [r, g, b]]) => `${x} ${y} ${z} ${((255 << 24) | (r << 16) | (g << 8) | b) >>> 0}`,
  );
  return concat(
    [...pclHeader("x y z rgb", "4 4 4 4", "F F F U", "1 1 1 1", points.length, "ascii"), ...lines, ""].join(
      "\n",
    ),
  );
}

/** C's printf("%.10g"), as open3d writes floats in ascii PCD. */
export function g10(value: number): string {
  const fixed = Number(value.toPrecision(10));
  return String(fixed);
}

/**
 * open3d's legacy writer: rgb as TYPE F (the packed bytes read as a float), each value followed by a space, CRLF-free;
 * and its tensor writer's field order x y z rgb intensity.
 */
export function open3dAsciiRgbFloatIntensity(
  points: [number, number, number, [number, number, number], number][],
) {
  const word = new DataView(new ArrayBuffer(4));
  const lines = points.map(([x, y, z, [r, g, b], i]) => {
    word.setUint32(0, (r << 16) | (g << 8) | b, true);
    return `${g10(x)} ${g10(y)} ${g10(z)} ${g10(word.getFloat32(0, true))} ${g10(i)} `;
  });
  return concat(
    [
      ...pclHeader("x y z rgb intensity", "4 4 4 4 4", "F F F F F", "1 1 1 1 1", points.length, "ascii"),
      ...lines,
      "",
    ].join("\n"),
  );
}

/**
 * binary_compressed as PCL's PCDWriter::writeBinaryCompressed writes it: `_` fields left out of the header, the
 * values of each field stored together (x x x ... y y y ... rgb rgb rgb ...), compressed with liblzf, prefixed by
 * the compressed and uncompressed sizes (uint32, little-endian).
 */
export function pclCompressedXyzRgb(
  points: [number, number, number, [number, number, number]][],
  lzf = lzfjs.compress,
) {
  const n = points.length;
  const soa = new DataView(new ArrayBuffer(16 * n));
  points.forEach(([x, y, z, [r, g, b]], i) => {
    soa.setFloat32(4 * i, x, true);
    soa.setFloat32(4 * (n + i), y, true);
    soa.setFloat32(4 * (2 * n + i), z, true);
    soa.setUint32(4 * (3 * n + i), ((255 << 24) | (r << 16) | (g << 8) | b) >>> 0, true);
  });
  const raw = new Uint8Array(soa.buffer);
  const stream = lzf(raw);
  const sizes = new DataView(new ArrayBuffer(8));
  sizes.setUint32(0, stream.length, true);
  sizes.setUint32(4, raw.length, true);
  return concat(
    `${pclHeader("x y z rgb", "4 4 4 4", "F F F F", "1 1 1 1", n, "binary_compressed").join("\n")}\n`,
    new Uint8Array(sizes.buffer),
    stream,
  );
}

/** An LZF stream of literal runs only: valid for every LZF decoder, whatever its encoder would have produced. */
export function literalLzf(raw: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < raw.length; i += 32) {
    const run = raw.subarray(i, Math.min(raw.length, i + 32));
    parts.push(Uint8Array.of(run.length - 1), run);
  }
  return concat(...parts);
}

type PlyFormat = "ascii" | "binary_little_endian" | "binary_big_endian";

/** A PLY point cloud with x y z (float), intensity (float) and red green blue (uchar), plus one triangle face. */
export function plyFile(
  format: PlyFormat,
  points: [number, number, number, number, [number, number, number]][],
  options: { colourType?: "uchar" | "ushort" | "float"; face?: boolean } = {},
): Uint8Array {
  const colourType = options.colourType ?? "uchar";
  const header = [
    "ply",
    `format ${format} 1.0`,
    "comment generated by the pointcloud tests",
    `element vertex ${points.length}`,
    "property float x",
    "property float y",
    "property float z",
    "property float intensity",
    `property ${colourType} red`,
    `property ${colourType} green`,
    `property ${colourType} blue`,
    ...(options.face ? ["element face 1", "property list uchar int vertex_indices"] : []),
    "end_header",
    "",
  ].join("\n");
  if (format === "ascii") {
    const lines = points.map(([x, y, z, i, c]) => `${x} ${y} ${z} ${i} ${c.join(" ")}`);
    if (options.face) lines.push("3 0 1 2");
    return concat(header, `${lines.join("\n")}\n`);
  }
  const le = format === "binary_little_endian";
  const colourSize = colourType === "uchar" ? 1 : colourType === "ushort" ? 2 : 4;
  const record = 16 + 3 * colourSize;
  const data = new DataView(new ArrayBuffer(points.length * record + (options.face ? 13 : 0)));
  points.forEach(([x, y, z, i, c], k) => {
    const at = k * record;
    [x, y, z, i].forEach((v, j) => {
      data.setFloat32(at + 4 * j, v, le);
    });
    c.forEach((v, j) => {
      const p = at + 16 + j * colourSize;
      if (colourType === "uchar") data.setUint8(p, v);
      else if (colourType === "ushort") data.setUint16(p, v, le);
      else data.setFloat32(p, v, le);
    });
  });
  if (options.face) {
    const at = points.length * record;
    data.setUint8(at, 3);
    [0, 1, 2].forEach((v, j) => {
      data.setInt32(at + 1 + 4 * j, v, le);
    });
  }
  return concat(header, new Uint8Array(data.buffer));
}

export interface LasPoint {
  x: number;
  y: number;
  z: number;
  intensity: number;
  rgb?: [number, number, number];
}

/**
 * A LAS 1.2 file (point format 0, or 2 with 16-bit RGB), or its LAZ equivalent. The LAZ is a valid LASzip file with
 * chunks of one point: LASzip stores the first point of every chunk raw, then the arithmetic coder's four flush bytes,
 * so no LAZ encoder is needed to make it, and readers go through their whole LAZ path (LASzip VLR, chunk table,
 * point decoder) to read it. The chunk table's entries are not read when the points are read in order.
 */
export function lasFile(
  points: LasPoint[],
  options: {
    laz?: boolean;
    format?: 0 | 2;
    scale?: number[];
    offset?: number[];
    version?: [number, number];
  } = {},
): Uint8Array {
  const { laz = false, format = 0, scale = [0.01, 0.01, 0.01], offset = [0, 0, 0] } = options;
  const n = points.length;
  const record = format === 2 ? 26 : 20;
  const headerSize = 227;
  // LASzip VLR: a 54-byte header, 34 bytes of fields and 6 per item (POINT10, plus RGB12 for format 2).
  const vlr = laz ? 54 + 34 + 6 * (format === 2 ? 2 : 1) : 0;
  const pointsAt = headerSize + vlr;
  const chunk = record + 4;
  const dataLength = laz ? 8 + n * chunk + 8 + 16 : n * record;
  const view = new DataView(new ArrayBuffer(pointsAt + dataLength));
  const bytes = new Uint8Array(view.buffer);
  bytes.set(encoder.encode("LASF"), 0);
  const [major, minor] = options.version ?? [1, 2];
  view.setUint8(24, major);
  view.setUint8(25, minor);
  view.setUint16(94, headerSize, true);
  view.setUint32(96, pointsAt, true);
  view.setUint32(100, laz ? 1 : 0, true);
  view.setUint8(104, format | (laz ? 0x80 : 0));
  view.setUint16(105, record, true);
  view.setUint32(107, n, true);
  scale.forEach((s, i) => {
    view.setFloat64(131 + 8 * i, s, true);
  });
  offset.forEach((o, i) => {
    view.setFloat64(155 + 8 * i, o, true);
  });
  let at = headerSize;
  if (laz) {
    // The LASzip VLR: user "laszip encoded", record 22204; compressor 2 (pointwise chunked), coder 0, LASzip 2.2,
    // chunk size 1, one item: POINT10 (6) of 20 bytes v2, and RGB12 (8) of 6 bytes v2 for format 2.
    bytes.set(encoder.encode("laszip encoded"), at + 2);
    view.setUint16(at + 18, 22204, true);
    const items =
      format === 2
        ? [
            [6, 20, 2],
            [8, 6, 2],
          ]
        : [[6, 20, 2]];
    view.setUint16(at + 20, 34 + 6 * items.length, true);
    at += 54;
    view.setUint16(at, 2, true);
    view.setUint8(at + 4, 2);
    view.setUint8(at + 5, 2);
    view.setUint32(at + 12, 1, true);
    view.setBigInt64(at + 16, -1n, true);
    view.setBigInt64(at + 24, -1n, true);
    view.setUint16(at + 32, items.length, true);
    items.forEach(([type, size, version], i) => {
      view.setUint16(at + 34 + 6 * i, type as number, true);
      view.setUint16(at + 36 + 6 * i, size as number, true);
      view.setUint16(at + 38 + 6 * i, version as number, true);
    });
    at = pointsAt;
    view.setBigInt64(at, BigInt(pointsAt + 8 + n * chunk), true); // where the chunk table is
    at += 8;
  }
  for (const p of points) {
    view.setInt32(at, Math.round((p.x - (offset[0] ?? 0)) / (scale[0] ?? 1)), true);
    view.setInt32(at + 4, Math.round((p.y - (offset[1] ?? 0)) / (scale[1] ?? 1)), true);
    view.setInt32(at + 8, Math.round((p.z - (offset[2] ?? 0)) / (scale[2] ?? 1)), true);
    view.setUint16(at + 12, p.intensity, true);
    if (format === 2)
      p.rgb?.forEach((c, i) => {
        view.setUint16(at + 20 + 2 * i, c, true);
      });
    at += record;
    if (laz) {
      view.setUint8(at, 1); // the arithmetic coder's flush: 0x01 0x00 0x00 0x00
      at += 4;
    }
  }
  if (laz) {
    view.setUint32(at, 0, true); // chunk table version 0
    view.setUint32(at + 4, n, true); // one chunk per point
  }
  return bytes;
}
