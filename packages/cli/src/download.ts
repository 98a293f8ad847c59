/**
 * The release file download of `releases download`, whose URL comes from the server. The server is untrusted: only
 * `http:` and `https:` are fetched, never `file:` or another scheme, so a server cannot make the CLI read a local
 * file; and the body is streamed with a size cap, so a huge or endless body stops early instead of filling the disk.
 * (Exports and conversions download through the converter, which applies the same rules.)
 */
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";

const MIB = 1024 * 1024;

/** Default cap of one download, in MiB (`--max-size`). */
export const DEFAULT_MAX_DOWNLOAD_MIB = 1024;

/** What a download is for, for error messages (`the release file`). */
export interface DownloadOptions {
  what: string;
  maxBytes: number;
  signal?: AbortSignal | undefined;
}

/** The URL without its query (signed URLs carry credentials) and without user info, for messages. */
function describeUrl(url: URL): string {
  return url.protocol === "data:" ? "data:..." : `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Parses a server-provided URL and refuses every scheme but `http:`/`https:`.
 *
 * @example
 * ```ts
 * checkUrl("file:///etc/passwd", { what: "the release file" }); // throws CliError (exit 5)
 * ```
 */
export function checkUrl(raw: string, options: Pick<DownloadOptions, "what">): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(
      `the server gave ${options.what} an invalid URL; refusing to fetch it.`,
      ExitCode.Rejected,
    );
  }
  if (url.protocol === "http:" || url.protocol === "https:") return url;
  throw new CliError(
    `refusing to fetch ${options.what} from a ${url.protocol} URL (only http and https): the server sent ` +
      `${describeUrl(url)}.`,
    ExitCode.Rejected,
  );
}

function tooLarge(options: DownloadOptions, bytes: number | "more"): CliError {
  const size = bytes === "more" ? "more than" : `${(bytes / MIB).toFixed(1)} MiB, over`;
  return new CliError(
    `${options.what} is ${size} the ${options.maxBytes / MIB} MiB limit; raise --max-size if you expect that.`,
    ExitCode.Rejected,
  );
}

/** A body that errors with a {@link CliError} once more than `maxBytes` went through. */
function capped(body: ReadableStream<Uint8Array>, options: DownloadOptions): ReadableStream<Uint8Array> {
  let total = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > options.maxBytes) controller.error(tooLarge(options, "more"));
        else controller.enqueue(chunk);
      },
    }),
  );
}

async function fetchChecked(url: URL, options: DownloadOptions, fetcher: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    // A redirect to another scheme is a network error by the Fetch standard, so `file:` cannot come in that way.
    response = await fetcher(url, { signal: options.signal ?? null });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new CliError(
      `cannot download ${options.what}: ${(error as Error).message}. Check your network and retry.`,
      ExitCode.Unavailable,
      { cause: error },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new CliError(
      `downloading ${options.what} failed (HTTP ${response.status}). Retry; a signed URL may have expired.`,
      ExitCode.Unavailable,
    );
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(options, declared);
  }
  return response;
}

/**
 * Starts a download and returns its body as a stream that stops with a {@link CliError} past `maxBytes`.
 *
 * @example
 * ```ts
 * const body = await openDownload(url, { what: "the release file", maxBytes: 1 << 30 });
 * await pipeline(Readable.fromWeb(body), createWriteStream("release.json"));
 * ```
 */
export async function openDownload(
  raw: string,
  options: DownloadOptions,
): Promise<ReadableStream<Uint8Array>> {
  const response = await fetchChecked(checkUrl(raw, options), options, fetch);
  return capped(response.body ?? new ReadableStream(), options);
}

/** The chunks of a web stream (the DOM typings of `ReadableStream` have no async iterator). */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
