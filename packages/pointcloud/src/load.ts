// loadPointcloudFromUrl: download a point cloud file with a size limit and read it by its extension or content.
import { DownloadError } from "@segments-ts/bitmap";
import { PointcloudFileError } from "./errors.js";
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
 * Python SDK's `load_pointcloud_from_url` without open3d. The download is refused past `maxBytes` (from the
 * Content-Length header before reading, and while reading); an HTTP error status is a `DownloadError` (from
 * `@segments-ts/bitmap`), a bad file a {@link PointcloudFileError} naming the URL.
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
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function")
    throw new TypeError("no fetch available: pass { fetch } in the options");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const tooLarge = (size: number | string) =>
    new PointcloudFileError(url, "TOO_LARGE", `the download is ${size} bytes, over maxBytes ${maxBytes}`);
  const response = await fetchImpl(url, { signal: options.signal ?? null });
  if (!response.ok) throw new DownloadError(url, response.status, response.statusText);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(declared);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`more than ${maxBytes}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
