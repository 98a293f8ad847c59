/** Asset uploads: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import { ValidationError } from "../core/errors.js";
import type { RequestOptions } from "../core/transport.js";
import type { UploadData } from "../core/upload.js";
import { uploadAsset } from "../resources/assets.js";
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
  uploadAsset(data: UploadData, filename = "label.png", options?: RequestOptions): Promise<File> {
    if (data === undefined || data === null) {
      return Promise.reject(new ValidationError("data", "pass the file contents or a file path."));
    }
    return uploadAsset(contextOf(this), data, filename, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const ASSET_OPERATIONS = {
  createAsset: ["uploadAsset"],
} as const satisfies Partial<Record<OperationId, readonly (keyof AssetMethods)[]>>;
