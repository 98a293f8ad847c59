/**
 * `SegmentsClient`: one method per method of the official Python SDK (v1.30), camelCased, with the same defaults,
 * plus auto-pagination, bulk ingest, release polling and uploads. The methods are one-line delegations to
 * `src/resources/*`, so each resource stays small and testable on its own.
 */

import { defaultExchange } from "#default-exchange";
import { createApiClient } from "./core/api-client.js";
import type { APIPromise } from "./core/api-promise.js";
import { AuthenticationError, ValidationError } from "./core/errors.js";
import { fetchExchange } from "./core/fetch-exchange.js";
import { createLogger, type Logger, type LogLevel, readEnv, resolveLogLevel } from "./core/logger.js";
import type { PageIterator } from "./core/pagination.js";
import { secretRedactor } from "./core/redact.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  MAX_RESPONSE_BYTES_LIMIT,
  type RequestOptions,
  Transport,
} from "./core/transport.js";
import type { UploadData } from "./core/upload.js";
import {
  requireBaseUrl,
  requireMaxResponseBytes,
  requireMaxRetries,
  requireTimeout,
} from "./core/validate.js";
import { uploadAsset } from "./resources/assets.js";
import type { Context } from "./resources/context.js";
import * as datasets from "./resources/datasets.js";
import * as issues from "./resources/issues.js";
import * as labels from "./resources/labels.js";
import * as releases from "./resources/releases.js";
import * as samples from "./resources/samples.js";
import * as workunits from "./resources/workunits.js";
import type {
  Collaborator,
  Dataset,
  DeleteSamplesResponse,
  File,
  Issue,
  IssueUpdate,
  LabelAttributesFor,
  LabelFor,
  Labelset,
  Release,
  Role,
  Sample,
  SampleAttributesFor,
  TaskType,
  User,
  Workunit,
} from "./types.js";

/**
 * The production API root.
 *
 * @example
 * ```ts
 * new SegmentsClient({ baseUrl: DEFAULT_API_URL });
 * ```
 */
export const DEFAULT_API_URL = "https://api.segments.ai";

/**
 * Options of {@link SegmentsClient}.
 *
 * @example
 * ```ts
 * const client = new SegmentsClient({ apiKey: "...", timeout: 30_000, maxRetries: 4, logLevel: "info" });
 * ```
 */
export interface SegmentsClientOptions {
  /** Your API key (Account > API keys). Default: the `SEGMENTS_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /**
   * API root. Default: `SEGMENTS_API_URL`, else `https://api.segments.ai`. An http(s) URL without credentials: a
   * `user:password@` in it is refused with a `ValidationError` (it would reach logs and the server).
   */
  baseUrl?: string | undefined;
  /** Milliseconds allowed per attempt, response body included (default 60 000). */
  timeout?: number | undefined;
  /** Retries after a failed attempt (default 2). See {@link RequestOptions.retryNonIdempotent} for POST/PATCH. */
  maxRetries?: number | undefined;
  /**
   * A `fetch` implementation (a proxy-aware one, a test double...) to send every request with. Default: in Node,
   * node:http on Node's global keep-alive agent (about half the CPU per request of Node's own `fetch`); elsewhere,
   * the global `fetch`.
   */
  fetch?: FetchLike | undefined;
  /**
   * Largest response body to read, in bytes after decompression (default 256 MiB, at most 536870888). A larger one
   * is a `ResponseTooLargeError`; reading stops at the limit, so a gzip bomb costs no more memory than that.
   */
  maxResponseBytes?: number | undefined;
  /** Log verbosity. Default: `SEGMENTS_LOG`, else `warn`. `debug` logs every request with the key redacted. */
  logLevel?: LogLevel | undefined;
  /** Where logs go (default `console`). */
  logger?: Logger | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * The Segments.ai API client.
 *
 * Every method returns a promise (an {@link APIPromise}: `.withResponse()` gives the raw `Response` and request id)
 * and accepts per-call {@link RequestOptions} as its last argument. Errors are typed (see `SegmentsError`).
 *
 * @example
 * ```ts
 * import { SegmentsClient } from "@segments-ts/sdk";
 *
 * const client = new SegmentsClient(); // reads SEGMENTS_API_KEY
 * const dataset = await client.addDataset("flowers", { task_type: "bboxes" });
 * await client.addSample(dataset.full_name, "rose.jpg", { image: { url: "https://example.com/rose.jpg" } });
 * for await (const sample of client.iterSamples(dataset.full_name)) console.log(sample.name);
 * ```
 */
export class SegmentsClient {
  /** The API root requests go to. */
  readonly baseUrl: string;
  readonly #ctx: Context;

