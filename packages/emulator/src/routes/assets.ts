import { extname } from "node:path";
import { created, type Handler, newUuid, now } from "../app.js";
import { ApiError } from "../http/errors.js";
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
};

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
  const extension = extname(filename).toLowerCase();
  const key = `assets/${user.username}/${uuid}${extension}`;
  const contentType = CONTENT_TYPES[extension] ?? "application/octet-stream";
  const fields = app.signer.presign(
    key,
    contentType,
    app.settings.maxUploadBytes,
    app.settings.uploadTtlSeconds,
  );
  return created({
    uuid,
    filename,
    url: `${app.baseUrl}/_storage/${key}`,
    created_at: now(),
    presignedPostFields: { url: `${app.baseUrl}${UPLOAD_PATH}`, fields },
  });
};
