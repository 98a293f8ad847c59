import type { IncomingMessage } from "node:http";
import { gunzip } from "node:zlib";
import { ApiError } from "./errors.js";

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request body too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function gunzipAsync(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, { maxOutputLength: MAX_BODY_BYTES }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * Reads a JSON request body, gunzipping it first when `Content-Encoding: gzip` (the SDK compresses sample and label
 * writes). Returns undefined for an empty body. Bad encodings and bad JSON are 400s naming the problem.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let raw = await readRaw(req);
  if (raw.length === 0) return undefined;
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  if (encoding === "gzip") {
    try {
      raw = await gunzipAsync(raw);
    } catch {
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
