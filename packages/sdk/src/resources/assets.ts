/** Asset uploads: register the file with the API, then POST it to the presigned storage URL. */
import type { RequestOptions } from "../core/transport.js";
import { presignedPostRequest, toBlob, type UploadData } from "../core/upload.js";
import { requireRequestOptions, requireString } from "../core/validate.js";
import type { File } from "../types.js";
import { type Context, call } from "./context.js";

export async function uploadAsset(
  ctx: Context,
  data: UploadData,
  filename: string,
  options: RequestOptions = {},
): Promise<File> {
  requireString(filename, "filename");
  // Checked before the file is read: the options also govern the upload to storage, which bypasses `call`.
  requireRequestOptions(options);
  const blob = await toBlob(data, filename);
  const asset = await call(options, (init) => ctx.api.POST("/assets/", { ...init, body: { filename } }));
  const { url, fields } = asset.presignedPostFields;
  const upload = presignedPostRequest(url, fields as Record<string, string>, blob, filename);
  // Straight to the transport, without the API key or per-call headers: this goes to the storage host.
  // Re-posting to the same key is harmless, so it may be retried.
  const { signal, timeout, maxRetries } = options;
  await ctx.transport.send(upload, { retryNonIdempotent: true, signal, timeout, maxRetries });
  return asset;
}
