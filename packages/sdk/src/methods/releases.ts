/** Releases: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/transport.js";
import * as releases from "../resources/releases.js";
import type { Release } from "../types.js";
import { contextOf } from "./base.js";
import { IssueMethods } from "./issues.js";

/** Releases; a layer of {@link SegmentsClient}, the class to use. */
export class ReleaseMethods extends IssueMethods {
  /**
   * Lists the releases of a dataset.
   *
   * @example
   * ```ts
   * const releases = await client.getReleases("jane/flowers");
   * ```
   */
  getReleases(dataset: string, options?: RequestOptions): APIPromise<Release[]> {
    return releases.getReleases(contextOf(this), dataset, options);
  }

  /**
   * Gets one release.
   *
   * @example
   * ```ts
   * const release = await client.getRelease("jane/flowers", "v1.0");
   * ```
   */
  getRelease(dataset: string, name: string, options?: RequestOptions): APIPromise<Release> {
    return releases.getRelease(contextOf(this), dataset, name, options);
  }

  /**
   * Starts a release; it is `PENDING` until the export finishes (see {@link SegmentsClient.waitForRelease}).
   *
   * @example
   * ```ts
   * await client.addRelease("jane/flowers", "v1.0", "First export");
   * ```
   */
  addRelease(dataset: string, name: string, description = "", options?: RequestOptions): APIPromise<Release> {
    return releases.addRelease(contextOf(this), dataset, name, description, options);
  }

  /**
   * Deletes a release.
   *
   * @example
   * ```ts
   * await client.deleteRelease("jane/flowers", "v1.0");
   * ```
   */
  deleteRelease(dataset: string, name: string, options?: RequestOptions): APIPromise<void> {
    return releases.deleteRelease(contextOf(this), dataset, name, options);
  }

  /**
   * Polls a release until it is `SUCCEEDED` (resolves with it) or `FAILED` (throws `ReleaseFailedError`);
   * throws `APITimeoutError` after `timeout` ms (default 10 min) and `APIUserAbortError` when `signal` aborts.
   *
   * @example
   * ```ts
   * await client.addRelease("jane/flowers", "v1.0");
   * const release = await client.waitForRelease("jane/flowers", "v1.0", { timeout: 120_000 });
   * console.log(release.attributes.url);
   * ```
   */
  waitForRelease(dataset: string, name: string, options?: releases.WaitForReleaseOptions): Promise<Release> {
    return releases.waitForRelease(contextOf(this), dataset, name, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const RELEASE_OPERATIONS = {
  listReleases: ["getReleases"],
  createRelease: ["addRelease"],
  getRelease: ["getRelease", "waitForRelease"],
  deleteRelease: ["deleteRelease"],
} as const satisfies Partial<Record<OperationId, readonly (keyof ReleaseMethods)[]>>;
