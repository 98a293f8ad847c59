/** Releases (asynchronous dataset exports) and waiting for them. */
import type { APIPromise } from "../core/api-promise.js";
import { APITimeoutError, SegmentsError } from "../core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import { type RequestOptions, sleep } from "../core/transport.js";
import { MAX_TIMER_MS, requireInteger, requireSignal, requireText } from "../core/validate.js";
import type { Release } from "../types.js";
import { type Context, call } from "./context.js";

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

export function getReleases(ctx: Context, dataset: string, options?: RequestOptions): APIPromise<Release[]> {
  return call(options, (init) =>
    ctx.api.GET("/datasets/{owner}/{dataset}/releases/", {
      ...init,
      params: { path: parseDatasetIdentifier(dataset) },
    }),
  );
}

export function getRelease(
  ctx: Context,
  dataset: string,
  name: string,
  options?: RequestOptions,
): APIPromise<Release> {
  return call(options, (init) =>
    ctx.api.GET("/datasets/{owner}/{dataset}/releases/{release}/", {
      ...init,
      params: { path: releasePath(dataset, name) },
    }),
  );
}

export function addRelease(
  ctx: Context,
  dataset: string,
  name: string,
  description: string,
  options?: RequestOptions,
): APIPromise<Release> {
  return call(options, (init) => {
    const path = parseDatasetIdentifier(dataset);
    const body = { name: pathSegment(name, "name"), description: requireText(description, "description") };
    return ctx.api.POST("/datasets/{owner}/{dataset}/releases/", { ...init, params: { path }, body });
  });
}

export function deleteRelease(
  ctx: Context,
  dataset: string,
  name: string,
  options?: RequestOptions,
): APIPromise<void> {
  return call(options, (init) =>
    ctx.api.DELETE("/datasets/{owner}/{dataset}/releases/{release}/", {
      ...init,
      params: { path: releasePath(dataset, name) },
    }),
  );
}

/** Polls `getRelease` until the release leaves `PENDING`. */
export async function waitForRelease(
  ctx: Context,
  dataset: string,
  name: string,
  options: WaitForReleaseOptions = {},
): Promise<Release> {
  releasePath(dataset, name);
  const timeout = requireInteger(options.timeout ?? 600_000, "timeout", 0);
  // Capped at what `setTimeout` honours: a longer interval would fire after 1 ms and poll in a tight loop.
  const pollInterval = requireInteger(options.pollInterval ?? 2_000, "pollInterval", 1, MAX_TIMER_MS);
  if (options.signal !== undefined) requireSignal(options.signal, "signal");
  const deadline = Date.now() + timeout;
  for (;;) {
    const release = await getRelease(ctx, dataset, name, { signal: options.signal });
    if (release.status === "SUCCEEDED") return release;
    if (release.status === "FAILED") throw new ReleaseFailedError(release);
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new APITimeoutError(`Release "${name}" is still ${release.status} after ${timeout} ms.`);
    }
    await sleep(Math.min(pollInterval, remaining), options.signal);
  }
}
