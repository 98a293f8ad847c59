import {
  type App,
  type Call,
  created,
  type Handler,
  type HandlerTable,
  newUuid,
  noContent,
  now,
  ok,
} from "../app.js";
import { allows } from "../auth/permissions.js";
import type { LabelStatus } from "../generated/enums.js";
import { ApiError, forbidden, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, LabelRecord, SampleRecord, UserRecord } from "../store/records.js";
import { bodyOf, sampleFor } from "./common.js";
import { serializeLabel } from "./serialize.js";

/** Statuses that are a review decision: setting them needs the review permission and records a review workunit. */
const REVIEW_STATUSES: ReadonlySet<string> = new Set([
  "REVIEWED",
  "REJECTED",
  "VERIFIED",
] satisfies readonly LabelStatus[]);

/** The status of a label written without one (the Python SDK's `add_label` default). */
const DEFAULT_LABEL_STATUS = "PRELABELED" satisfies LabelStatus;

interface LabelTarget {
  sample: SampleRecord;
  dataset: DatasetRecord;
  labelset: string;
}

function labelTarget(call: Call): LabelTarget & { canReview: boolean } {
  const { sample, dataset, standing } = sampleFor(call, "label");
  const labelset = String(call.params.labelset);
  if (!call.app.store.getLabelset(dataset.id, labelset)) throw notFound();
  return { sample, dataset, labelset, canReview: allows(standing, "review") };
}

function checkStatus(target: LabelTarget & { canReview: boolean }, status: string): void {
  if (REVIEW_STATUSES.has(status) && !target.canReview) throw forbidden();
  if (status === "VERIFIED" && target.dataset.settings.enable_label_status_verified !== true) {
    throw new ApiError(400, "label_status: VERIFIED requires enable_label_status_verified on the dataset.", {
      label_status: ["VERIFIED is not enabled for this dataset."],
    });
  }
}

function recordWorkunit(app: App, user: UserRecord, target: LabelTarget, status: string): void {
  app.store.insertWorkunit({
    uuid: newUuid(),
    datasetId: target.dataset.id,
    createdAt: now(),
    createdBy: user.username,
    workType: REVIEW_STATUSES.has(status) ? "review" : "label",
    sampleUuid: target.sample.uuid,
    sampleName: target.sample.name,
    nextLabelStatus: status,
    time: 1,
  });
}

/** Statuses that approve the content: a reviewer saw exactly this content. */
const APPROVED_STATUSES: ReadonlySet<string> = new Set([
  "REVIEWED",
  "VERIFIED",
] satisfies readonly LabelStatus[]);

/**
 * The status and review fields a write leaves. Someone who may not review (a labeler) can still change an approved
 * label (labeling is their permission), but the approval then no longer covers the content: the review is reset,
 * i.e. the status becomes the one they sent (never a review status, those are 403s) or LABELED, and the reviewer
 * and review time are cleared. Reference section 10: only reviewers and up review.
 */
function reviewAfterWrite(
  target: LabelTarget & { canReview: boolean },
  user: UserRecord,
  previous: LabelRecord | undefined,
  requested: string | undefined,
  timestamp: string,
): Pick<LabelRecord, "labelStatus" | "reviewedAt" | "reviewedBy"> {
  const resetsReview = !target.canReview && APPROVED_STATUSES.has(previous?.labelStatus ?? "");
  if (resetsReview)
    return {
      labelStatus: requested ?? ("LABELED" satisfies LabelStatus),
      reviewedAt: null,
      reviewedBy: null,
    };
  const status = requested ?? previous?.labelStatus ?? DEFAULT_LABEL_STATUS;
  const reviewed = REVIEW_STATUSES.has(status) && status !== previous?.labelStatus;
  return {
    labelStatus: status,
    reviewedAt: reviewed ? timestamp : (previous?.reviewedAt ?? null),
    reviewedBy: reviewed ? user.username : (previous?.reviewedBy ?? null),
  };
}

/** Stores a label (and, when the emulator records them, its workunit) in one transaction. */
function saveLabel(
  app: App,
  user: UserRecord,
  target: LabelTarget & { canReview: boolean },
  previous: LabelRecord | undefined,
  body: Json,
) {
  const timestamp = now();
  const requested = typeof body.label_status === "string" ? body.label_status : undefined;
  const label: LabelRecord = {
    sampleUuid: target.sample.uuid,
    labelset: target.labelset,
    ...reviewAfterWrite(target, user, previous, requested, timestamp),
    attributes: (body.attributes ?? previous?.attributes ?? {}) as Json,
    score: typeof body.score === "number" ? body.score : "score" in body ? null : (previous?.score ?? null),
    createdAt: previous?.createdAt ?? timestamp,
    createdBy: previous?.createdBy ?? user.username,
    updatedAt: timestamp,
    updatedBy: user.username,
  };
  app.store.transaction(() => {
    app.store.putLabel(label, target.dataset.id);
    if (app.settings.recordWorkunits) recordWorkunit(app, user, target, label.labelStatus);
  });
  return label;
}

export const getLabel: Handler = (call) => {
  const { sample, dataset } = sampleFor(call, "view");
  const label = call.app.store.getLabel(sample.uuid, String(call.params.labelset));
  if (!label) throw notFound();
  return ok(serializeLabel(label, String(dataset.settings.task_type)));
};

/** PUT creates (201) or replaces (200) the label of a sample in a labelset. */
export const putLabel: Handler = (call) => {
  const target = labelTarget(call);
  const body = bodyOf(call);
  const taskType = String(target.dataset.settings.task_type);
  call.app.taskTypes.checkLabel(taskType, body.attributes);
  const status = String(body.label_status ?? DEFAULT_LABEL_STATUS);
  checkStatus(target, status);
  const previous = call.app.store.getLabel(target.sample.uuid, target.labelset);
  const label = saveLabel(call.app, call.user, target, previous, {
    ...body,
    label_status: status,
    score: body.score ?? null,
  });
  const wire = serializeLabel(label, taskType);
  return previous ? ok(wire) : created(wire);
};

export const updateLabel: Handler = (call) => {
  const target = labelTarget(call);
  const previous = call.app.store.getLabel(target.sample.uuid, target.labelset);
  if (!previous) throw notFound();
  const body = bodyOf(call);
  const taskType = String(target.dataset.settings.task_type);
  if ("attributes" in body) call.app.taskTypes.checkLabel(taskType, body.attributes);
  if (typeof body.label_status === "string") checkStatus(target, body.label_status);
  return ok(serializeLabel(saveLabel(call.app, call.user, target, previous, body), taskType));
};

export const deleteLabel: Handler = (call) => {
  const target = labelTarget(call);
  if (call.app.store.deleteLabel(target.sample.uuid, target.labelset) === 0) throw notFound();
  return noContent();
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  getLabel,
  putLabel,
  updateLabel,
  deleteLabel,
} satisfies HandlerTable;
