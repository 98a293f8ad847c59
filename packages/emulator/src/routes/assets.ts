import { extname } from "node:path";
import { created, type Handler, type HandlerTable, newUuid, now } from "../app.js";
import { ApiError } from "../http/errors.js";
import { storagePath } from "../storage/serve.js";
import { UPLOAD_PATH } from "../storage/upload.js";
import { bodyOf } from "./common.js";

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".json": "application/json",
  ".pcd": "application/octet-stream",
  ".bin": "application/octet-stream",
  ".ply": "application/octet-stream",
  ".las": "application/octet-stream",
  ".txt": "text/plain",
  // Signed like S3 would, but served as attachments (storage/serve.ts): they could run in the emulator's origin.
  ".svg": "image/svg+xml",
  ".html": "text/html",
  ".htm": "text/html",
};

/** The extension kept in the object key: letters and digits only, so the key needs no escaping in any URL. */
function safeExtension(filename: string): string {
  const extension = extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,16}$/.test(extension) ? extension : "";
}

/** `POST /assets/`: a File whose `presignedPostFields` point at the emulator's own S3-like upload endpoint. */
export const createAsset: Handler = (call) => {
  const { app, user } = call;
  const filename = String(bodyOf(call).filename ?? "");
  if (filename.length === 0) {
    throw new ApiError(400, "filename: This field may not be blank.", {
      filename: ["This field may not be blank."],
    });
  }
  const uuid = newUuid();
  const extension = safeExtension(filename);
  const key = `assets/${user.username}/${uuid}${extension}`;
  const contentType = CONTENT_TYPES[extension] ?? "application/octet-stream";
  const fields = app.signer.presign(
    key,
    contentType,
    app.settings.maxUploadBytes,
    app.settings.uploadTtlSeconds,
  );
  app.urls.remember(call.baseUrl);
  return created({
    uuid,
    filename,
    url: `${call.baseUrl}${storagePath(key)}`,
    created_at: now(),
    presignedPostFields: { url: `${call.baseUrl}${UPLOAD_PATH}`, fields },
  });
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  createAsset,
} satisfies HandlerTable;
