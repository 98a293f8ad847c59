/**
 * Asset uploads: turn what the caller has into a `Blob`, then build the S3-style presigned POST (policy fields first,
 * the file part last and named `file`). The request carries no API key: it goes to the storage host, not the API.
 */
import { ValidationError } from "./errors.js";

/**
 * Data accepted by `uploadAsset`: bytes (`Uint8Array`, Node `Buffer`, `ArrayBuffer`), a `Blob`/`File`, a web
 * `ReadableStream` of bytes, or (Node, Deno, Bun) a file path string.
 */
export type UploadData = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | string;

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  json: "application/json",
};

/** Guesses a content type from the filename, for the file part of the form. */
export function contentTypeFor(filename: string): string {
  const extension = filename.split(".").pop()?.toLowerCase() ?? "";
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** Converts any supported input into a Blob. A string is read as a file path, loading `node:fs` only then. */
export async function toBlob(data: UploadData, filename: string): Promise<Blob> {
  const type = contentTypeFor(filename);
  if (typeof data === "string") return new Blob([(await readFileAtPath(data)) as BlobPart], { type });
  if (data instanceof Blob) return data.type ? data : new Blob([data], { type });
  if (data instanceof Uint8Array || data instanceof ArrayBuffer)
    return new Blob([data as BlobPart], { type });
  if (typeof ReadableStream !== "undefined" && data instanceof ReadableStream) {
    return new Blob([await new Response(data).arrayBuffer()], { type });
  }
  throw new ValidationError(
    "data",
    "expected a Uint8Array, Buffer, ArrayBuffer, Blob, ReadableStream or a file path string.",
  );
}

async function readFileAtPath(path: string): Promise<Uint8Array> {
  // A variable specifier keeps bundlers from pulling node:fs into browser builds; it is only loaded for paths. The
  // comments tell Vite and webpack to leave this import alone (webpack otherwise warns "critical dependency").
  const specifier = "node:fs/promises";
  let fs: { readFile(path: string): Promise<Uint8Array> };
  try {
    fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
  } catch {
    throw new ValidationError(
      "data",
      "file paths are only supported where node:fs exists; pass bytes or a Blob.",
    );
  }
  return fs.readFile(path);
}

/** Builds the multipart presigned POST to the storage URL returned by `POST /assets/`. */
export function presignedPostRequest(
  url: string,
  fields: Record<string, string>,
  file: Blob,
  filename: string,
): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file, filename);
  return new Request(url, { method: "POST", body: form });
}
