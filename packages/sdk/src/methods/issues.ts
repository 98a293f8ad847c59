/** Issues attached to samples: methods of `SegmentsClient`, each with its request. */
import { ISSUE_STATUSES, type OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { definedOnly, requireOneOf, requireString } from "../core/validate.js";
import type { Issue, IssueAnchor, IssueStatus, IssueUpdate } from "../types.js";
import { contextOf } from "./base.js";
import { LabelsetMethods } from "./labelsets.js";

/** Optional fields of `addIssue`. */
export interface AddIssueParams {
  /** Default `OPEN`. */
  status?: IssueStatus;
  /** What the issue points at (a location, a track, a scene attribute). */
  anchor?: IssueAnchor;
}

/** Issues; a layer of {@link SegmentsClient}, the class to use. */
export class IssueMethods extends LabelsetMethods {
  /**
   * Lists the issues of a dataset.
   *
   * @example
   * ```ts
   * const open = (await client.getIssues("jane/flowers")).filter((issue) => issue.status === "OPEN");
   * ```
   */
  getIssues(dataset: string, options?: RequestOptions): APIPromise<Issue[]> {
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/issues/", {
        ...init,
        params: { path: parseDatasetIdentifier(dataset) },
      }),
    );
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
    params: AddIssueParams = {},
    options?: RequestOptions,
  ): APIPromise<Issue> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = { sample_uuid: pathSegment(sampleUuid, "sample_uuid") };
      const body = definedOnly({
        description: requireString(description, "description"),
        status: requireOneOf(params.status ?? "OPEN", "status", ISSUE_STATUSES),
        anchor: params.anchor,
      });
      return api.POST("/samples/{sample_uuid}/issues/", { ...init, params: { path }, body });
    });
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
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = { issue_uuid: pathSegment(uuid, "uuid") };
      const body = definedOnly({ ...params });
      // The same rules as `addIssue`: a description cannot be emptied, the status is OPEN or CLOSED.
      if (body.description !== undefined) requireString(body.description, "description");
      if (body.status !== undefined) requireOneOf(body.status, "status", ISSUE_STATUSES);
      return api.PATCH("/issues/{issue_uuid}/", { ...init, params: { path }, body });
    });
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/issues/{issue_uuid}/", {
        ...init,
        params: { path: { issue_uuid: pathSegment(uuid, "uuid") } },
      }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const ISSUE_OPERATIONS = {
  listIssues: ["getIssues"],
  createIssue: ["addIssue"],
  deleteIssue: ["deleteIssue"],
  updateIssue: ["updateIssue"],
} as const satisfies Partial<Record<OperationId, readonly (keyof IssueMethods)[]>>;