  constructor(options: SegmentsClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("SEGMENTS_API_KEY");
    if (!apiKey?.trim()) {
      throw new AuthenticationError({
        status: undefined,
        message:
          "No API key: pass `new SegmentsClient({ apiKey })` or set the SEGMENTS_API_KEY environment variable " +
          "(create a key under Account > API keys on segments.ai).",
      });
    }
    const envUrl = options.baseUrl === undefined ? readEnv("SEGMENTS_API_URL") : undefined;
    this.baseUrl = requireBaseUrl(
      options.baseUrl ?? envUrl ?? DEFAULT_API_URL,
      envUrl === undefined ? "baseUrl" : "SEGMENTS_API_URL",
    );
    // The key lives only in closures (this redactor's and the request builder's): it is not a property of this
    // object, so logging, inspecting or serializing the client cannot reveal it.
    const redact = secretRedactor(apiKey);
    const logLevel = resolveLogLevel(options.logLevel);
    const logger = createLogger(logLevel, options.logger, redact);
    const transport = new Transport({
      exchange: options.fetch ? fetchExchange(options.fetch) : defaultExchange(),
      // The same checks as the per-call overrides in `RequestOptions` (see requireRequestOptions).
      timeout: requireTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS),
      maxRetries: requireMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES),
      maxResponseBytes: requireMaxResponseBytes(
        options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        MAX_RESPONSE_BYTES_LIMIT,
      ),
      logger,
      debug: logLevel === "debug",
      redact,
    });
    const api = createApiClient({ apiKey, baseUrl: this.baseUrl, transport, redact });
    this.#ctx = { api, transport, logger };
  }

  /** What `console.log(client)` and `util.inspect` show: never the key. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `SegmentsClient { baseUrl: '${this.baseUrl}' }`;
  }

  /** What `JSON.stringify(client)` shows: never the key. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  // ---------------------------------------------------------------- users

  /**
   * Gets a user: yourself (`GET /user`) or another user or organization by name.
   *
   * @example
   * ```ts
   * const me = await client.getUser();
   * const jane = await client.getUser("jane");
   * ```
   */
  getUser(user?: string, options?: RequestOptions): APIPromise<User> {
    return datasets.getUser(this.#ctx, user, options);
  }

  // ---------------------------------------------------------------- datasets

  /**
   * Lists one page of datasets: yours, or those of `user`. See {@link SegmentsClient.iterDatasets} for all pages.
   *
   * @example
   * ```ts
   * const mine = await client.getDatasets();
   * const theirs = await client.getDatasets({ user: "jane", per_page: 50, page: 2 });
   * ```
   */
  getDatasets(params?: datasets.GetDatasetsParams, options?: RequestOptions): APIPromise<Dataset[]> {
    return datasets.getDatasets(this.#ctx, params, options);
  }

  /**
   * Iterates over every dataset (yours, or those of `user`), fetching pages as needed.
   *
   * @example
   * ```ts
   * for await (const dataset of client.iterDatasets()) console.log(dataset.full_name);
   * const all = await client.iterDatasets({ user: "jane" }).toArray();
   * ```
   */
  iterDatasets(
    params?: Omit<datasets.GetDatasetsParams, "page">,
    options?: RequestOptions,
  ): PageIterator<Dataset> {
    return datasets.iterDatasets(this.#ctx, params, options);
  }

  /**
   * Gets a dataset by its `owner/name` identifier.
   *
   * @example
   * ```ts
   * const dataset = await client.getDataset("jane/flowers");
   * ```
   */
  getDataset(dataset: string, options?: RequestOptions): APIPromise<Dataset> {
    return datasets.getDataset(this.#ctx, dataset, options);
  }

  /**
   * Creates a dataset, with the Python SDK's defaults (`segmentation-bitmap`, one "object" category, ...).
   * Pass `organization` to create it in an organization.
   *
   * @example
   * ```ts
   * const dataset = await client.addDataset("flowers", { task_type: "bboxes", description: "Roses" });
   * ```
   */
  addDataset(
    name: string,
    params?: datasets.AddDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.addDataset(this.#ctx, name, params, options);
  }

  /**
   * Changes dataset settings; only the given fields are sent.
   *
   * @example
   * ```ts
   * await client.updateDataset("jane/flowers", { description: "Roses and tulips", public: true });
   * ```
   */
  updateDataset(
    dataset: string,
    params: datasets.UpdateDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.updateDataset(this.#ctx, dataset, params, options);
  }

  /**
   * Deletes a dataset.
   *
   * @example
   * ```ts
   * await client.deleteDataset("jane/flowers");
   * ```
   */
  deleteDataset(dataset: string, options?: RequestOptions): APIPromise<void> {
    return datasets.deleteDataset(this.#ctx, dataset, options);
  }

  /**
   * Clones a dataset (default name `<name>-clone`, labels not copied unless `clone_labels`).
   *
   * @example
   * ```ts
   * const copy = await client.cloneDataset("jane/flowers", { new_name: "flowers-v2", clone_labels: true });
   * ```
   */
  cloneDataset(
    dataset: string,
    params?: datasets.CloneDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.cloneDataset(this.#ctx, dataset, params, options);
  }

  // ---------------------------------------------------------------- collaborators

  /**
   * Gets a collaborator of a dataset.
   *
   * @example
   * ```ts
   * const { role } = await client.getDatasetCollaborator("jane/flowers", "john");
   * ```
   */
  getDatasetCollaborator(
    dataset: string,
    username: string,
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.getDatasetCollaborator(this.#ctx, dataset, username, options);
  }

  /**
   * Adds a collaborator (default role `labeler`).
   *
   * @example
   * ```ts
   * await client.addDatasetCollaborator("jane/flowers", "john", "reviewer");
   * ```
   */
  addDatasetCollaborator(
    dataset: string,
    username: string,
    role: Role = "labeler",
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.addDatasetCollaborator(this.#ctx, dataset, username, role, options);
  }

  /**
   * Changes a collaborator's role.
   *
   * @example
   * ```ts
   * await client.updateDatasetCollaborator("jane/flowers", "john", "manager");
   * ```
   */
  updateDatasetCollaborator(
    dataset: string,
    username: string,
    role: Role,
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.updateDatasetCollaborator(this.#ctx, dataset, username, role, options);
  }

  /**
   * Removes a collaborator.
   *
   * @example
   * ```ts
   * await client.deleteDatasetCollaborator("jane/flowers", "john");
   * ```
   */
  deleteDatasetCollaborator(dataset: string, username: string, options?: RequestOptions): APIPromise<void> {
    return datasets.deleteDatasetCollaborator(this.#ctx, dataset, username, options);
  }

  // ---------------------------------------------------------------- samples

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
    return samples.getSamples(this.#ctx, dataset, params, options);
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
    return samples.iterSamples(this.#ctx, dataset, filters, options);
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
    return samples.getSample(this.#ctx, uuid, params, options);
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
    return samples.addSample(this.#ctx, dataset, name, attributes, params, options);
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
    return samples.addSamples(this.#ctx, dataset, sampleList, params, options);
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
    return samples.updateSample(this.#ctx, uuid, params, options);
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
    return samples.deleteSample(this.#ctx, uuid, options);
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
    return samples.deleteSamples(this.#ctx, dataset, uuids, options);
  }

  // ---------------------------------------------------------------- labels

  /**
   * Gets the label of a sample in a labelset (default `ground-truth`). Give the task type to narrow the result.
   * With `{ transformToEgoCoordinates: true }` the SDK also fetches the sample and returns a copy of the label moved
   * from world to ego-vehicle coordinates with each point cloud frame's `ego_pose` (cuboid positions, yaws and
   * rotations, vector points); frames without an ego pose stay as they are, with a logged warning.
   *
   * @example
   * ```ts
   * const label = await client.getLabel<"bboxes">(uuid);
   * for (const box of label.attributes?.annotations ?? []) console.log(box.points); // attributes may be null
   *
   * const ego = await client.getLabel<"pointcloud-cuboid">(uuid, "ground-truth", { transformToEgoCoordinates: true });
   * console.log(ego.attributes?.annotations[0]?.position); // relative to the vehicle
   * ```
   */
  getLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset = "ground-truth",
    params: labels.GetLabelParams = {},
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.getLabel<T>(this.#ctx, sampleUuid, labelset, params, options);
  }

  /**
   * Creates or replaces a label (`PUT`; default status `PRELABELED`). Pass `taskType` to type-check the attributes.
   *
   * @example
   * ```ts
   * await client.addLabel(uuid, "ground-truth", {
   *   format_version: "0.1",
   *   annotations: [{ id: 1, category_id: 1, type: "bbox", points: [[10, 10], [50, 40]] }],
   * }, { taskType: "bboxes", label_status: "LABELED" });
   * ```
   */
  addLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset: string,
    attributes: LabelAttributesFor<T>,
    params?: labels.AddLabelParams<T>,
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.addLabel(this.#ctx, sampleUuid, labelset, attributes, params, options);
  }

  /**
   * Changes a label; only the given fields are sent (no status is reset, unlike the Python resource API).
   *
   * @example
   * ```ts
   * await client.updateLabel(uuid, "ground-truth", { label_status: "REVIEWED" });
   * ```
   */
  updateLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset: string,
    params: labels.UpdateLabelParams<T>,
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.updateLabel(this.#ctx, sampleUuid, labelset, params, options);
  }

  /**
   * Deletes a label.
   *
   * @example
   * ```ts
   * await client.deleteLabel(uuid, "ground-truth");
   * ```
   */
  deleteLabel(sampleUuid: string, labelset: string, options?: RequestOptions): APIPromise<void> {
    return labels.deleteLabel(this.#ctx, sampleUuid, labelset, options);
  }

  // ---------------------------------------------------------------- labelsets

  /**
   * Lists the labelsets of a dataset.
   *
   * @example
   * ```ts
   * const names = (await client.getLabelsets("jane/flowers")).map((l) => l.name);
   * ```
   */
  getLabelsets(dataset: string, options?: RequestOptions): APIPromise<Labelset[]> {
    return labels.getLabelsets(this.#ctx, dataset, options);
  }

  /**
   * Gets one labelset.
   *
   * @example
   * ```ts
   * const labelset = await client.getLabelset("jane/flowers", "predictions");
   * ```
   */
  getLabelset(dataset: string, name: string, options?: RequestOptions): APIPromise<Labelset> {
    return labels.getLabelset(this.#ctx, dataset, name, options);
  }

  /**
   * Creates a labelset.
   *
   * @example
   * ```ts
   * await client.addLabelset("jane/flowers", "predictions", "Model v3 output");
   * ```
   */
  addLabelset(
    dataset: string,
    name: string,
    description = "",
    options?: RequestOptions,
  ): APIPromise<Labelset> {
    return labels.addLabelset(this.#ctx, dataset, name, description, options);
  }

  /**
   * Deletes a labelset.
   *
   * @example
   * ```ts
   * await client.deleteLabelset("jane/flowers", "predictions");
   * ```
   */
  deleteLabelset(dataset: string, name: string, options?: RequestOptions): APIPromise<void> {
    return labels.deleteLabelset(this.#ctx, dataset, name, options);
  }

  // ---------------------------------------------------------------- issues

  /**
   * Lists the issues of a dataset.
   *
   * @example
   * ```ts
   * const open = (await client.getIssues("jane/flowers")).filter((issue) => issue.status === "OPEN");
   * ```
   */
  getIssues(dataset: string, options?: RequestOptions): APIPromise<Issue[]> {
    return issues.getIssues(this.#ctx, dataset, options);
  }

  /**
   * Opens an issue on a sample (default status `OPEN`).
   *
   * @example
   * ```ts
   * await client.addIssue(uuid, "The left car is missing", {
   *   anchor: { type: "location", location: { type: "2d", x: 12, y: 30 } },
   * });
   * ```
   */
  addIssue(
    sampleUuid: string,
    description: string,
    params?: issues.AddIssueParams,
    options?: RequestOptions,
  ): APIPromise<Issue> {
    return issues.addIssue(this.#ctx, sampleUuid, description, params, options);
  }

  /**
   * Changes an issue; only the given fields are sent.
   *
   * @example
   * ```ts
   * await client.updateIssue(issue.uuid, { status: "CLOSED" });
   * ```
   */
  updateIssue(uuid: string, params: IssueUpdate, options?: RequestOptions): APIPromise<Issue> {
    return issues.updateIssue(this.#ctx, uuid, params, options);
  }

  /**
   * Deletes an issue.
   *
   * @example
   * ```ts
   * await client.deleteIssue(issue.uuid);
   * ```
   */
  deleteIssue(uuid: string, options?: RequestOptions): APIPromise<void> {
    return issues.deleteIssue(this.#ctx, uuid, options);
  }

  // ---------------------------------------------------------------- releases

  /**
   * Lists the releases of a dataset.
   *
   * @example
   * ```ts
   * const releases = await client.getReleases("jane/flowers");
   * ```
   */
  getReleases(dataset: string, options?: RequestOptions): APIPromise<Release[]> {
    return releases.getReleases(this.#ctx, dataset, options);
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
    return releases.getRelease(this.#ctx, dataset, name, options);
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
    return releases.addRelease(this.#ctx, dataset, name, description, options);
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
    return releases.deleteRelease(this.#ctx, dataset, name, options);
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
    return releases.waitForRelease(this.#ctx, dataset, name, options);
  }

  // ---------------------------------------------------------------- workunits

  /**
   * Lists one page of workunits (newest first by default). See {@link SegmentsClient.iterWorkunits}.
   *
   * @example
   * ```ts
   * const recent = await client.getWorkunits("jane/flowers", { start: new Date("2024-05-01"), per_page: 100 });
   * ```
   */
  getWorkunits(
    dataset: string,
    params?: workunits.GetWorkunitsParams,
    options?: RequestOptions,
  ): APIPromise<Workunit[]> {
    return workunits.getWorkunits(this.#ctx, dataset, params, options);
  }

  /**
   * Iterates over every workunit matching the filters, fetching pages as needed.
   *
   * @example
   * ```ts
   * let seconds = 0;
   * for await (const unit of client.iterWorkunits("jane/flowers")) seconds += unit.time;
   * ```
   */
  iterWorkunits(
    dataset: string,
    filters?: workunits.WorkunitFilters,
    options?: RequestOptions,
  ): PageIterator<Workunit> {
    return workunits.iterWorkunits(this.#ctx, dataset, filters, options);
  }

  // ---------------------------------------------------------------- assets

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
    return uploadAsset(this.#ctx, data, filename, options);
  }
}
