/** Workunits, the labeling and reviewing sessions of a dataset: methods of `SegmentsClient`, with their requests. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { parseDatasetIdentifier } from "../core/identifiers.js";
import { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireDateTime,
  requireOneOf,
  requirePage,
  requirePerPage,
  requireRequestOptions,
} from "../core/validate.js";
import type { Workunit } from "../types.js";
import { contextOf } from "./base.js";
import { ReleaseMethods } from "./releases.js";

/** Filters of `getWorkunits` / `iterWorkunits`, with the Python SDK's names and defaults. */
export interface WorkunitFilters {
  /** Sort key (only `created_at`). */
  sort?: "created_at";
  /** Default `desc` (newest first). */
  direction?: "asc" | "desc";
  /**
   * Only workunits created at or after this time: a Date, or an ISO 8601 string `YYYY-MM-DDTHH:MM:SS(.fff)` with
   * `Z`, a `±HH:MM` offset, or no zone (read as UTC).
   */
  start?: string | Date;
  /** Only workunits created before this time (same forms as `start`). */
  end?: string | Date;
  /** Add `session_time_metrics` to each workunit. */
  include_session_time_metrics?: boolean;
  /** Page size, 1..1000 (default 1000). */
  per_page?: number;
}

/** Options of `getWorkunits`: filters plus the page to fetch. */
export interface GetWorkunitsParams extends WorkunitFilters {
  /** 1-based page number (default 1). */
  page?: number;
}

function workunitsQuery(params: GetWorkunitsParams) {
  const sort = requireOneOf(params.sort ?? "created_at", "sort", ["created_at"] as const);
  const direction = requireOneOf(params.direction ?? "desc", "direction", ["asc", "desc"] as const);
  return definedOnly({
    per_page: requirePerPage(params.per_page ?? 1000),
    page: requirePage(params.page ?? 1),
    sort: direction === "desc" ? (`-${sort}` as const) : sort,
    start: params.start === undefined ? undefined : requireDateTime(params.start, "start"),
    end: params.end === undefined ? undefined : requireDateTime(params.end, "end"),
    include_session_time_metrics: params.include_session_time_metrics ? true : undefined,
  });
}

/** Workunits; a layer of {@link SegmentsClient}, the class to use. */
export class WorkunitMethods extends ReleaseMethods {
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
    params: GetWorkunitsParams = {},
    options?: RequestOptions,
  ): APIPromise<Workunit[]> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      return api.GET("/datasets/{owner}/{dataset}/workunits/", {
        ...init,
        params: { path, query: workunitsQuery(params) },
      });
    });
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
    filters: WorkunitFilters = {},
    options?: RequestOptions,
  ): PageIterator<Workunit> {
    // Validate up front, not at the first `next()`.
    parseDatasetIdentifier(dataset);
    workunitsQuery(filters);
    requireRequestOptions(options);
    const perPage = requirePerPage(filters.per_page ?? 1000);
    return new PageIterator(
      (page, per_page) => this.getWorkunits(dataset, { ...filters, page, per_page }, options),
      { perPage },
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const WORKUNIT_OPERATIONS = {
  listWorkunits: ["getWorkunits", "iterWorkunits"],
} as const satisfies Partial<Record<OperationId, readonly (keyof WorkunitMethods)[]>>;
