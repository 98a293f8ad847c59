/** Samples: list (paged and auto-paged), read, create (one or in concurrent batches), update and delete. */
import { LABEL_STATUSES } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { checkSampleAttributes } from "../core/attributes.js";
import { chunk, mapWithConcurrency } from "../core/concurrency.js";
import { ValidationError } from "../core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireFinite,
  requireInteger,
  requireObject,
  requireOneOf,
  requirePage,
  requirePerPage,
  requireRequestOptions,
  requireString,
  requireText,
} from "../core/validate.js";
import type {
  DeleteSamplesResponse,
  LabelStatus,
  Sample,
  SampleAttributesFor,
  SampleCreate,
  SampleUpdate,
  TaskType,
} from "../types.js";
import { type Context, call } from "./context.js";

const SAMPLE_SORTS = ["name", "created_at", "priority", "gt_label__updated_at"] as const;
const DIRECTIONS = ["asc", "desc"] as const;

/** Filters of `getSamples` / `iterSamples`, with the Python SDK's names and defaults. */
export interface SampleFilters {
  /** Attach each sample's label (summary) from this labelset. */
  labelset?: string;
  /** Only samples whose name contains this text. */
  name?: string;
  /** Only samples whose label has one of these statuses. */
  label_status?: LabelStatus | LabelStatus[];
  /** Metadata filters written `"key:value"`. */
  metadata?: string | string[];
  /** Sort key (default `name`). */
  sort?: (typeof SAMPLE_SORTS)[number];
  /** Sort direction (default `asc`). */
  direction?: "asc" | "desc";
  /** With `labelset`: attach the full label instead of a summary. */
  include_full_label?: boolean;
  /** Page size, 1..1000 (default 1000). */
  per_page?: number;
}

/** Options of `getSamples`: filters plus the page to fetch. */
export interface GetSamplesParams extends SampleFilters {
  /** 1-based page number (default 1). */
  page?: number;
}

/** Options of `getSample`. */
export interface GetSampleParams {
  /** Attach the sample's label from this labelset. */
  labelset?: string;
  /** Add signed URLs to the sample's file references. */
  include_signed_url?: boolean;
}

/** Optional fields of `addSample`. */
export interface AddSampleParams<T extends TaskType = TaskType>
  extends Partial<
    Pick<SampleCreate, "metadata" | "priority" | "assigned_labeler" | "assigned_reviewer" | "readme">
  > {
  /** Gzip the request body (default true, like the Python SDK). */
  enable_compression?: boolean;
  /** The dataset's task type: narrows the `attributes` type and checks its shape before sending. */
  taskType?: T;
}

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

