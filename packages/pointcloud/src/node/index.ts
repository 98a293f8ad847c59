/**
 * `@segments-ts/pointcloud/node`: the file-path helpers (node:fs), named after the Python SDK's functions that take
 * paths. Every reader checks the file's size against `maxBytes` before reading it.
 * @packageDocumentation
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { PointcloudFileError, PointcloudInputError } from "../errors.js";
import { type LasToPcdOptions, readLas } from "../las.js";
import { DEFAULT_MAX_BYTES, detectFormat, type PointcloudFormat } from "../load.js";
import { type PcdPointCloud, readPcd } from "../pcd/read.js";
import { type WritePcdOptions, writePcd } from "../pcd/write.js";
import { encodingOf, readPly, type ToPcdOptions } from "../ply.js";
import { type SampleOptions, samplePcd } from "../sample.js";
import type { PointCloud, ReadLimits } from "../types.js";

/** Options of the file readers: the reader's limits plus the largest file accepted. */
export interface FileReadOptions extends Omit<ReadLimits, "file"> {
  /** The largest file read, in bytes (default 1 GiB). */
  maxBytes?: number;
}

async function readBounded(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const { size } = await stat(path);
  if (size > maxBytes)
    throw new PointcloudFileError(path, "TOO_LARGE", `the file is ${size} bytes, over maxBytes ${maxBytes}`);
  return new Uint8Array(await readFile(path));
}

/**
 * Reads a PCD file (see `readPcd`).
 *
 * @example
 * ```ts
 * const { positions, header } = await readPcdFile("scan.pcd");
 * ```
 */
export async function readPcdFile(path: string, options: FileReadOptions = {}): Promise<PcdPointCloud> {
  return readPcd(await readBounded(path, options.maxBytes), { ...options, file: path });
}

/**
 * Reads a PCD, PLY or LAS/LAZ file, by its extension or content.
 *
 * @example
 * ```ts
 * const { positions, format } = await readPointcloudFile("tile.laz");
 * ```
 */
export async function readPointcloudFile(
  path: string,
  options: FileReadOptions = {},
): Promise<PointCloud & { format: PointcloudFormat }> {
  const bytes = await readBounded(path, options.maxBytes);
  const format = detectFormat(path, bytes);
  const limits = { ...options, file: path };
  if (format === "pcd") return { ...readPcd(bytes, limits), format };
  if (format === "ply") return { ...(await readPly(bytes, limits)), format };
  if (format === "las") return { ...(await readLas(bytes, limits)), format };
  throw new PointcloudFileError(
    path,
    "UNSUPPORTED",
    "neither its extension nor its content is PCD, PLY or LAS/LAZ",
  );
}

/**
 * Writes a point cloud to a PCD file (see `writePcd`).
 *
 * @example
 * ```ts
 * await writePcdFile("out.pcd", cloud, { encoding: "binary_compressed" });
 * ```
 */
export async function writePcdFile(
  path: string,
  cloud: PointCloud,
  options: WritePcdOptions = {},
): Promise<void> {
  await writeFile(path, writePcd(cloud, options));
}

/** Options of the `*ToPcdFile` converters. */
export interface ToPcdFileOptions extends ToPcdOptions, FileReadOptions {
  /** Where to write (default: next to the input, as the Python SDK names it; see the functions). */
  outputPath?: string;
}

/** `dir/name.ply` -> `dir/name.pcd` (or `name_compressed.pcd`): only the extension changes, whatever the folders. */
function besideInput(path: string, options: ToPcdOptions): string {
  const suffix = options.compressed ? "_compressed.pcd" : ".pcd";
  return path.slice(0, path.length - extname(path).length) + suffix;
}

/**
 * The Python SDK's `ply_to_pcd(ply_file, compressed, write_ascii)`: converts a PLY file to a PCD file next to it
 * (`scan.ply` -> `scan.pcd`, or `scan_compressed.pcd` with `compressed`), ascii unless `writeAscii: false`. Returns
 * the path written. Unlike the Python SDK, a `.ply` elsewhere in the path is left alone.
 *
 * @example
 * ```ts
 * const written = await plyToPcdFile("scans/scan.ply", { writeAscii: false, compressed: true });
 * ```
 */
export async function plyToPcdFile(plyPath: string, options: ToPcdFileOptions = {}): Promise<string> {
  const cloud = await readPly(await readBounded(plyPath, options.maxBytes), { ...options, file: plyPath });
  const output = options.outputPath ?? besideInput(plyPath, options);
  await writeFile(output, writePcd(cloud, { encoding: encodingOf(options) }));
  return output;
}

/**
 * The Python SDK's `las_to_pcd(las_file, compressed, write_ascii)`: converts a LAS or LAZ file to a PCD file next to
 * it (`tile.laz` -> `tile.pcd`). Returns the path written.
 *
 * @example
 * ```ts
 * await lasToPcdFile("tile.laz", { writeAscii: false });
 * ```
 */
export async function lasToPcdFile(
  lasPath: string,
  options: ToPcdFileOptions & LasToPcdOptions = {},
): Promise<string> {
  const cloud = await readLas(await readBounded(lasPath, options.maxBytes), { ...options, file: lasPath });
  const output = options.outputPath ?? besideInput(lasPath, options);
  await writeFile(output, writePcd(cloud, { encoding: encodingOf(options) }));
  return output;
}

/**
 * The Python SDK's `sample_pcd(pcd_path, points, output_path)`: keeps `n` random points (see `samplePcd`; seeded,
 * so reproducible) and writes them as binary_compressed PCD, as the Python SDK does, to `outputPath` (default
 * `name_sampled.pcd` next to the input, which the Python SDK means to do but fails on). Returns the path written.
 *
 * @example
 * ```ts
 * await samplePcdFile("big.pcd", 500_000, { seed: 1 });
 * ```
 */
export async function samplePcdFile(
  pcdPath: string,
  n = 500_000,
  options: SampleOptions & FileReadOptions & { outputPath?: string } = {},
): Promise<string> {
  if (options.outputPath !== undefined && typeof options.outputPath !== "string")
    throw new PointcloudInputError("INVALID_VALUE", "samplePcdFile: options.outputPath", "must be a path");
  const cloud = await readPcdFile(pcdPath, options);
  const output =
    options.outputPath ?? `${pcdPath.slice(0, pcdPath.length - extname(pcdPath).length)}_sampled.pcd`;
  await writeFile(output, writePcd(samplePcd(cloud, n, options), { encoding: "binary_compressed" }));
  return output;
}
