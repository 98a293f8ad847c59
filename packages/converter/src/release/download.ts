/**
 * Downloads of the release reader. Every URL it opens comes from a release file or a server, so: only `http:` and
 * `https:` URLs are fetched (images may also be `data:image/...` URLs, decoded here), never a local file; bodies are
 * streamed and stopped at a size limit; image sizes are read from the first bytes of the file.
 */
import { ConversionError, type ProblemLocation } from "../errors.js";
import { probeImageSize } from "../image-size.js";

/** Default `maxDownloadBytes`: 256 MiB per download (release file, image or label bitmap). */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 2 ** 20;

/** How many bytes of an image are read at most to find its size (a JPEG's may follow large EXIF or ICC segments). */
export const IMAGE_HEADER_BYTES = 2 ** 20;

/** The `fetch` a download uses: the global one or one given in the options. */
export type Fetch = (input: string, init?: { headers?: Record<string, string> }) => Promise<Response>;

/** What a download is for: it names the limit in errors and decides which schemes are allowed. */
export interface DownloadTarget extends ProblemLocation {
  /** `release`: only http(s); `image`: http(s) or a `data:image/...` URL. */
  kind: "release" | "image";
  maxBytes: number;
}

/** The `maxDownloadBytes` option, checked: a positive integer (`Infinity` turns the limit off). */
export function resolveMaxDownloadBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_DOWNLOAD_BYTES;
  if (!(typeof value === "number" && value >= 1 && (Number.isInteger(value) || value === Infinity)))
    throw new ConversionError(`maxDownloadBytes must be a positive integer, got ${String(value)}`, {
      field: "maxDownloadBytes",
    });
  return value;
}

/** True for the URLs {@link download} fetches: absolute `http:` or `https:`. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function checkScheme(url: string, target: DownloadTarget): "http" | "data" {
  if (isHttpUrl(url)) return "http";
  if (target.kind === "image" && /^data:image\//i.test(url)) return "data";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new ConversionError(
    `refusing to open ${scheme ? `a ${scheme}: URL` : "a URL that is not absolute"}: only http(s) URLs are fetched${target.kind === "image" ? " (and data:image URLs)" : ""}`,
    { ...target, file: url.length > 200 ? `${url.slice(0, 200)}...` : url },
  );
}

function tooLarge(bytes: number | string, target: DownloadTarget, url: string): ConversionError {
  return new ConversionError(
    `download of ${bytes} bytes is larger than the limit of ${target.maxBytes} bytes: pass a larger maxDownloadBytes option to load it`,
    { ...target, file: url },
  );
}

/** The bytes of a `data:image/...` URL (base64 or percent-encoded), checked against the size limit first. */
function dataUrlBytes(url: string, target: DownloadTarget): Uint8Array {
  const comma = url.indexOf(",");
  const header = url.slice(5, comma < 0 ? url.length : comma);
  const body = comma < 0 ? "" : url.slice(comma + 1);
  // Base64 takes 4 characters per 3 bytes, percent-encoding at least 1 per byte: refuse before decoding.
  const base64 = /;base64$/i.test(header);
  const estimate = base64 ? Math.floor((body.length * 3) / 4) : body.length;
  if (estimate > target.maxBytes) throw tooLarge(`about ${estimate}`, target, url.slice(0, 64));
  try {
    if (base64) return Uint8Array.from(atob(decodeURIComponent(body)), (c) => c.charCodeAt(0));
    // Percent-encoded data URLs hold text images (SVG): UTF-8, as the URL standard decodes them.
    return new TextEncoder().encode(decodeURIComponent(body));
  } catch (error) {
    throw new ConversionError(
      `invalid data URL: ${(error as Error).message}`,
      { ...target, file: url.slice(0, 64) },
      { cause: error },
    );
  }
}

/**
 * Reads a response body chunk by chunk, failing as soon as it passes `target.maxBytes` (also when `Content-Length`
 * says it will). With `enough`, stops (and cancels the rest of the download) once `enough(bytesSoFar)` is true.
 */
async function readBody(
  response: Response,
  url: string,
  target: DownloadTarget,
  enough?: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > target.maxBytes && !enough) {
    await response.body?.cancel();
    throw tooLarge(declared, target, url);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.length;
      if (size > target.maxBytes) throw tooLarge(`more than ${target.maxBytes}`, target, url);
      chunks.push(next.value);
      if (enough?.(concat(chunks, size))) break;
    }
  } finally {
    // Ends the transfer when we stopped early (enough, or too large); a no-op after the last chunk.
    await reader.cancel().catch(() => {});
  }
  return concat(chunks, size);
}

/** The chunks as one array (the chunk itself when there is one). */
function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function get(fetchFn: Fetch, url: string, target: DownloadTarget, headers?: Record<string, string>) {
  let response: Response;
  try {
    response = await fetchFn(url, headers ? { headers } : undefined);
  } catch (error) {
    throw new ConversionError(
      `download failed: ${(error as Error).message}`,
      { ...target, file: url },
      { cause: error },
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new ConversionError(`HTTP ${response.status} downloading`, { ...target, file: url });
  }
  return response;
}

/**
 * Downloads `url` whole (an http(s) URL, or for images a `data:image` URL), streaming, up to `target.maxBytes`.
 *
 * @example
 * ```ts
 * const bytes = await download(fetch, url, { kind: "image", maxBytes: DEFAULT_MAX_DOWNLOAD_BYTES, item: "sample a" });
 * ```
 */
export async function download(fetchFn: Fetch, url: string, target: DownloadTarget): Promise<Uint8Array> {
  if (checkScheme(url, target) === "data") return dataUrlBytes(url, target);
  return readBody(await get(fetchFn, url, target), url, target);
}

/**
 * The width and height of the image at `url`, from its first bytes only: the request asks for the first
 * {@link IMAGE_HEADER_BYTES} (a `Range` request), and reading stops as soon as the header gives the size (also when
 * the server ignores the range and sends the whole file). `undefined` when the format is unknown or the size is not
 * in those bytes.
 */
export async function downloadImageSize(
  fetchFn: Fetch,
  url: string,
  target: DownloadTarget,
): Promise<{ width: number; height: number } | undefined> {
  if (checkScheme(url, target) === "data") return sizeOf(dataUrlBytes(url, target));
  const limit = { ...target, maxBytes: Math.min(target.maxBytes, IMAGE_HEADER_BYTES) };
  const response = await get(fetchFn, url, limit, { Range: `bytes=0-${IMAGE_HEADER_BYTES - 1}` });
  let size: ReturnType<typeof probeImageSize> = "more";
  try {
    await readBody(response, url, limit, (bytes) => {
      size = probeImageSize(bytes);
      return size !== "more";
    });
  } catch (error) {
    // The size was not in the first bytes the limit allows: the same answer as an unknown format.
    if (!(error instanceof ConversionError && size === "more")) throw error;
  }
  return sizeOf(size);
}

function sizeOf(probe: ReturnType<typeof probeImageSize> | Uint8Array) {
  const result = probe instanceof Uint8Array ? probeImageSize(probe) : probe;
  return typeof result === "object" ? result : undefined;
}
