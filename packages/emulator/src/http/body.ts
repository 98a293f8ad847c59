import type { IncomingMessage } from "node:http";
import { gunzip } from "node:zlib";
import { ApiError } from "./errors.js";

/** Default request body limit (raw, and again after gzip decompression). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * After refusing a body we keep reading (and discarding) it up to the limit plus this allowance (or twice the
 * limit, whichever is more) before giving up on the connection. A client that writes its whole body before reading the answer (node:http, most SDKs) would
 * otherwise get a reset connection instead of our 413: closing a socket with unread input makes the kernel send
 * RST, which can discard the response before the client reads it. Past the allowance the client is not going to
 * stop, so the socket is destroyed.
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
 * Reads and discards the rest of a refused body (`alreadyRead` bytes of it were read); destroys the connection if
 * the body goes on past the allowance.
 */
function discardRest(req: IncomingMessage, alreadyRead: number, maxBytes: number): void {
  const cutOff = maxBytes + Math.max(maxBytes, MIN_DRAIN_ALLOWANCE_BYTES);
  let received = alreadyRead;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > cutOff) req.socket.destroy();
  });
  req.resume();
}

function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  // A declared length over the limit is refused before reading anything (a chunked body is counted instead).
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) {
    discardRest(req, 0, maxBytes);
    return Promise.reject(payloadTooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering but keep the connection readable, so the 413 reaches the client (see discardRest).
        req.off("data", collect);
        chunks.length = 0;
        discardRest(req, size, maxBytes);
        reject(payloadTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", collect);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function gunzipAsync(data: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, { maxOutputLength: maxBytes }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Reads a JSON request body, gunzipping it first when `Content-Encoding: gzip` (the SDK compresses sample and label
 * writes). Returns undefined for an empty body. Bad encodings and bad JSON are 400s naming the problem; a body over
 * `maxBytes` (raw or decompressed) is a 413.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<unknown> {
  let raw = await readRaw(req, maxBytes);
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
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new ApiError(400, `JSON parse error - ${(error as Error).message}`);
  }
}
