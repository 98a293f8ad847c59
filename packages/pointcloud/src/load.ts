// loadPointcloudFromUrl: download a point cloud file with a size limit and read it by its extension or content.
import { loadImageFromUrl } from "@segments-ts/bitmap";
import { describe, PointcloudFileError, PointcloudInputError } from "./errors.js";
import { readLas } from "./las.js";
import { readPcd } from "./pcd/read.js";
import { readPly } from "./ply.js";
import type { PointCloud, ReadLimits } from "./types.js";

/** The file formats the package reads. */
export type PointcloudFormat = "pcd" | "ply" | "las";

/** Options of {@link loadPointcloudFromUrl}. */
export interface LoadPointcloudOptions extends Omit<ReadLimits, "file"> {
  /** The fetch to use (default `globalThis.fetch`), e.g. one that signs requests to a private bucket. */
  fetch?: (input: string, init?: { signal?: AbortSignal | null }) => Promise<Response>;
  /** Aborts the download. */
  signal?: AbortSignal;
  /** The largest download accepted, in bytes (default 1 GiB); checked against Content-Length and while reading. */
  maxBytes?: number;
  /** The file's format, when neither the URL's extension nor the content tells (default: detect). */
  format?: PointcloudFormat;
}

/** The default of {@link LoadPointcloudOptions.maxBytes}. */
export const DEFAULT_MAX_BYTES = 2 ** 30;

/**
 * The format of a point cloud file: from its name's extension (`.pcd`, `.ply`, `.las`, `.laz`), else from its first
 * bytes (`ply`, `LASF`, a PCD header keyword), else `undefined`.
 *
 * @example
 * ```ts
 * detectFormat("https://bucket/frame.pcd?sig=1", bytes); // "pcd"
 * ```
 */
export function detectFormat(name: string, bytes: Uint8Array): PointcloudFormat | undefined {
  const path = name.split(/[?#]/)[0]?.toLowerCase() ?? "";
  if (path.endsWith(".pcd")) return "pcd";
  if (path.endsWith(".ply")) return "ply";
  if (path.endsWith(".las") || path.endsWith(".laz")) return "las";
  const head = String.fromCharCode(...bytes.subarray(0, 64));
  if (/^ply\r?\n/.test(head)) return "ply";
  if (head.startsWith("LASF")) return "las";
  if (/^\s*(#|VERSION|FIELDS)/.test(head)) return "pcd";
  return undefined;
}

/**
 * Downloads a point cloud (PCD, or PLY / LAS / LAZ by extension or content) and reads it into typed arrays, like the
 * Python SDK's `load_pointcloud_from_url` without open3d. The download goes through `@segments-ts/bitmap`'s
 * `loadImageFromUrl` (any file): only http(s), data: and blob: URLs are opened (a `TypeError` otherwise; pass a
 * `fetch` that signs requests for a private bucket), an HTTP error status is its `DownloadError`, and the body stops
 * past `maxBytes` (from Content-Length before reading, and while reading) with a `TOO_LARGE`
 * {@link PointcloudFileError}. A bad file is a {@link PointcloudFileError} naming the URL.
 *
 * @example
 * ```ts
 * const sample = await client.getSample(uuid);
 * const { positions, intensity } = await loadPointcloudFromUrl(sample.attributes.pcd.url, { maxBytes: 200e6 });
 * ```
 */
export async function loadPointcloudFromUrl(
  url: string,
  options: LoadPointcloudOptions = {},
): Promise<PointCloud & { format: PointcloudFormat }> {
  const bytes = await download(url, options);
  const format = options.format ?? detectFormat(url, bytes);
  const limits = { file: url, maxPoints: options.maxPoints, nonFinite: options.nonFinite };
  if (format === "pcd") return { ...readPcd(bytes, limits), format };
  if (format === "ply") return { ...(await readPly(bytes, limits)), format };
  if (format === "las") return { ...(await readLas(bytes, limits)), format };
  throw new PointcloudFileError(
    url,
    "UNSUPPORTED",
    "neither its extension nor its content is PCD, PLY or LAS/LAZ",
  );
}

async function download(url: string, options: LoadPointcloudOptions): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes >= 1 && (Number.isInteger(maxBytes) || maxBytes === Infinity)))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "loadPointcloudFromUrl: options.maxBytes",
      `is ${describe(maxBytes)}: a positive whole number of bytes, or Infinity`,
    );
  try {
    const { bytes } = await loadImageFromUrl(url, { fetch: options.fetch, signal: options.signal, maxBytes });
    return bytes;
  } catch (error) {
    // loadImageFromUrl's only RangeError, with maxBytes checked above: the body is over the limit.
    if (error instanceof RangeError)
      throw Object.assign(
        new PointcloudFileError(url, "TOO_LARGE", `the download is over maxBytes ${maxBytes}`),
        {
          cause: error,
        },
      );
    throw error;
  }
}
