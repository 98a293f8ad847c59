// writePcd / arrayToPcd: typed arrays to PCD files that PCL, open3d and Segments.ai read.
import { describe, PointcloudInputError } from "../errors.js";
import type { PointCloud } from "../types.js";
import { formatPcdHeader, type PcdEncoding, type PcdHeader, type WrittenField } from "./header.js";
import { lzfCompress } from "./lzf.js";
import { checkCloud } from "./points.js";

/** Options of {@link writePcd}. */
export interface WritePcdOptions {
  /** `"binary"` (default), `"binary_compressed"` (LZF, as PCL writes it) or `"ascii"`. */
  encoding?: PcdEncoding;
  /** VIEWPOINT tx ty tz qw qx qy qz (default `0 0 0 1 0 0 0`). */
  viewpoint?: PcdHeader["viewpoint"];
}

const ENCODINGS: readonly PcdEncoding[] = ["ascii", "binary", "binary_compressed"];

/**
 * Writes a point cloud as a PCD v0.7 file, with the header PCL's PCDWriter writes. Fields: `x y z` (F 4), then
 * `rgb` (U 4, packed `0x00RRGGBB` as PCL packs it; open3d writes the same) and `intensity` (F 4) when the cloud has
 * them, in open3d's order. `binary_compressed` stores each field's values together and LZF-compresses them, as
 * PCL does. ascii values are the shortest decimals that read back to the same float32, so every encoding round-trips
 * exactly. (For speed, the returned bytes may start a few bytes into their `buffer`: use the Uint8Array itself, or
 * its `byteOffset`, rather than `.buffer` alone.)
 *
 * @example
 * ```ts
 * const pcd = writePcd({ positions: Float32Array.of(1, 2, 3, 4, 5, 6) }, { encoding: "binary_compressed" });
 * await writeFile("two-points.pcd", pcd);
 * ```
 */
export function writePcd(cloud: PointCloud, options: WritePcdOptions = {}): Uint8Array {
  const n = checkCloud(cloud, "writePcd: cloud");
  const encoding = options.encoding ?? "binary";
  if (!ENCODINGS.includes(encoding))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "writePcd: options.encoding",
      `is ${describe(encoding)}: use "ascii", "binary" or "binary_compressed"`,
    );
  const viewpoint = options.viewpoint ?? [0, 0, 0, 1, 0, 0, 0];
  if (!(Array.isArray(viewpoint) && viewpoint.length === 7 && viewpoint.every(Number.isFinite)))
    throw new PointcloudInputError("INVALID_VALUE", "writePcd: options.viewpoint", "needs 7 finite numbers");
  const fields: WrittenField[] = [
    { name: "x", size: 4, type: "F" },
    { name: "y", size: 4, type: "F" },
    { name: "z", size: 4, type: "F" },
  ];
  if (cloud.rgb) fields.push({ name: "rgb", size: 4, type: "U" });
  if (cloud.intensity) fields.push({ name: "intensity", size: 4, type: "F" });
  const header = new TextEncoder().encode(formatPcdHeader(fields, n, encoding, viewpoint));
  if (encoding === "binary") return withRecords(header, cloud, n, fields.length);
  const body = encoding === "ascii" ? new TextEncoder().encode(asciiLines(cloud, n)) : compressed(cloud, n);
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}

/**
 * The header followed by `binary` data: one record of 4-byte values per point, fields interleaved. The records are
 * written in place through a Float32Array: the file starts 0-3 bytes into its buffer so that they are aligned.
 */
function withRecords(header: Uint8Array, cloud: PointCloud, n: number, width: number): Uint8Array {
  const pad = (4 - (header.length % 4)) % 4;
  const buffer = new ArrayBuffer(pad + header.length + 4 * width * n);
  const file = new Uint8Array(buffer, pad);
  file.set(header);
  const floats = new Float32Array(buffer, pad + header.length, width * n);
  if (width === 3) floats.set(cloud.positions);
  else writeRecords(floats, cloud, n, width);
  if (!LITTLE_ENDIAN) file.set(littleEndian(new Uint8Array(buffer, pad + header.length)), header.length);
  return file;
}

