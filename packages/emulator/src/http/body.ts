import type { IncomingMessage } from "node:http";
import { gunzip } from "node:zlib";
import type { BodyLease } from "./body-budget.js";
import { ApiError } from "./errors.js";

/** Default request body limit (raw, and again after gzip decompression). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Deepest JSON nesting accepted in a request body. The deepest real payloads (sequence labels: frames, annotations,
 * points, coordinates) stay under 12 levels; validators and serializers recurse, so a 100,000-level body would
 * overflow the stack. Python's json module refuses past its recursion limit (1000) too.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * After refusing a body we keep reading (and discarding) it up to the limit plus this allowance (or twice the
 * limit, whichever is more) before giving up on the connection. A client that writes its whole body before reading
 * the answer (node:http, most SDKs) would otherwise get a reset connection instead of our answer: closing a socket
 * with unread input makes the kernel send RST, which can discard the response before the client reads it. Past the
 * allowance the client is not going to stop, so the socket is destroyed.
 */
const MIN_DRAIN_ALLOWANCE_BYTES = 16 * 1024 * 1024;

export const payloadTooLarge = (maxBytes: number, decompressed = false): ApiError =>
  new ApiError(
    413,
    decompressed
      ? `Request body is too large once decompressed (limit ${maxBytes} bytes).`
      : `Request body is too large (limit ${maxBytes} bytes).`,
  );

/**
 * Reads and discards the rest of a refused body (`alreadyRead` bytes of it were read) without buffering it;
 * destroys the connection if the body goes on past the allowance (see MIN_DRAIN_ALLOWANCE_BYTES).
 */
export function discardRest(req: IncomingMessage, alreadyRead: number, maxBytes: number): void {
  const cutOff = maxBytes + Math.max(maxBytes, MIN_DRAIN_ALLOWANCE_BYTES);
  let received = alreadyRead;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > cutOff) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads the raw body into one buffer. A declared length is allocated once (no second copy for concatenation); a
 * chunked body is collected and joined. Every byte is taken from the request's lease of the global body budget
 * first: while the budget is spent the request waits unread (TCP backpressure holds the client), and after the
 * budget's wait it is answered 503.
 */
async function readRaw(req: IncomingMessage, maxBytes: number, lease: BodyLease): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  const known = Number.isSafeInteger(declared) && declared >= 0;
  try {
    // A declared length over the limit is refused before reading anything (a chunked body is counted instead).
    if (declared > maxBytes) throw payloadTooLarge(maxBytes);
    if (known) await lease.take(declared);
  } catch (error) {
    discardRest(req, 0, maxBytes);
    throw error;
  }
  return new Promise((resolve, reject) => {
    const target = known ? Buffer.allocUnsafe(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const refuse = (error: ApiError) => {
      req.off("data", collect);
      chunks.length = 0;
      discardRest(req, size, maxBytes);
      reject(error);
    };
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes || (target && size > declared)) return refuse(payloadTooLarge(maxBytes));
      if (target) {
        chunk.copy(target, size - chunk.length);
        return;
      }
      if (lease.tryTake(chunk.length)) {
        chunks.push(chunk);
        return;
      }
      req.pause();
      lease.take(chunk.length).then(
        () => {
          chunks.push(chunk);
          req.resume();
        },
        (error: ApiError) => refuse(error),
      );
    };
    req.on("data", collect);
    req.on("end", () => resolve(target ? target.subarray(0, size) : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function gunzipAsync(data: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, { maxOutputLength: maxBytes }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Finds how deeply a JSON text nests, without parsing it (strings are skipped, escapes honoured), and throws a 400
 * once it passes MAX_JSON_DEPTH: checked before JSON.parse so no deep object is ever built.
 */
export function checkJsonDepth(text: Buffer, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (byte === 0x22) {
      i = endOfString(text, i);
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > maxDepth) {
        throw new ApiError(400, `JSON parse error - the body nests deeper than ${maxDepth} levels.`);
      }
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
}

/** Index of the quote closing the string opened at `start` (Buffer.indexOf skips long strings natively). */
function endOfString(text: Buffer, start: number): number {
  let quote = text.indexOf(0x22, start + 1);
  while (quote > 0) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf(0x22, quote + 1);
  }
  return text.length; // unterminated: JSON.parse reports it
}

/**
 * Reads a JSON request body, gunzipping it first when `Content-Encoding: gzip` (the SDK compresses sample and label
 * writes). Returns undefined for an empty body. Bad encodings, bad JSON and too deep nesting are 400s naming the
 * problem; a body over `maxBytes` (raw or decompressed) is a 413; a body that does not fit the global budget a 503.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
  lease: BodyLease,
): Promise<unknown> {
  let raw = await readRaw(req, maxBytes, lease);
  if (raw.length === 0) return undefined;
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  if (encoding === "gzip") {
    try {
      raw = await gunzipAsync(raw, maxBytes);
    } catch (error) {
      // zlib stops at maxOutputLength with ERR_BUFFER_TOO_LARGE: a gzip bomb, or just a big body.
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw payloadTooLarge(maxBytes, true);
      throw new ApiError(400, "Content-Encoding: the request body is not valid gzip data.");
    }
    await lease.take(raw.length);
  } else if (encoding !== "identity") {
    throw new ApiError(400, `Content-Encoding: unsupported encoding "${encoding}" (use gzip or none).`);
  }
  const contentType = (req.headers["content-type"] ?? "application/json").toLowerCase();
  if (!contentType.startsWith("application/json")) {
    throw new ApiError(
      400,
      `Content-Type: unsupported media type "${contentType}" in request (use application/json).`,
    );
  }
  checkJsonDepth(raw);
  // Decoding makes a second copy of the body (the JSON text) that lives until the parse is done: it counts too.
  await lease.take(raw.length);
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new ApiError(400, `JSON parse error - ${(error as Error).message}`);
  }
}
