/** Issues: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/transport.js";
import * as issues from "../resources/issues.js";
import type { Issue, IssueUpdate } from "../types.js";
import { contextOf } from "./base.js";
import { LabelMethods } from "./labels.js";

/** Issues; a layer of {@link SegmentsClient}, the class to use. */
export class IssueMethods extends LabelMethods {
  /**
   * Lists the issues of a dataset.
   *
   * @example
   * ```ts
   * const open = (await client.getIssues("jane/flowers")).filter((issue) => issue.status === "OPEN");
   * ```
   */
  getIssues(dataset: string, options?: RequestOptions): APIPromise<Issue[]> {
    return issues.getIssues(contextOf(this), dataset, options);
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
    return issues.addIssue(contextOf(this), sampleUuid, description, params, options);
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
    return issues.updateIssue(contextOf(this), uuid, params, options);
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
    return issues.deleteIssue(contextOf(this), uuid, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const ISSUE_OPERATIONS = {
  listIssues: ["getIssues"],
  createIssue: ["addIssue"],
  deleteIssue: ["deleteIssue"],
  updateIssue: ["updateIssue"],
} as const satisfies Partial<Record<OperationId, readonly (keyof IssueMethods)[]>>;
