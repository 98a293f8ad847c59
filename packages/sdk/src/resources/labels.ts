/** Labels (per sample and labelset) and labelsets. */
import type { APIPromise } from "../core/api-promise.js";
import { checkLabelAttributes } from "../core/attributes.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { definedOnly, requireFinite, requireOneOf, requireText } from "../core/validate.js";
import type { LabelAttributesFor, LabelFor, LabelStatus, Labelset, TaskType } from "../types.js";
import { type Context, call } from "./context.js";
import { LABEL_STATUSES } from "./samples.js";

/** Optional fields of `addLabel`. */
export interface AddLabelParams<T extends TaskType = TaskType> {
  /** Status of the label (default `PRELABELED`, like the Python SDK). */
  label_status?: LabelStatus;
  /** Confidence score of a prediction. */
  score?: number;
  /** Gzip the request body (default true). */
  enable_compression?: boolean;
  /** The dataset's task type: narrows the attributes and result types and checks the attributes' shape. */
  taskType?: T;
}

/** Fields of `updateLabel`; only the given keys change. */
export interface UpdateLabelParams<T extends TaskType = TaskType>
  extends Omit<AddLabelParams<T>, "label_status"> {
  attributes?: LabelAttributesFor<T>;
  label_status?: LabelStatus;
}

function labelPath(sampleUuid: string, labelset: string) {
  return { sample_uuid: pathSegment(sampleUuid, "sample_uuid"), labelset: pathSegment(labelset, "labelset") };
}

function labelBody(attributes: unknown, params: AddLabelParams | UpdateLabelParams) {
  if (attributes !== undefined) checkLabelAttributes(attributes, params.taskType);
  return definedOnly({
    attributes,
    label_status:
      params.label_status === undefined
        ? undefined
        : requireOneOf(params.label_status, "label_status", LABEL_STATUSES),
    score: params.score === undefined ? undefined : requireFinite(params.score, "score"),
  });
}

export function getLabel<T extends TaskType = TaskType>(
  ctx: Context,
  sampleUuid: string,
  labelset: string,
  options?: RequestOptions,
): APIPromise<LabelFor<T>> {
  return call(options, (init) =>
    ctx.api.GET("/labels/{sample_uuid}/{labelset}/", {
      ...init,
      params: { path: labelPath(sampleUuid, labelset) },
    }),
  ) as APIPromise<LabelFor<T>>;
}

export function addLabel<T extends TaskType = TaskType>(
  ctx: Context,
  sampleUuid: string,
  labelset: string,
  attributes: LabelAttributesFor<T>,
  params: AddLabelParams<T> = {},
  options?: RequestOptions,
): APIPromise<LabelFor<T>> {
  return call(
    options,
    (init) => {
      const path = labelPath(sampleUuid, labelset);
      const body = labelBody(attributes, { label_status: "PRELABELED", ...definedOnly({ ...params }) });
      return ctx.api.PUT("/labels/{sample_uuid}/{labelset}/", { ...init, params: { path }, body } as never);
    },
    { compress: params.enable_compression ?? true },
  ) as APIPromise<LabelFor<T>>;
}

export function updateLabel<T extends TaskType = TaskType>(
  ctx: Context,
  sampleUuid: string,
  labelset: string,
  params: UpdateLabelParams<T>,
  options?: RequestOptions,
): APIPromise<LabelFor<T>> {
  return call(
    options,
    (init) => {
      const path = labelPath(sampleUuid, labelset);
      const body = labelBody(params.attributes, params);
      return ctx.api.PATCH("/labels/{sample_uuid}/{labelset}/", { ...init, params: { path }, body } as never);
    },
    { compress: params.enable_compression ?? true },
  ) as APIPromise<LabelFor<T>>;
}

export function deleteLabel(
  ctx: Context,
  sampleUuid: string,
  labelset: string,
  options?: RequestOptions,
): APIPromise<void> {
  return call(options, (init) =>
    ctx.api.DELETE("/labels/{sample_uuid}/{labelset}/", {
      ...init,
      params: { path: labelPath(sampleUuid, labelset) },
    }),
  );
}

export function getLabelsets(
  ctx: Context,
  dataset: string,
  options?: RequestOptions,
): APIPromise<Labelset[]> {
  return call(options, (init) =>
    ctx.api.GET("/datasets/{owner}/{dataset}/labelsets/", {
      ...init,
      params: { path: parseDatasetIdentifier(dataset) },
    }),
  );
}

function labelsetPath(dataset: string, name: string) {
  return { ...parseDatasetIdentifier(dataset), labelset: pathSegment(name, "name") };
}

export function getLabelset(
  ctx: Context,
  dataset: string,
  name: string,
  options?: RequestOptions,
): APIPromise<Labelset> {
  return call(options, (init) =>
    ctx.api.GET("/datasets/{owner}/{dataset}/labelsets/{labelset}/", {
      ...init,
      params: { path: labelsetPath(dataset, name) },
    }),
  );
}

export function addLabelset(
  ctx: Context,
  dataset: string,
  name: string,
  description: string,
  options?: RequestOptions,
): APIPromise<Labelset> {
  return call(options, (init) => {
    const path = parseDatasetIdentifier(dataset);
    // The Python SDK sends `attributes` as the JSON string "{}"; the API requires the key.
    const body = {
      name: pathSegment(name, "name"),
      description: requireText(description, "description"),
      attributes: "{}",
    };
    return ctx.api.POST("/datasets/{owner}/{dataset}/labelsets/", { ...init, params: { path }, body });
  });
}

export function deleteLabelset(
  ctx: Context,
  dataset: string,
  name: string,
  options?: RequestOptions,
): APIPromise<void> {
  return call(options, (init) =>
    ctx.api.DELETE("/datasets/{owner}/{dataset}/labelsets/{labelset}/", {
      ...init,
      params: { path: labelsetPath(dataset, name) },
    }),
  );
}