/** Fields of `updateSample` (only the given keys change; `null` unassigns a labeler/reviewer). */
export interface UpdateSampleParams extends SampleUpdate {
  /** Gzip the request body (default true). */
  enable_compression?: boolean;
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function samplesQuery(params: GetSamplesParams) {
  if (params.include_full_label && params.labelset === undefined) {
    throw new ValidationError(
      "include_full_label",
      "needs `labelset`: pass the labelset whose labels to include.",
    );
  }
  const statuses = asList(params.label_status).map((status) =>
    requireOneOf(status, "label_status", LABEL_STATUSES),
  );
  const sort = requireOneOf(params.sort ?? "name", "sort", SAMPLE_SORTS);
  const direction = requireOneOf(params.direction ?? "asc", "direction", DIRECTIONS);
  const filters = asList(params.metadata).map((filter) => requireString(filter, "metadata"));
  return definedOnly({
    per_page: requirePerPage(params.per_page ?? 1000),
    page: requirePage(params.page ?? 1),
    labelset: params.labelset === undefined ? undefined : requireString(params.labelset, "labelset"),
    include_full_label: params.include_full_label ? (1 as const) : undefined,
    // An empty text matches every name, like no filter; a number or object would be sent as "5" or "[object Object]".
    name__contains: params.name === undefined ? undefined : requireText(params.name, "name"),
    filters: filters.length > 0 ? filters : undefined,
    label_status: statuses.length > 0 ? statuses : undefined,
    sort: `${direction === "desc" ? "-" : ""}${sort}` as const,
  });
}

export function getSamples(
  ctx: Context,
  dataset: string,
  params: GetSamplesParams = {},
  options?: RequestOptions,
): APIPromise<Sample[]> {
  return call(options, (init) => {
    const path = parseDatasetIdentifier(dataset);
    const query = samplesQuery(params);
    return ctx.api.GET("/datasets/{owner}/{dataset}/samples/", { ...init, params: { path, query } });
  });
}

export function iterSamples(
  ctx: Context,
  dataset: string,
  filters: SampleFilters = {},
  options?: RequestOptions,
): PageIterator<Sample> {
  // Validate up front, not at the first `next()`.
  const perPage = requirePerPage(filters.per_page ?? 1000);
  samplesQuery(filters);
  parseDatasetIdentifier(dataset);
  requireRequestOptions(options);
  return new PageIterator(
    (page, per_page) => getSamples(ctx, dataset, { ...filters, page, per_page }, options),
    {
      perPage,
    },
  );
}

export function getSample(
  ctx: Context,
  uuid: string,
  params: GetSampleParams = {},
  options?: RequestOptions,
): APIPromise<Sample> {
  return call(options, (init) => {
    const path = { sample_uuid: pathSegment(uuid, "uuid") };
    const query = definedOnly({
      labelset: params.labelset === undefined ? undefined : requireString(params.labelset, "labelset"),
      include_signed_urls: params.include_signed_url ? (1 as const) : undefined,
    });
    return ctx.api.GET("/samples/{sample_uuid}/", { ...init, params: { path, query } });
  });
}

/**
 * Checks the optional sample fields that create and update share: a NaN or Infinity priority (JSON would send
 * `null`), an empty or non-string assignee (`null` is allowed: it unassigns) and a non-string readme.
 */
function checkSampleFields(fields: Record<string, unknown>, prefix: string): void {
  if (fields.priority !== undefined) requireFinite(fields.priority, `${prefix}priority`);
  for (const key of ["assigned_labeler", "assigned_reviewer"]) {
    if (fields[key] !== undefined && fields[key] !== null) requireString(fields[key], `${prefix}${key}`);
  }
  if (fields.readme !== undefined) requireText(fields.readme, `${prefix}readme`);
}

/** Validates one sample and returns a copy (the caller's object is never mutated). */
function checkedSample(sample: unknown, argument: string, taskType?: string): SampleCreate {
  const object = requireObject(sample, argument);
  requireString(object.name, `${argument}.name`);
  checkSampleAttributes(object.attributes, taskType);
  checkSampleFields(object, `${argument}.`);
  return { ...object } as SampleCreate;
}

export function addSample<T extends TaskType = TaskType>(
  ctx: Context,
  dataset: string,
  name: string,
  attributes: SampleAttributesFor<T>,
  params: AddSampleParams<T> = {},
  options?: RequestOptions,
): APIPromise<Sample> {
  const compress = params.enable_compression ?? true;
  return call(
    options,
    (init) => {
      const path = parseDatasetIdentifier(dataset);
      const { enable_compression: _, taskType, ...fields } = params;
      const body = checkedSample(
        definedOnly({ name, attributes, priority: 0, readme: "", ...definedOnly(fields) }),
        "sample",
        taskType,
      );
      return ctx.api.POST("/datasets/{owner}/{dataset}/samples/", { ...init, params: { path }, body });
    },
    { compress },
  );
}

/** Combines the caller's signal with one that cancels the remaining batches once a batch has failed. */
function batchSignal(userSignal: AbortSignal | undefined, internal: AbortController): AbortSignal {
  return userSignal ? AbortSignal.any([userSignal, internal.signal]) : internal.signal;
}

export async function addSamples<T extends TaskType = TaskType>(
  ctx: Context,
  dataset: string,
  samples: readonly SampleCreateFor<T>[],
  params: AddSamplesParams<T> = {},
  options: RequestOptions = {},
): Promise<Sample[]> {
  const path = parseDatasetIdentifier(dataset);
  if (!Array.isArray(samples)) throw new ValidationError("samples", "expected an array of samples.");
  const batchSize = requireInteger(params.batchSize ?? 1000, "batchSize", 1, 10_000);
  const concurrency = requireInteger(params.concurrency ?? 4, "concurrency", 1, 64);
  // Checked now: a non-function `onProgress` would throw after the first batch was created, mid-ingest.
  if (params.onProgress !== undefined && typeof params.onProgress !== "function") {
    throw new ValidationError("onProgress", "expected a function, called after each batch.");
  }
  requireRequestOptions(options);
  const bodies = samples.map((sample, i) => checkedSample(sample, `samples[${i}]`, params.taskType));
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
          ctx.api.POST("/datasets/{owner}/{dataset}/samples_bulk/", { ...init, params: { path }, body }),
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

export function updateSample(
  ctx: Context,
  uuid: string,
  params: UpdateSampleParams,
  options?: RequestOptions,
): APIPromise<Sample> {
  const { enable_compression, ...fields } = params;
  return call(
    options,
    (init) => {
      const path = { sample_uuid: pathSegment(uuid, "uuid") };
      const body = definedOnly({ ...fields });
      // A new name must not be empty, like the name given at creation.
      if (body.name !== undefined) requireString(body.name, "name");
      if (body.attributes !== undefined) checkSampleAttributes(body.attributes);
      checkSampleFields(body, "");
      return ctx.api.PATCH("/samples/{sample_uuid}/", { ...init, params: { path }, body });
    },
    { compress: enable_compression ?? true },
  );
}

export function deleteSample(ctx: Context, uuid: string, options?: RequestOptions): APIPromise<void> {
  return call(options, (init) =>
    ctx.api.DELETE("/samples/{sample_uuid}/", {
      ...init,
      params: { path: { sample_uuid: pathSegment(uuid, "uuid") } },
    }),
  );
}

export function deleteSamples(
  ctx: Context,
  dataset: string,
  uuids: readonly string[],
  options?: RequestOptions,
): APIPromise<DeleteSamplesResponse> {
  return call(options, (init) => {
    const path = parseDatasetIdentifier(dataset);
    if (!Array.isArray(uuids) || uuids.length < 1 || uuids.length > 1000) {
      throw new ValidationError("uuids", "pass between 1 and 1000 sample uuids (split larger deletions).");
    }
    const body = { uuids: uuids.map((uuid, i) => requireString(uuid, `uuids[${i}]`)) };
    return ctx.api.DELETE("/datasets/{owner}/{dataset}/samples_bulk/", { ...init, params: { path }, body });
  });
}
