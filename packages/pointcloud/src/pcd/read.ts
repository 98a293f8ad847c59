// readPcd: PCD files in all three encodings to typed arrays. Every size is checked against the bytes actually there
// before anything is allocated from it.
import { PointcloudFileError } from "../errors.js";
import { DEFAULT_MAX_POINTS, type PointCloud, type ReadLimits } from "../types.js";
import { type PcdField, type PcdHeader, parsePcdHeader } from "./header.js";
import { lzfDecompress } from "./lzf.js";
import { dropNonFinite } from "./points.js";

/** A PCD file read by {@link readPcd}: the points and the header they came with. */
export interface PcdPointCloud extends PointCloud {
  /** The file's header: every field (also those not returned as arrays), the viewpoint, the encoding. */
  header: PcdHeader;
}

/** Where a field's first element of point i is: `base + i * stride` bytes into `data`. */
interface Column {
  field: PcdField;
  data: Uint8Array;
  base: number;
  stride: number;
}

const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1)();

/**
 * Reads a PCD file (v0.5 to v0.7; `ascii`, `binary` or `binary_compressed`) as PCL and open3d read it: x, y, z (any
 * numeric type) into `positions`, `intensity` into `intensity`, and the packed `rgb` / `rgba` field (TYPE F, U or I,
 * the colour in the low three bytes as PCL packs it) into `rgb`. The other fields are listed in `header.fields`.
 * PCL's `_` padding fields are skipped.
 *
 * Bad files throw a {@link PointcloudFileError} naming the file and the problem: a malformed header, data shorter
 * than the header announces, ascii lines with the wrong number of values, more than `maxPoints` points, a corrupt
 * LZF stream, or NaN/infinite coordinates (unless `nonFinite: "drop"`).
 *
 * @example
 * ```ts
 * const cloud = readPcd(await readFile("scan.pcd"), { file: "scan.pcd" });
 * console.log(cloud.positions.length / 3, cloud.header.encoding, cloud.intensity?.[0]);
 * ```
 */
export function readPcd(bytes: Uint8Array | ArrayBuffer, options: ReadLimits = {}): PcdPointCloud {
  const file = options.file ?? "<bytes>";
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const header = parsePcdHeader(data, file);
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  if (header.points > maxPoints)
    throw new PointcloudFileError(
      file,
      "TOO_LARGE",
      `the header announces ${header.points} points, over maxPoints ${maxPoints} (raise the option to read it)`,
    );
  const named = (name: string) => header.fields.find((f) => f.name === name);
  const [x, y, z] = [named("x"), named("y"), named("z")];
  if (!x || !y || !z)
    throw new PointcloudFileError(file, "UNSUPPORTED", `FIELDS ${fieldNames(header)} has no x, y and z`);
  for (const f of [x, y, z])
    if (f.count !== 1)
      throw new PointcloudFileError(file, "MALFORMED_HEADER", `field ${f.name} has COUNT ${f.count}`);
  const intensity = named("intensity");
  const rgb = named("rgb") ?? named("rgba");
  if (rgb && rgb.size !== 4)
    throw new PointcloudFileError(file, "MALFORMED_HEADER", `field ${rgb.name} has SIZE ${rgb.size}, not 4`);

  const cloud: PointCloud =
    header.encoding === "ascii"
      ? readAscii(data, header, file, { x, y, z, intensity, rgb })
      : readBinary(columnsOf(data, header, file), header.points, { x, y, z, intensity, rgb });
  return { ...dropNonFinite(cloud, options.nonFinite ?? "error", file), header };
}

function fieldNames(header: PcdHeader): string {
  return header.fields.map((f) => f.name).join(" ");
}

