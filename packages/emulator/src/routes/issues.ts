import { type Call, created, type Handler, type HandlerTable, newUuid, noContent, now, ok } from "../app.js";
import { allows } from "../auth/permissions.js";
import type { IssueStatus } from "../generated/enums.js";
import { forbidden } from "../http/errors.js";
import type { IssueRecord, Json } from "../store/records.js";
import { bodyOf, checkAccess, datasetFor, MISSING_DATASET_ID, sampleFor } from "./common.js";
import { serializeIssue } from "./serialize.js";

export const listIssues: Handler = (call) => {
  const { dataset } = datasetFor(call, "view");
  return ok(call.app.store.listIssues(dataset.id).map(serializeIssue));
};

/** Anyone who can see the sample may open an issue on it (viewers included). */
export const createIssue: Handler = (call) => {
  const { sample, dataset } = sampleFor(call, "view");
  const body = bodyOf(call);
  const timestamp = now();
  const issue: IssueRecord = {
    uuid: newUuid(),
    datasetId: dataset.id,
    sampleUuid: sample.uuid,
    sampleName: sample.name,
    description: String(body.description ?? ""),
    status: String(body.status ?? ("OPEN" satisfies IssueStatus)),
    anchor: (body.anchor ?? null) as Json | null,
    createdAt: timestamp,
    createdBy: call.user.username,
    updatedAt: timestamp,
    updatedBy: call.user.username,
  };
  call.app.store.putIssue(issue);
  return created(serializeIssue(issue));
};

function issueFor(call: Call) {
  const issue = call.app.store.getIssue(String(call.params.issue_uuid));
  const dataset = call.app.store.getDatasetById(issue?.datasetId ?? MISSING_DATASET_ID);
  const standing = checkAccess(call, issue && dataset, "", "view");
  return { issue: issue as IssueRecord, standing };
}

/** Resolving (changing the status) needs the manager role; the author may edit their own description and anchor. */
export const updateIssue: Handler = (call) => {
  const { issue, standing } = issueFor(call);
  const body = bodyOf(call);
  const manages = allows(standing, "manageIssues");
  const changesStatus = typeof body.status === "string" && body.status !== issue.status;
  if ((changesStatus || issue.createdBy !== call.user.username) && !manages) throw forbidden();
  const updated: IssueRecord = {
    ...issue,
    description: typeof body.description === "string" ? body.description : issue.description,
    status: typeof body.status === "string" ? body.status : issue.status,
    anchor: "anchor" in body ? ((body.anchor ?? null) as Json | null) : issue.anchor,
    updatedAt: now(),
    updatedBy: call.user.username,
  };
  call.app.store.putIssue(updated);
  return ok(serializeIssue(updated));
};

export const deleteIssue: Handler = (call) => {
  const { issue, standing } = issueFor(call);
  if (!allows(standing, "manageIssues")) throw forbidden();
  call.app.store.deleteIssue(issue.uuid);
  return noContent();
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listIssues,
  createIssue,
  updateIssue,
  deleteIssue,
} satisfies HandlerTable;
