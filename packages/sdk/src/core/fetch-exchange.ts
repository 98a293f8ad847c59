/** The exchange on a `fetch` function: the browser default, and what a `fetch` passed to the client runs on. */
import { APIUserAbortError } from "./errors.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type Exchange,
  type FetchLike,
  type HttpRequest,
  timeoutError,
  tooLargeError,
} from "./transport.js";

/**
 * Sends each attempt with `fetch`, under a timer that aborts it, and reads the body before the timer stops, so a
 * server that stalls mid-body still times out.
 */
export function fetchExchange(fetch: FetchLike): Exchange {
  return async (request, { timeout, signal, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES }) => {
    // One controller per attempt, aborted by a plain timer or by the caller's signal: cheaper than
    // AbortSignal.timeout() or AbortSignal.any() (figures in bench/RESULTS.md). The timer is not unref'd: that would
    // let a process exit in the middle of a call.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    // Only a caller's signal needs forwarding; most calls have none, and then no listener or closure is created.
    const forwardAbort = signal ? () => controller.abort() : undefined;
    if (forwardAbort) signal?.addEventListener("abort", forwardAbort, { once: true });
    try {
      const { method, headers, body } = request;
      const response = await fetch(request.url, { method, headers, body, signal: controller.signal });
      const text = await boundedText(request, response, maxResponseBytes);
      return { status: response.status, text, response };
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: error });
      if (timedOut) throw timeoutError(request, timeout, error);
      throw error;
    } finally {
      clearTimeout(timer);
      if (forwardAbort) signal?.removeEventListener("abort", forwardAbort);
    }
  };
}

/**
 * The body as text, read only up to `limit` bytes. `fetch` has already undone any content-encoding, so the count is
 * of decompressed bytes. A body whose length is declared and within the limit, and not compressed, is read with
 * `text()` (faster); any other is read chunk by chunk and cancelled as soon as it passes the limit.
 */
async function boundedText(request: HttpRequest, response: Response, limit: number): Promise<string> {
  const declared = response.headers.get("content-length");
  const length = declared === null ? Number.NaN : Number(declared);
  const tooLarge = () => tooLargeError(request, response.status, response.headers, limit);
  const encoded = response.headers.has("content-encoding");
  if (!encoded && length <= limit) return response.text();
  if (!encoded && length > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading byte-order mark, like Response.text().
  return new TextDecoder().decode(concat(chunks, received));
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
