/** Samples, one at a time: list (paged and auto-paged), read, create, update and delete. */
import { LABEL_STATUSES, type OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { checkSampleAttributes } from "../core/attributes.js";
import { call } from "../core/context.js";
import { ValidationError } from "../core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireFinite,
  requireObject,
  requireOneOf,
  requirePage,
  requirePerPage,
  requireRequestOptions,
  requireString,
  requireText,
} from "../core/validate.js";
import type {
  LabelStatus,
  Sample,
  SampleAttributesFor,
  SampleCreate,
  SampleUpdate,
  TaskType,
} from "../types.js";
import { contextOf } from "./base.js";
import { CollaboratorMethods } from "./collaborators.js";

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

/**
 * Validates one sample and returns a copy (the caller's object is never mutated). Shared with `addSamples`
 * (bulk-samples.ts).
 */
export function checkedSample(sample: unknown, argument: string, taskType?: string): SampleCreate {
  const object = requireObject(sample, argument);
  requireString(object.name, `${argument}.name`);
  checkSampleAttributes(object.attributes, taskType);
  checkSampleFields(object, `${argument}.`);
  return { ...object } as SampleCreate;
}

/** Samples, one at a time; a layer of {@link SegmentsClient}, the class to use. */
export class SampleMethods extends CollaboratorMethods {
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
  getSamples(dataset: string, params: GetSamplesParams = {}, options?: RequestOptions): APIPromise<Sample[]> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      const query = samplesQuery(params);
      return api.GET("/datasets/{owner}/{dataset}/samples/", { ...init, params: { path, query } });
    });
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
  iterSamples(dataset: string, filters: SampleFilters = {}, options?: RequestOptions): PageIterator<Sample> {
    // Validate up front, not at the first `next()`.
    const perPage = requirePerPage(filters.per_page ?? 1000);
    samplesQuery(filters);
    parseDatasetIdentifier(dataset);
    requireRequestOptions(options);
    return new PageIterator(
      (page, per_page) => this.getSamples(dataset, { ...filters, page, per_page }, options),
      { perPage },
    );
  }

  /**
   * Gets a sample, optionally with its label from a labelset and signed URLs.
   *
   * @example
   * ```ts
   * const sample = await client.getSample(uuid, { labelset: "ground-truth", include_signed_url: true });
   * ```
   */
  getSample(uuid: string, params: GetSampleParams = {}, options?: RequestOptions): APIPromise<Sample> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = { sample_uuid: pathSegment(uuid, "uuid") };
      const query = definedOnly({
        labelset: params.labelset === undefined ? undefined : requireString(params.labelset, "labelset"),
        include_signed_urls: params.include_signed_url ? (1 as const) : undefined,
      });
      return api.GET("/samples/{sample_uuid}/", { ...init, params: { path, query } });
    });
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
    params: AddSampleParams<T> = {},
    options?: RequestOptions,
  ): APIPromise<Sample> {
    const { api } = contextOf(this);
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
        return api.POST("/datasets/{owner}/{dataset}/samples/", { ...init, params: { path }, body });
      },
      { compress },
    );
  }

  /**
   * Changes a sample; only the given fields are sent. `assigned_labeler: null` unassigns.
   *
   * @example
   * ```ts
   * await client.updateSample(uuid, { priority: 5, assigned_labeler: null });
   * ```
   */
  updateSample(uuid: string, params: UpdateSampleParams, options?: RequestOptions): APIPromise<Sample> {
    const { api } = contextOf(this);
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
        return api.PATCH("/samples/{sample_uuid}/", { ...init, params: { path }, body });
      },
      { compress: enable_compression ?? true },
    );
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/samples/{sample_uuid}/", {
        ...init,
        params: { path: { sample_uuid: pathSegment(uuid, "uuid") } },
      }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const SAMPLE_OPERATIONS = {
  listSamples: ["getSamples", "iterSamples"],
  createSample: ["addSample"],
  getSample: ["getSample"],
  deleteSample: ["deleteSample"],
  updateSample: ["updateSample"],
} as const satisfies Partial<Record<OperationId, readonly (keyof SampleMethods)[]>>;