function writeRecords(floats: Float32Array, cloud: PointCloud, n: number, width: number): void {
  const { positions, rgb, intensity } = cloud;
  const words = new Uint32Array(floats.buffer, floats.byteOffset, floats.length);
  const intensityAt = rgb ? 4 : 3;
  for (let i = 0, o = 0, p = 0; i < n; i++, o += width, p += 3) {
    floats[o] = positions[p] as number;
    floats[o + 1] = positions[p + 1] as number;
    floats[o + 2] = positions[p + 2] as number;
    if (rgb) words[o + 3] = packRgb(rgb, i);
    if (intensity) floats[o + intensityAt] = intensity[i] as number;
  }
}

const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1)();

/** PCD data is little-endian; typed arrays use the host's order, so on a big-endian host every 4-byte word flips. */
function littleEndian(words: Uint8Array): Uint8Array {
  if (LITTLE_ENDIAN) return words;
  const out = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i += 4) {
    out[i] = words[i + 3] as number;
    out[i + 1] = words[i + 2] as number;
    out[i + 2] = words[i + 1] as number;
    out[i + 3] = words[i] as number;
  }
  return out;
}

/** `binary_compressed` data: sizes (compressed, uncompressed) then the LZF stream of x..., y..., z..., rgb..., i... */
function compressed(cloud: PointCloud, n: number): Uint8Array {
  const { positions, rgb, intensity } = cloud;
  const blocks = 3 + (rgb ? 1 : 0) + (intensity ? 1 : 0);
  const floats = new Float32Array(blocks * n);
  const words = new Uint32Array(floats.buffer);
  for (let i = 0; i < n; i++) {
    floats[i] = positions[3 * i] as number;
    floats[n + i] = positions[3 * i + 1] as number;
    floats[2 * n + i] = positions[3 * i + 2] as number;
  }
  let block = 3;
  if (rgb) {
    for (let i = 0; i < n; i++) words[block * n + i] = packRgb(rgb, i);
    block++;
  }
  if (intensity) floats.set(intensity, block * n);
  const raw = littleEndian(new Uint8Array(floats.buffer));
  const stream = lzfCompress(raw);
  const out = new Uint8Array(8 + stream.length);
  const sizes = new DataView(out.buffer);
  sizes.setUint32(0, stream.length, true);
  sizes.setUint32(4, raw.length, true);
  out.set(stream, 8);
  return out;
}

function packRgb(rgb: Uint8Array, i: number): number {
  return (
    (((rgb[3 * i] as number) << 16) | ((rgb[3 * i + 1] as number) << 8) | (rgb[3 * i + 2] as number)) >>> 0
  );
}

function asciiLines(cloud: PointCloud, n: number): string {
  const { positions, rgb, intensity } = cloud;
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const values = [
      formatFloat32(positions[3 * i] as number),
      formatFloat32(positions[3 * i + 1] as number),
      formatFloat32(positions[3 * i + 2] as number),
    ];
    if (rgb) values.push(String(packRgb(rgb, i)));
    if (intensity) values.push(formatFloat32(intensity[i] as number));
    lines[i] = `${values.join(" ")}\n`;
  }
  return lines.join("");
}

/** The shortest decimal that reads back (as C's strtof and JavaScript's Number do) to the same float32. */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Object.is(value, -0)) return "-0";
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return String(candidate);
  }
  return String(Number(value.toPrecision(9)));
}

