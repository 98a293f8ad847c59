/** Samples in bulk: create many in concurrent batches, delete up to 1000 at once. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { chunk, mapWithConcurrency } from "../core/concurrency.js";
import { call } from "../core/context.js";
import { ValidationError } from "../core/errors.js";
import { parseDatasetIdentifier } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { requireInteger, requireRequestOptions, requireString } from "../core/validate.js";
import type { DeleteSamplesResponse, Sample, SampleAttributesFor, SampleCreate, TaskType } from "../types.js";
import { contextOf } from "./base.js";
import { checkedSample, SampleMethods } from "./samples.js";

/** Progress of `addSamples`, reported after each batch. */
export interface AddSamplesProgress {
  /** Samples created (or found existing) so far. */
  completed: number;
  /** Samples passed to `addSamples`. */
  total: number;
  /** Index of the batch that just finished. */
  batch: number;
}

/** Options of `addSamples`. */
export interface AddSamplesParams<T extends TaskType = TaskType> {
  /** Samples per request (default 1000). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Called after each batch. */
  onProgress?: (progress: AddSamplesProgress) => void;
  /** Gzip the request bodies (default true, like the Python SDK). */
  enable_compression?: boolean;
  /** The dataset's task type: narrows the sample attributes type and checks their shape before sending. */
  taskType?: T;
}

/** One sample for `addSamples`: `SampleCreate` with attributes narrowed to a task type. */
export type SampleCreateFor<T extends TaskType> = Omit<SampleCreate, "attributes"> & {
  attributes: SampleAttributesFor<T>;
};

/** Combines the caller's signal with one that cancels the remaining batches once a batch has failed. */
function batchSignal(userSignal: AbortSignal | undefined, internal: AbortController): AbortSignal {
  return userSignal ? AbortSignal.any([userSignal, internal.signal]) : internal.signal;
}

/** Samples in bulk; a layer of {@link SegmentsClient}, the class to use. */
export class BulkSampleMethods extends SampleMethods {
  /**
   * Adds many samples in batches (default 1000 per request, 4 requests at once), in input order. Samples whose
   * name already exists are returned unchanged, so a retried or repeated call never creates duplicates; batches
   * are therefore retried even after a dropped response.
   *
   * @example
   * ```ts
   * const created = await client.addSamples(
   *   "jane/flowers",
   *   urls.map((url, i) => ({ name: `image-${i}.jpg`, attributes: { image: { url } } })),
   *   { concurrency: 8, onProgress: ({ completed, total }) => console.log(`${completed}/${total}`) },
   * );
   * ```
   */
  async addSamples<T extends TaskType = TaskType>(
    dataset: string,
    sampleList: readonly SampleCreateFor<T>[],
    params: AddSamplesParams<T> = {},
    options: RequestOptions = {},
  ): Promise<Sample[]> {
    const { api } = contextOf(this);
    const path = parseDatasetIdentifier(dataset);
    if (!Array.isArray(sampleList)) throw new ValidationError("samples", "expected an array of samples.");
    const batchSize = requireInteger(params.batchSize ?? 1000, "batchSize", 1, 10_000);
    const concurrency = requireInteger(params.concurrency ?? 4, "concurrency", 1, 64);
    // Checked now: a non-function `onProgress` would throw after the first batch was created, mid-ingest.
    if (params.onProgress !== undefined && typeof params.onProgress !== "function") {
      throw new ValidationError("onProgress", "expected a function, called after each batch.");
    }
    requireRequestOptions(options);
    const bodies = sampleList.map((sample, i) => checkedSample(sample, `samples[${i}]`, params.taskType));
    const batches = chunk(bodies, batchSize);
    const cancelRest = new AbortController();
    let completed = 0;
    // The bulk endpoint returns the existing sample for a name that already exists, so resending a batch whose
    // response was lost cannot create duplicates: retrying these POSTs is safe.
    const sendOptions = {
      retryNonIdempotent: true,
      ...options,
      signal: batchSignal(options?.signal, cancelRest),
    };
    try {
      const results = await mapWithConcurrency(batches, concurrency, async (body, batch) => {
        const created = await call(
          sendOptions,
          (init) =>
            api.POST("/datasets/{owner}/{dataset}/samples_bulk/", { ...init, params: { path }, body }),
          { compress: params.enable_compression ?? true },
        );
        completed += body.length;
        params.onProgress?.({ completed, total: bodies.length, batch });
        return created;
      });
      return results.flat();
    } finally {
      cancelRest.abort();
    }
  }

  /**
   * Deletes 1 to 1000 samples at once (atomic; unknown uuids are skipped).
   *
   * @example
   * ```ts
   * const { deleted_count } = await client.deleteSamples("jane/flowers", [uuid1, uuid2]);
   * ```
   */
  deleteSamples(
    dataset: string,
    uuids: readonly string[],
    options?: RequestOptions,
  ): APIPromise<DeleteSamplesResponse> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      if (!Array.isArray(uuids) || uuids.length < 1 || uuids.length > 1000) {
        throw new ValidationError("uuids", "pass between 1 and 1000 sample uuids (split larger deletions).");
      }
      const body = { uuids: uuids.map((uuid, i) => requireString(uuid, `uuids[${i}]`)) };
      return api.DELETE("/datasets/{owner}/{dataset}/samples_bulk/", { ...init, params: { path }, body });
    });
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const BULK_SAMPLE_OPERATIONS = {
  createSamples: ["addSamples"],
  deleteSamples: ["deleteSamples"],
} as const satisfies Partial<Record<OperationId, readonly (keyof BulkSampleMethods)[]>>;
