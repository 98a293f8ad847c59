/** Issues attached to samples. */
import { ISSUE_STATUSES } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { definedOnly, requireOneOf, requireString } from "../core/validate.js";
import type { Issue, IssueAnchor, IssueStatus, IssueUpdate } from "../types.js";
import { type Context, call } from "./context.js";

/** Optional fields of `addIssue`. */
export interface AddIssueParams {
  /** Default `OPEN`. */
  status?: IssueStatus;
  /** What the issue points at (a location, a track, a scene attribute). */
  anchor?: IssueAnchor;
}

export function getIssues(ctx: Context, dataset: string, options?: RequestOptions): APIPromise<Issue[]> {
  return call(options, (init) =>
    ctx.api.GET("/datasets/{owner}/{dataset}/issues/", {
      ...init,
      params: { path: parseDatasetIdentifier(dataset) },
    }),
  );
}

export function addIssue(
  ctx: Context,
  sampleUuid: string,
  description: string,
  params: AddIssueParams = {},
  options?: RequestOptions,
): APIPromise<Issue> {
  return call(options, (init) => {
    const path = { sample_uuid: pathSegment(sampleUuid, "sample_uuid") };
    const body = definedOnly({
      description: requireString(description, "description"),
      status: requireOneOf(params.status ?? "OPEN", "status", ISSUE_STATUSES),
      anchor: params.anchor,
    });
    return ctx.api.POST("/samples/{sample_uuid}/issues/", { ...init, params: { path }, body });
  });
}

export function updateIssue(
  ctx: Context,
  uuid: string,
  params: IssueUpdate,
  options?: RequestOptions,
): APIPromise<Issue> {
  return call(options, (init) => {
    const path = { issue_uuid: pathSegment(uuid, "uuid") };
    const body = definedOnly({ ...params });
    // The same rules as `addIssue`: a description cannot be emptied, the status is OPEN or CLOSED.
    if (body.description !== undefined) requireString(body.description, "description");
    if (body.status !== undefined) requireOneOf(body.status, "status", ISSUE_STATUSES);
    return ctx.api.PATCH("/issues/{issue_uuid}/", { ...init, params: { path }, body });
  });
}

export function deleteIssue(ctx: Context, uuid: string, options?: RequestOptions): APIPromise<void> {
  return call(options, (init) =>
    ctx.api.DELETE("/issues/{issue_uuid}/", {
      ...init,
      params: { path: { issue_uuid: pathSegment(uuid, "uuid") } },
    }),
  );
}