/** The data of each field: records in `binary`, one block per field in `binary_compressed` (`_` fields omitted). */
function columnsOf(data: Uint8Array, header: PcdHeader, file: string): Map<PcdField, Column> {
  const { points, pointSize, dataOffset } = header;
  const columns = new Map<PcdField, Column>();
  if (header.encoding === "binary") {
    const needed = points * pointSize;
    if (data.length - dataOffset < needed)
      throw new PointcloudFileError(
        file,
        "TRUNCATED",
        `${points} points of ${pointSize} bytes need ${needed} bytes of data, the file has ${data.length - dataOffset}`,
      );
    for (const field of header.fields)
      columns.set(field, { field, data, base: dataOffset + field.offset, stride: pointSize });
    return columns;
  }
  const stored = header.fields.filter((f) => f.name !== "_");
  const expected = points * stored.reduce((sum, f) => sum + f.size * f.count, 0);
  if (data.length - dataOffset < 8)
    throw new PointcloudFileError(file, "TRUNCATED", "binary_compressed data has no size words");
  const sizes = new DataView(data.buffer, data.byteOffset + dataOffset, 8);
  const compressedSize = sizes.getUint32(0, true);
  const uncompressedSize = sizes.getUint32(4, true);
  if (uncompressedSize !== expected)
    throw new PointcloudFileError(
      file,
      "BAD_DATA",
      `binary_compressed data says it holds ${uncompressedSize} bytes, the header's ${points} points need ${expected}`,
    );
  const available = data.length - dataOffset - 8;
  if (compressedSize > available)
    throw new PointcloudFileError(
      file,
      "TRUNCATED",
      `binary_compressed data says it is ${compressedSize} bytes long, the file has ${available}`,
    );
  const stream = data.subarray(dataOffset + 8, dataOffset + 8 + compressedSize);
  const unpacked = expected === 0 ? new Uint8Array(0) : lzfDecompress(stream, expected);
  if (typeof unpacked === "string")
    throw new PointcloudFileError(file, "BAD_DATA", `corrupt binary_compressed data: ${unpacked}`);
  let base = 0;
  for (const field of stored) {
    columns.set(field, { field, data: unpacked, base, stride: field.size * field.count });
    base += points * field.size * field.count;
  }
  return columns;
}

interface Wanted {
  x: PcdField;
  y: PcdField;
  z: PcdField;
  intensity: PcdField | undefined;
  rgb: PcdField | undefined;
}

function readBinary(columns: Map<PcdField, Column>, n: number, wanted: Wanted): PointCloud {
  const column = (field: PcdField) => columns.get(field) as Column;
  const positions = new Float32Array(3 * n);
  readNumbers(column(wanted.x), n, positions, 3, 0);
  readNumbers(column(wanted.y), n, positions, 3, 1);
  readNumbers(column(wanted.z), n, positions, 3, 2);
  const cloud: PointCloud = { positions };
  if (wanted.intensity) {
    cloud.intensity = new Float32Array(n);
    readNumbers(column(wanted.intensity), n, cloud.intensity, 1, 0);
  }
  if (wanted.rgb) {
    const { data, base, stride } = column(wanted.rgb);
    const rgb = new Uint8Array(3 * n);
    // The colour is the low three bytes of a little-endian 32-bit word: B, G, R at byte 0, 1, 2.
    for (let i = 0, p = base; i < n; i++, p += stride) {
      rgb[3 * i] = data[p + 2] as number;
      rgb[3 * i + 1] = data[p + 1] as number;
      rgb[3 * i + 2] = data[p] as number;
    }
    cloud.rgb = rgb;
  }
  return cloud;
}

