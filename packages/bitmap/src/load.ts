// Downloading label bitmaps and images with the platform's fetch (or one you pass in).

/** Options of the `load*FromUrl` functions. */
export interface LoadOptions {
  /** The fetch to use (default: `globalThis.fetch`), e.g. one with retries, auth headers or a proxy. */
  fetch?: (input: string, init?: { signal?: AbortSignal | null }) => Promise<Response>;
  /** Aborts the download. */
  signal?: AbortSignal;
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
  const res = await f(url, { signal: options.signal ?? null });
  if (!res.ok) throw new DownloadError(url, res.status, res.statusText);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get("content-type") };
}
