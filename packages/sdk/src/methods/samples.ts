/** Samples: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import * as samples from "../resources/samples.js";
import type { DeleteSamplesResponse, Sample, SampleAttributesFor, TaskType } from "../types.js";
import { contextOf } from "./base.js";
import { DatasetMethods } from "./datasets.js";

/** Samples; a layer of {@link SegmentsClient}, the class to use. */
export class SampleMethods extends DatasetMethods {
  /**
   * Lists one page of samples, filtered and sorted. See {@link SegmentsClient.iterSamples} for all pages.
   *
   * @example
   * ```ts
   * const page = await client.getSamples("jane/flowers", {
   *   labelset: "ground-truth",
   *   label_status: ["LABELED", "REVIEWED"],
   *   metadata: ["weather:cloudy"],
   *   sort: "priority",
   *   direction: "desc",
   *   per_page: 100,
   * });
   * ```
   */
  getSamples(
    dataset: string,
    params?: samples.GetSamplesParams,
    options?: RequestOptions,
  ): APIPromise<Sample[]> {
    return samples.getSamples(contextOf(this), dataset, params, options);
  }

  /**
   * Iterates over every sample matching the filters, fetching pages as needed.
   *
   * @example
   * ```ts
   * for await (const sample of client.iterSamples("jane/flowers", { name: "rose" })) console.log(sample.uuid);
   * const all = await client.iterSamples("jane/flowers").toArray();
   * ```
   */
  iterSamples(
    dataset: string,
    filters?: samples.SampleFilters,
    options?: RequestOptions,
  ): PageIterator<Sample> {
    return samples.iterSamples(contextOf(this), dataset, filters, options);
  }

  /**
   * Gets a sample, optionally with its label from a labelset and signed URLs.
   *
   * @example
   * ```ts
   * const sample = await client.getSample(uuid, { labelset: "ground-truth", include_signed_url: true });
   * ```
   */
  getSample(uuid: string, params?: samples.GetSampleParams, options?: RequestOptions): APIPromise<Sample> {
    return samples.getSample(contextOf(this), uuid, params, options);
  }

  /**
   * Adds one sample (gzipped when large, like the Python SDK). Pass `taskType` to type-check the attributes.
   *
   * @example
   * ```ts
   * const sample = await client.addSample("jane/flowers", "rose.jpg", { image: { url: "https://example.com/rose.jpg" } }, {
   *   metadata: { garden: "north" },
   *   priority: 10,
   * });
   * ```
   */
  addSample<T extends TaskType = TaskType>(
    dataset: string,
    name: string,
    attributes: SampleAttributesFor<T>,
    params?: samples.AddSampleParams<T>,
    options?: RequestOptions,
  ): APIPromise<Sample> {
    return samples.addSample(contextOf(this), dataset, name, attributes, params, options);
  }

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
  addSamples<T extends TaskType = TaskType>(
    dataset: string,
    sampleList: readonly samples.SampleCreateFor<T>[],
    params?: samples.AddSamplesParams<T>,
    options?: RequestOptions,
  ): Promise<Sample[]> {
    return samples.addSamples(contextOf(this), dataset, sampleList, params, options);
  }

  /**
   * Changes a sample; only the given fields are sent. `assigned_labeler: null` unassigns.
   *
   * @example
   * ```ts
   * await client.updateSample(uuid, { priority: 5, assigned_labeler: null });
   * ```
   */
  updateSample(
    uuid: string,
    params: samples.UpdateSampleParams,
    options?: RequestOptions,
  ): APIPromise<Sample> {
    return samples.updateSample(contextOf(this), uuid, params, options);
  }

  /**
   * Deletes a sample.
   *
   * @example
   * ```ts
   * await client.deleteSample(uuid);
   * ```
   */
  deleteSample(uuid: string, options?: RequestOptions): APIPromise<void> {
    return samples.deleteSample(contextOf(this), uuid, options);
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
    return samples.deleteSamples(contextOf(this), dataset, uuids, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const SAMPLE_OPERATIONS = {
  listSamples: ["getSamples", "iterSamples"],
  createSample: ["addSample"],
  createSamples: ["addSamples"],
  deleteSamples: ["deleteSamples"],
  getSample: ["getSample"],
  deleteSample: ["deleteSample"],
  updateSample: ["updateSample"],
} as const satisfies Partial<Record<OperationId, readonly (keyof SampleMethods)[]>>;
