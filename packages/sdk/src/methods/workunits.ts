/** Workunits: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import * as workunits from "../resources/workunits.js";
import type { Workunit } from "../types.js";
import { contextOf } from "./base.js";
import { ReleaseMethods } from "./releases.js";

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
    params?: workunits.GetWorkunitsParams,
    options?: RequestOptions,
  ): APIPromise<Workunit[]> {
    return workunits.getWorkunits(contextOf(this), dataset, params, options);
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
    return workunits.iterWorkunits(contextOf(this), dataset, filters, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const WORKUNIT_OPERATIONS = {
  listWorkunits: ["getWorkunits", "iterWorkunits"],
} as const satisfies Partial<Record<OperationId, readonly (keyof WorkunitMethods)[]>>;
