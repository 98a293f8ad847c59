// LAS and LAZ to points with @loaders.gl/las (LAZ through the laz-perf WebAssembly it bundles: no network, no native
// addon). The public header block is checked here first (signature, version, point format, sizes), so the loader
// only runs on files whose announced points fit in the bytes (LAS) or within maxPoints (LAZ).
import { PointcloudFileError } from "./errors.js";
import { dropNonFinite } from "./pcd/points.js";
import { writePcd } from "./pcd/write.js";
import { encodingOf, type ToPcdOptions } from "./ply.js";
import { DEFAULT_MAX_POINTS, type PointCloud, type ReadLimits } from "./types.js";

/** What the LAS public header block says about the points. */
export interface LasHeader {
  /** `"1.2"`, ... */
  version: string;
  /** Point data record format (0-3 are read). */
  pointFormat: number;
  /** LAZ (compressed) rather than LAS. */
  compressed: boolean;
  points: number;
  /** x, y, z scale factors: a stored integer times its scale plus its offset is the coordinate. */
  scale: [number, number, number];
  offset: [number, number, number];
}

/** Options of {@link readLas}. */
export interface ReadLasOptions extends ReadLimits {
  /**
   * How the 16-bit LAS colours map to 0-255. `16`: the LAS specification (value / 256); `8`: files that store
   * 0-255 values; `"auto"` (default): 8 when no colour value of the file is above 255, else 16.
   */
  colorDepth?: 8 | 16 | "auto";
  /**
   * Subtracted from every coordinate before it becomes a float32 (e.g. `header.offset`): georeferenced
   * coordinates in the millions lose centimetres as float32, as the Python SDK's PCDs do. Default none.
   */
  origin?: readonly [number, number, number];
}

/** Bytes of the fixed part of point formats 0-3. */
const RECORD_SIZES = [20, 28, 26, 34];

function parseLasHeader(data: Uint8Array, file: string, maxPoints: number): LasHeader {
  const bad = (problem: string) => new PointcloudFileError(file, "MALFORMED_HEADER", problem);
  if (data.length < 227 || String.fromCharCode(...data.subarray(0, 4)) !== "LASF")
    throw bad('does not start with a LAS header ("LASF" and 227 bytes)');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const [major, minor] = [view.getUint8(24), view.getUint8(25)];
  const version = `${major}.${minor}`;
  const rawFormat = view.getUint8(104);
  const pointFormat = rawFormat & 0x3f;
  const header: LasHeader = {
    version,
    pointFormat,
    compressed: (rawFormat & 0xc0) !== 0,
    points: view.getUint32(107, true),
    scale: [view.getFloat64(131, true), view.getFloat64(139, true), view.getFloat64(147, true)],
    offset: [view.getFloat64(155, true), view.getFloat64(163, true), view.getFloat64(171, true)],
  };
  if (major !== 1 || minor > 3)
    throw new PointcloudFileError(
      file,
      "UNSUPPORTED",
      `LAS ${version}: versions 1.0 to 1.3 are read (not 1.4)`,
    );
  if ((rawFormat & 0xc0) === 0xc0 || pointFormat > 3)
    throw new PointcloudFileError(
      file,
      "UNSUPPORTED",
      `point data format ${pointFormat}: formats 0 to 3 are read`,
    );
  const recordLength = view.getUint16(105, true);
  if (recordLength < (RECORD_SIZES[pointFormat] as number))
    throw bad(`point records of ${recordLength} bytes are too short for format ${pointFormat}`);
  if (!header.scale.every((s) => Number.isFinite(s) && s !== 0) || !header.offset.every(Number.isFinite))
    throw bad(
      `scale ${header.scale.join(", ")} / offset ${header.offset.join(", ")} are not finite non-zero numbers`,
    );
  const pointsAt = view.getUint32(96, true);
  if (pointsAt > data.length)
    throw new PointcloudFileError(file, "TRUNCATED", "the file ends before its point data");
  if (header.points > maxPoints)
    throw new PointcloudFileError(file, "TOO_LARGE", `${header.points} points, over maxPoints ${maxPoints}`);
  const needed = header.points * recordLength;
  if (!header.compressed && data.length - pointsAt < needed)
    throw new PointcloudFileError(
      file,
      "TRUNCATED",
      `${header.points} points of ${recordLength} bytes need ${needed} bytes, the file has ${data.length - pointsAt}`,
    );
  return header;
}

