/** Asset uploads: register the file with the API, then POST it to the presigned storage URL. */
import type { OperationId } from "@segments-ts/client";
import { call } from "../core/context.js";
import { ValidationError } from "../core/errors.js";
import type { RequestOptions } from "../core/transport.js";
import { presignedPostRequest, toBlob, type UploadData } from "../core/upload.js";
import { requireRequestOptions, requireString } from "../core/validate.js";
import type { File } from "../types.js";
import { contextOf } from "./base.js";
import { WorkunitMethods } from "./workunits.js";

/** Asset uploads; a layer of {@link SegmentsClient}, the class to use. */
export class AssetMethods extends WorkunitMethods {
  /**
   * Uploads a file (bytes, Buffer, Blob, ReadableStream, or a file path in Node) and returns the asset, whose `url`
   * can be used in sample or label attributes. The upload goes straight to storage, without your API key.
   *
   * @example
   * ```ts
   * const asset = await client.uploadAsset("./bitmaps/label-1.png", "label-1.png");
   * await client.addLabel(uuid, "ground-truth", {
   *   format_version: "0.1",
   *   annotations: [{ id: 1, category_id: 1 }],
   *   segmentation_bitmap: { url: asset.url },
   * });
   * ```
   */
  async uploadAsset(data: UploadData, filename = "label.png", options: RequestOptions = {}): Promise<File> {
    const { api, transport } = contextOf(this);
    if (data === undefined || data === null) {
      throw new ValidationError("data", "pass the file contents or a file path.");
    }
    requireString(filename, "filename");
    // Checked before the file is read: the options also govern the upload to storage, which bypasses `call`.
    requireRequestOptions(options);
    const blob = await toBlob(data, filename);
    const asset = await call(options, (init) => api.POST("/assets/", { ...init, body: { filename } }));
    const { url, fields } = asset.presignedPostFields;
    const upload = presignedPostRequest(url, fields as Record<string, string>, blob, filename);
    // Straight to the transport, without the API key or per-call headers: this goes to the storage host.
    // Re-posting to the same key is harmless, so it may be retried.
    const { signal, timeout, maxRetries } = options;
    await transport.send(upload, { retryNonIdempotent: true, signal, timeout, maxRetries });
    return asset;
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const ASSET_OPERATIONS = {
  createAsset: ["uploadAsset"],
} as const satisfies Partial<Record<OperationId, readonly (keyof AssetMethods)[]>>;
