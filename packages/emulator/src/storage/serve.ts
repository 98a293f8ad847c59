import type { ServerResponse } from "node:http";
import type { Store } from "../store/store.js";
import { sendS3Error } from "./upload.js";

/**
 * Content types served inline as stored. Anything else (HTML, SVG, XML, scripts: whatever a browser could run in
 * the emulator's origin) is served as an `application/octet-stream` attachment instead.
 */
const INLINE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/bmp",
  "image/tiff",
  "application/json",
  "application/octet-stream",
  "text/plain",
]);

/** Headers of a stored file: the signed type when it is safe inline, and never sniffed or run as a document. */
export function storedFileHeaders(contentType: string, length: number): Record<string, string | number> {
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const inline = INLINE_TYPES.has(essence);
  return {
    "Content-Type": inline ? contentType : "application/octet-stream",
    "Content-Length": length,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ...(inline ? {} : { "Content-Disposition": "attachment" }),
  };
}

/**
 * Decodes a storage path (`/_storage/<key>` without the prefix) segment by segment; null for a malformed `%`
 * escape, which S3 answers with 400 InvalidURI.
 */
export function decodeStorageKey(encoded: string): string | null {
  try {
    return encoded.split("/").map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
}

/** The path a stored key is served at, with each segment percent-encoded (so `?` and `#` survive in URLs). */
export const storagePath = (key: string): string =>
  `/_storage/${key.split("/").map(encodeURIComponent).join("/")}`;

/** Serves a stored file (uploaded asset or release file); `rewrite` adapts a release file's own URLs. */
export function serveFile(
  res: ServerResponse,
  store: Store,
  encodedKey: string,
  headOnly: boolean,
  rewrite: (text: string) => string,
): void {
  const key = decodeStorageKey(encodedKey);
  if (key === null) {
    sendS3Error(res, { status: 400, code: "InvalidURI", message: "Couldn't parse the specified URI." });
    return;
  }
  const file = store.getFile(key);
  if (!file) {
    sendS3Error(res, { status: 404, code: "NoSuchKey", message: "The specified key does not exist." });
    return;
  }
  const body = key.startsWith("releases/") ? Buffer.from(rewrite(file.body.toString("utf8"))) : file.body;
  res.writeHead(200, storedFileHeaders(file.contentType, body.length));
  res.end(headOnly ? undefined : body);
}
