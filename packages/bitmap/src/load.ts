// Downloading label bitmaps and images with the platform's fetch (or one you pass in). The URLs usually come from a
// server (a sample's image, a label's bitmap): only web URLs are opened, and the body stops at a size limit.

/** Default `maxBytes` of the `load*FromUrl` functions: 256 MiB. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 2 ** 20;

/** Options of the `load*FromUrl` functions. */
export interface LoadOptions {
  /** The fetch to use (default: `globalThis.fetch`), e.g. one with retries, auth headers or a proxy. */
  fetch?: (input: string, init?: { signal?: AbortSignal | null }) => Promise<Response>;
  /** Aborts the download. */
  signal?: AbortSignal;
  /**
   * Largest body, in bytes (default {@link DEFAULT_MAX_DOWNLOAD_BYTES}): the body is streamed and the download stops
   * as soon as it passes the limit (or when `Content-Length` says it will), with a `RangeError`.
   */
  maxBytes?: number;
}

/** A downloaded image file. */
export interface LoadedImage {
  bytes: Uint8Array;
  /** The response's Content-Type, if any. */
  contentType: string | null;
}

/**
 * A download answered with an HTTP error status. `status` and `url` say which; a 403 or 404 on a sample's asset often
 * means a signed URL that has expired (get the sample again with `include_signed_url` for a fresh one).
 *
 * @example
 * ```ts
 * try {
 *   await loadLabelBitmapFromUrl(url);
 * } catch (e) {
 *   if (e instanceof DownloadError && e.status === 404) console.warn(`no label file at ${e.url}`);
 * }
 * ```
 */
export class DownloadError extends Error {
  override readonly name = "DownloadError";
  readonly url: string;
  readonly status: number;
  readonly statusText: string;

  constructor(url: string, status: number, statusText: string) {
    super(`GET ${url} failed: HTTP ${status} ${statusText}`.trim());
    this.url = url;
    this.status = status;
    this.statusText = statusText;
  }
}

/**
 * Download an image (any format) as bytes. PNGs can then be decoded with `decodePng` / `toRgba`. Unlike the Python
 * SDK there is no S3/GCS client routing: pass a `fetch` that signs requests if you need one. An HTTP error status is a
 * {@link DownloadError}.
 *
 * @example
 * ```ts
 * const { bytes, contentType } = await loadImageFromUrl(sample.attributes.image.url);
 * ```
 */
export async function loadImageFromUrl(url: string, options: LoadOptions = {}): Promise<LoadedImage> {
  const f = options.fetch ?? globalThis.fetch;
  if (typeof f !== "function") throw new TypeError("no fetch available: pass { fetch } in the options");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  if (
    !(typeof maxBytes === "number" && maxBytes >= 1 && (Number.isInteger(maxBytes) || maxBytes === Infinity))
  )
    throw new RangeError(
      `loadImageFromUrl: maxBytes must be a positive integer or Infinity (got ${String(maxBytes)})`,
    );
  // A server's URL must not open anything but a web resource (file:, or a custom scheme a fetch wrapper serves).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(String(url))?.[1]?.toLowerCase();
  if (!(scheme === "http" || scheme === "https" || scheme === "data" || scheme === "blob"))
    throw new TypeError(
      `loadImageFromUrl: only http(s), data: and blob: URLs are opened, got ${scheme ? `a ${scheme}: URL` : "a URL that is not absolute"}`,
    );
  const res = await f(url, { signal: options.signal ?? null });
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new DownloadError(url, res.status, res.statusText);
  }
  return { bytes: await readLimited(res, url, maxBytes), contentType: res.headers.get("content-type") };
}

/** The body of `res`, read chunk by chunk and stopped (the rest cancelled) once it passes `maxBytes`. */
async function readLimited(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (size: string) =>
    new RangeError(
      `loadImageFromUrl: ${url} is ${size} bytes, more than the limit of ${maxBytes} bytes (maxBytes): pass a larger maxBytes to load it`,
    );
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(String(declared));
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.length;
      if (size > maxBytes) throw tooLarge(`more than ${maxBytes}`);
      chunks.push(next.value);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