/** Points as {@link arrayToPcd} takes them: a flat `x, y, z, ...` array or one `[x, y, z]` row per point. */
export type PointRows = ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/** Options of {@link arrayToPcd}, named as the Python SDK's `array_to_pcd` arguments. */
export interface ArrayToPcdOptions {
  /** One value per point (flat, or `[v]` rows). */
  intensity?: ArrayLike<number> | ArrayLike<ArrayLike<number>> | undefined;
  /** r, g, b per point (flat or rows), all in 0-255 or all in 0-1 (told apart as the Python SDK does: by the maximum). */
  rgb?: PointRows | undefined;
  /** binary_compressed when not ascii (default false). */
  compressed?: boolean;
  /** ascii (the default, as in the Python SDK); takes precedence over `compressed`. */
  writeAscii?: boolean;
}

/**
 * The Python SDK's `array_to_pcd`, without open3d: positions (flat or `[x, y, z]` rows) plus optional intensity and
 * rgb to PCD bytes. Like the Python SDK it writes ascii unless `writeAscii: false`, and reads rgb as 0-1 when no value
 * is above 1, else as 0-255. Shapes that do not match are a {@link PointcloudInputError} (the Python SDK asserts).
 *
 * @example
 * ```ts
 * const pcd = arrayToPcd([[0, 0, 0], [1, 2, 3]], { intensity: [0.5, 1], writeAscii: false, compressed: true });
 * ```
 */
export function arrayToPcd(positions: PointRows, options: ArrayToPcdOptions = {}): Uint8Array {
  const xyz = flatten(positions, 3, "arrayToPcd: positions");
  const n = xyz.length / 3;
  const cloud: PointCloud = { positions: Float32Array.from(xyz) };
  if (options.intensity !== undefined && options.intensity !== null) {
    const values = flatten(options.intensity, 1, "arrayToPcd: options.intensity");
    if (values.length !== n)
      throw new PointcloudInputError(
        "INVALID_VALUE",
        "arrayToPcd: options.intensity",
        `has ${values.length} values for ${n} points`,
      );
    cloud.intensity = Float32Array.from(values);
  }
  if (options.rgb !== undefined && options.rgb !== null) {
    const values = flatten(options.rgb, 3, "arrayToPcd: options.rgb");
    if (values.length !== 3 * n)
      throw new PointcloudInputError(
        "INVALID_VALUE",
        "arrayToPcd: options.rgb",
        `has ${values.length / 3} colours for ${n} points`,
      );
    cloud.rgb = toBytes(values);
  }
  const encoding: PcdEncoding =
    options.writeAscii === false ? (options.compressed ? "binary_compressed" : "binary") : "ascii";
  return writePcd(cloud, { encoding });
}

/** Flat numbers from a flat array or rows of `width` numbers; every value must be finite. */
function flatten(input: PointRows, width: number, where: string): number[] {
  if (typeof input !== "object" || input === null || typeof input.length !== "number")
    throw new PointcloudInputError("INVALID_VALUE", where, `expected an array, got ${describe(input)}`);
  const out: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const item = input[i];
    if (typeof item === "number") out.push(item);
    else if (item !== null && typeof item === "object" && item.length === width)
      for (let j = 0; j < width; j++) out.push(item[j] as number);
    else
      throw new PointcloudInputError(
        "INVALID_VALUE",
        `${where}[${i}]`,
        `is ${describe(item)}: expected a number or a row of ${width}`,
      );
  }
  const bad = out.findIndex((v) => typeof v !== "number" || Number.isNaN(v));
  if (bad >= 0)
    throw new PointcloudInputError("INVALID_VALUE", where, `value ${bad} is ${describe(out[bad])}`);
  if (out.length % width !== 0)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      where,
      `has ${out.length} values, not a multiple of ${width}`,
    );
  return out;
}

/** Colours as bytes: 0-1 values scaled by 255 when none is above 1 (the Python SDK's rule), clamped and rounded. */
function toBytes(values: number[]): Uint8Array {
  const scale = values.some((v) => v > 1) ? 1 : 255;
  return Uint8Array.from(values, (v) => Math.round(Math.min(255, Math.max(0, v * scale))));
}