interface LasMesh {
  attributes: {
    POSITION: { value: Float64Array };
    intensity?: { value: Uint16Array };
    COLOR_0?: { value: Uint8Array };
  };
}

async function parseWithLoader(data: Uint8Array, colorDepth: 8 | 16, file: string): Promise<LasMesh> {
  const { LASLoader } = await import("@loaders.gl/las");
  try {
    const options = { las: { shape: "mesh", fp64: true, skip: 1, colorDepth } };
    return (await LASLoader.parse(data.slice().buffer, options as never)) as unknown as LasMesh;
  } catch (error) {
    throw new PointcloudFileError(file, "BAD_DATA", `unreadable point data: ${(error as Error).message}`);
  }
}

/**
 * Reads a LAS or LAZ file (versions 1.0-1.3, point formats 0-3) with @loaders.gl/las: coordinates with the header's
 * scale and offset applied (minus `origin`), intensity, and RGB (formats 2 and 3) scaled to 0-255. LAZ decompresses
 * in WebAssembly shipped inside the package. Bad files are a {@link PointcloudFileError}.
 *
 * @example
 * ```ts
 * const { positions, intensity, header } = await readLas(await readFile("tile.laz"), { file: "tile.laz" });
 * ```
 */
export async function readLas(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadLasOptions = {},
): Promise<PointCloud & { header: LasHeader }> {
  const file = options.file ?? "<bytes>";
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const header = parseLasHeader(data, file, options.maxPoints ?? DEFAULT_MAX_POINTS);
  const depth = options.colorDepth ?? "auto";
  let mesh = await parseWithLoader(data, depth === 8 ? 8 : 16, file);
  const colour = mesh.attributes.COLOR_0?.value;
  // 16-bit reading leaves only the high bytes: all zero means no value was above 255, an 8-bit file.
  if (depth === "auto" && colour && colour.every((v, i) => i % 4 === 3 || v === 0))
    mesh = await parseWithLoader(data, 8, file);
  const xyz = mesh.attributes.POSITION.value;
  if (xyz.length !== 3 * header.points)
    throw new PointcloudFileError(
      file,
      "TRUNCATED",
      `read ${xyz.length / 3} of the ${header.points} points announced`,
    );
  const [ox, oy, oz] = options.origin ?? [0, 0, 0];
  const positions = new Float32Array(xyz.length);
  for (let i = 0; i < xyz.length; i += 3) {
    positions[i] = (xyz[i] as number) - ox;
    positions[i + 1] = (xyz[i + 1] as number) - oy;
    positions[i + 2] = (xyz[i + 2] as number) - oz;
  }
  const cloud: PointCloud = { positions };
  if (mesh.attributes.intensity) cloud.intensity = Float32Array.from(mesh.attributes.intensity.value);
  const rgba = mesh.attributes.COLOR_0?.value;
  if (rgba) {
    const rgb = new Uint8Array(xyz.length);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) rgb.set(rgba.subarray(j, j + 3), i);
    cloud.rgb = rgb;
  }
  return { ...dropNonFinite(cloud, options.nonFinite ?? "error", file), header };
}

/** Options of {@link lasToPcd}. */
export interface LasToPcdOptions extends ToPcdOptions, ReadLasOptions {}

/**
 * The Python SDK's `las_to_pcd` on bytes: a LAS/LAZ file to PCD bytes (ascii by default). Unlike it, files without
 * colours work (the Python SDK fails looking for a Red column), 16-bit colours are scaled to 0-255, and intensity is
 * kept next to the colours. `plyToPcdFile`'s sibling `lasToPcdFile` in `@segments-ts/pointcloud/node` converts files.
 *
 * @example
 * ```ts
 * const pcd = await lasToPcd(await readFile("tile.laz"), { writeAscii: false, origin: [500000, 4800000, 0] });
 * ```
 */
export async function lasToPcd(
  bytes: Uint8Array | ArrayBuffer,
  options: LasToPcdOptions = {},
): Promise<Uint8Array> {
  return writePcd(await readLas(bytes, options), { encoding: encodingOf(options) });
}