/** Copies element 0 of a numeric field of every point into `out[i * outStride + outOffset]`. */
function readNumbers(
  column: Column,
  n: number,
  out: Float32Array,
  outStride: number,
  outOffset: number,
): void {
  const { field, data, base, stride } = column;
  const start = data.byteOffset + base;
  if (
    field.type === "F" &&
    field.size === 4 &&
    LITTLE_ENDIAN &&
    start % 4 === 0 &&
    stride % 4 === 0 &&
    n > 0
  ) {
    // Aligned floats (the common case): read them through a Float32Array view, no per-value decoding.
    const floats = new Float32Array(data.buffer, start, ((n - 1) * stride) / 4 + 1);
    const step = stride / 4;
    for (let i = 0, p = 0, o = outOffset; i < n; i++, p += step, o += outStride) out[o] = floats[p] as number;
    return;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const get = getter(view, field);
  for (let i = 0, p = base, o = outOffset; i < n; i++, p += stride, o += outStride) out[o] = get(p);
}

function getter(view: DataView, field: PcdField): (at: number) => number {
  const key = `${field.type}${field.size}`;
  switch (key) {
    case "F4":
      return (at) => view.getFloat32(at, true);
    case "F8":
      return (at) => view.getFloat64(at, true);
    case "U1":
      return (at) => view.getUint8(at);
    case "U2":
      return (at) => view.getUint16(at, true);
    case "U4":
      return (at) => view.getUint32(at, true);
    case "U8":
      return (at) => Number(view.getBigUint64(at, true));
    case "I1":
      return (at) => view.getInt8(at);
    case "I2":
      return (at) => view.getInt16(at, true);
    case "I4":
      return (at) => view.getInt32(at, true);
    default:
      return (at) => Number(view.getBigInt64(at, true));
  }
}

/** ascii data: one line per point, the values of every field (COUNT of each) separated by spaces or tabs. */
function readAscii(data: Uint8Array, header: PcdHeader, file: string, wanted: Wanted): PointCloud {
  const n = header.points;
  const lines = decodeLines(data.subarray(header.dataOffset));
  const perLine = header.fields.reduce((sum, f) => sum + f.count, 0);
  if (lines.length < n)
    throw new PointcloudFileError(
      file,
      "TRUNCATED",
      `the header announces ${n} points, the data has ${lines.length} lines`,
    );
  if (lines.length > n)
    throw new PointcloudFileError(
      file,
      "BAD_DATA",
      `the data has ${lines.length} lines, more than the ${n} points the header announces`,
    );
  // Token index of each field's first element.
  const index = new Map<PcdField, number>();
  let token = 0;
  for (const f of header.fields) {
    index.set(f, token);
    token += f.count;
  }
  const positions = new Float32Array(3 * n);
  const intensity = wanted.intensity ? new Float32Array(n) : undefined;
  const rgb = wanted.rgb ? new Uint8Array(3 * n) : undefined;
  const word = new DataView(new ArrayBuffer(4));
  for (let i = 0; i < n; i++) {
    const tokens = (lines[i] as string).split(/[\t\r ]+/);
    if (tokens.length !== perLine)
      throw new PointcloudFileError(
        file,
        "FIELD_COUNT",
        `point ${i} (data line ${i + 1}) has ${tokens.length} values, FIELDS ${fieldNames(header)} need ${perLine}`,
      );
    const value = (field: PcdField) => {
      const token = tokens[index.get(field) as number] as string;
      const v = parseNumber(token);
      if (v === undefined)
        throw new PointcloudFileError(
          file,
          "BAD_DATA",
          `point ${i}: ${field.name} is ${JSON.stringify(token)}, not a number`,
        );
      return v;
    };
    positions[3 * i] = value(wanted.x);
    positions[3 * i + 1] = value(wanted.y);
    positions[3 * i + 2] = value(wanted.z);
    if (intensity && wanted.intensity) intensity[i] = value(wanted.intensity);
    if (rgb && wanted.rgb) {
      // TYPE F holds the packed bytes as a float's bits (PCL before 1.12, open3d legacy); U and I as an integer.
      if (wanted.rgb.type === "F") word.setFloat32(0, value(wanted.rgb), true);
      else word.setUint32(0, value(wanted.rgb) >>> 0, true);
      rgb[3 * i] = word.getUint8(2);
      rgb[3 * i + 1] = word.getUint8(1);
      rgb[3 * i + 2] = word.getUint8(0);
    }
  }
  return { positions, intensity, rgb };
}

/** The non-empty lines of ascii data, trimmed. */
function decodeLines(data: Uint8Array): string[] {
  const text = new TextDecoder("latin1").decode(data);
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed !== "") lines.push(trimmed);
  }
  return lines;
}

/** A number as C's strtod reads it in PCD files: decimal or hex, and nan / inf (any case, signed). */
function parseNumber(token: string): number | undefined {
  const v = Number(token);
  if (!Number.isNaN(v)) return v;
  const special = /^([+-]?)(nan|inf|infinity)$/i.exec(token);
  if (!special) return undefined;
  if ((special[2] as string).toLowerCase() === "nan") return Number.NaN;
  return special[1] === "-" ? -Infinity : Infinity;
}
