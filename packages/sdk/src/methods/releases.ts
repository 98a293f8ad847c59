/** Releases (asynchronous dataset exports) and waiting for them: methods of `SegmentsClient`, with their requests. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { APITimeoutError, SegmentsError } from "../core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import { type RequestOptions, sleep } from "../core/transport.js";
import { MAX_TIMER_MS, requireInteger, requireSignal, requireText } from "../core/validate.js";
import type { Release } from "../types.js";
import { contextOf } from "./base.js";
import { IssueMethods } from "./issues.js";

/**
 * A release finished with status `FAILED`. The release is attached for inspection.
 *
 * @example
 * ```ts
 * try {
 *   await client.waitForRelease("jane/flowers", "v1.0");
 * } catch (error) {
 *   if (error instanceof ReleaseFailedError) console.error(error.release.name, error.release.status);
 * }
 * ```
 */
export class ReleaseFailedError extends SegmentsError {
  override name = "ReleaseFailedError";
  readonly release: Release;
  constructor(release: Release) {
    super(`Release "${release.name}" failed.`);
    this.release = release;
  }
}

/** Options of `waitForRelease`. */
export interface WaitForReleaseOptions {
  /** Give up after this many milliseconds (default 10 minutes). */
  timeout?: number;
  /** Delay between polls in milliseconds (default 2000). */
  pollInterval?: number;
  /** Stops waiting; the call then throws `APIUserAbortError`. */
  signal?: AbortSignal;
}

function releasePath(dataset: string, name: string) {
  return { ...parseDatasetIdentifier(dataset), release: pathSegment(name, "name") };
}

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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/releases/", {
        ...init,
        params: { path: parseDatasetIdentifier(dataset) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/releases/{release}/", {
        ...init,
        params: { path: releasePath(dataset, name) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      const body = { name: pathSegment(name, "name"), description: requireText(description, "description") };
      return api.POST("/datasets/{owner}/{dataset}/releases/", { ...init, params: { path }, body });
    });
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/datasets/{owner}/{dataset}/releases/{release}/", {
        ...init,
        params: { path: releasePath(dataset, name) },
      }),
    );
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
  async waitForRelease(dataset: string, name: string, options: WaitForReleaseOptions = {}): Promise<Release> {
    releasePath(dataset, name);
    const timeout = requireInteger(options.timeout ?? 600_000, "timeout", 0);
    // Capped at what `setTimeout` honours: a longer interval would fire at once and poll in a tight loop.
    const pollInterval = requireInteger(options.pollInterval ?? 2_000, "pollInterval", 1, MAX_TIMER_MS);
    if (options.signal !== undefined) requireSignal(options.signal, "signal");
    const deadline = Date.now() + timeout;
    for (;;) {
      const release = await this.getRelease(dataset, name, { signal: options.signal });
      if (release.status === "SUCCEEDED") return release;
      if (release.status === "FAILED") throw new ReleaseFailedError(release);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new APITimeoutError(`Release "${name}" is still ${release.status} after ${timeout} ms.`);
      }
      await sleep(Math.min(pollInterval, remaining), options.signal);
    }
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const RELEASE_OPERATIONS = {
  listReleases: ["getReleases"],
  createRelease: ["addRelease"],
  getRelease: ["getRelease", "waitForRelease"],
  deleteRelease: ["deleteRelease"],
} as const satisfies Partial<Record<OperationId, readonly (keyof ReleaseMethods)[]>>;
