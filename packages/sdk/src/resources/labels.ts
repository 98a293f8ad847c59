/** Labels (per sample and labelset) and labelsets. */
import { LABEL_STATUSES } from "@segments-ts/client";
import { APIPromise } from "../core/api-promise.js";
import { checkLabelAttributes } from "../core/attributes.js";
import { ValidationError } from "../core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireBoolean,
  requireFinite,
  requireObject,
  requireOneOf,
  requireRequestOptions,
  requireText,
} from "../core/validate.js";
import type { LabelAttributesFor, LabelFor, LabelStatus, Labelset, TaskType } from "../types.js";
import { transformLabelToEgoCoordinates } from "../utils/ego.js";
import { type Context, call } from "./context.js";
import { getSample } from "./samples.js";

/** Options of `getLabel` that steer the SDK (request options such as `timeout` go in the next argument). */
export interface GetLabelParams {
  /**
   * Also fetch the sample and return the label moved from world coordinates to the ego vehicle's, using each point
   * cloud frame's `ego_pose` (default false). Client-side, like the Python SDK's `transform_to_ego_coordinates`;
   * see `transformLabelToEgoCoordinates`.
   */
  transformToEgoCoordinates?: boolean;
}

const GET_LABEL_PARAMS = ["transformToEgoCoordinates"];

/**
 * Checks `getLabel`'s params. An unknown key is refused rather than ignored: request options passed third (the
 * signature before params existed) would otherwise be dropped without a word.
 */
function requireGetLabelParams(value: unknown): GetLabelParams {
  const params = requireObject(value, "params");
  for (const key of Object.keys(params)) {
    if (!GET_LABEL_PARAMS.includes(key)) {
      throw new ValidationError(
        "params",
        `unknown key ${JSON.stringify(key)} (request options such as timeout go in the fourth argument).`,
      );
    }
  }
  return params as GetLabelParams;
}

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
  params: GetLabelParams = {},
  options?: RequestOptions,
): APIPromise<LabelFor<T>> {
  let transform: boolean;
  try {
    const checked = requireGetLabelParams(params);
    transform = requireBoolean(checked.transformToEgoCoordinates ?? false, "transformToEgoCoordinates");
    requireRequestOptions(options);
  } catch (error) {
    return new APIPromise<LabelFor<T>>(Promise.reject(error));
  }
  const label = call(options, (init) =>
    ctx.api.GET("/labels/{sample_uuid}/{labelset}/", {
      ...init,
      params: { path: labelPath(sampleUuid, labelset) },
    }),
  ) as APIPromise<LabelFor<T>>;
  if (!transform) return label;
  // The label first, then the sample (like the Python SDK): an unlabeled sample fails with the label's 404 without
  // a second request. The result keeps the label's response for `withResponse()`.
  return new APIPromise(
    label.withResponse().then(async ({ data, response }) => {
      const sample = await getSample(ctx, sampleUuid, {}, options);
      return { data: transformLabelToEgoCoordinates(sample, data, { logger: ctx.logger }), response };
    }),
  );
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
