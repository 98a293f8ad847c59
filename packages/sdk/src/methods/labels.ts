/** Labels, one per sample and labelset: read (optionally in ego coordinates), create or replace, update, delete. */
import { LABEL_STATUSES, type OperationId } from "@segments-ts/client";
import { APIPromise } from "../core/api-promise.js";
import { checkLabelAttributes } from "../core/attributes.js";
import { call } from "../core/context.js";
import { ValidationError } from "../core/errors.js";
import { pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireBoolean,
  requireFinite,
  requireObject,
  requireOneOf,
  requireRequestOptions,
} from "../core/validate.js";
import type { LabelAttributesFor, LabelFor, LabelStatus, TaskType } from "../types.js";
import { transformLabelToEgoCoordinates } from "../utils/ego.js";
import { contextOf } from "./base.js";
import { BulkSampleMethods } from "./bulk-samples.js";

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

/** Labels; a layer of {@link SegmentsClient}, the class to use. */
export class LabelMethods extends BulkSampleMethods {
  /**
   * Gets the label of a sample in a labelset (default `ground-truth`). Give the task type to narrow the result.
   * With `{ transformToEgoCoordinates: true }` the SDK also fetches the sample and returns a copy of the label moved
   * from world to ego-vehicle coordinates with each point cloud frame's `ego_pose` (cuboid positions, yaws and
   * rotations, vector points); frames without an ego pose stay as they are, with a logged warning.
   *
   * @example
   * ```ts
   * const label = await client.getLabel<"bboxes">(uuid);
   * for (const box of label.attributes?.annotations ?? []) console.log(box.points); // attributes may be null
   *
   * const ego = await client.getLabel<"pointcloud-cuboid">(uuid, "ground-truth", { transformToEgoCoordinates: true });
   * console.log(ego.attributes?.annotations[0]?.position); // relative to the vehicle
   * ```
   */
  getLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset = "ground-truth",
    params: GetLabelParams = {},
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    const { api, logger } = contextOf(this);
    let transform: boolean;
    try {
      const checked = requireGetLabelParams(params);
      transform = requireBoolean(checked.transformToEgoCoordinates ?? false, "transformToEgoCoordinates");
      requireRequestOptions(options);
    } catch (error) {
      return new APIPromise<LabelFor<T>>(Promise.reject(error));
    }
    const label = call(options, (init) =>
      api.GET("/labels/{sample_uuid}/{labelset}/", {
        ...init,
        params: { path: labelPath(sampleUuid, labelset) },
      }),
    ) as APIPromise<LabelFor<T>>;
    if (!transform) return label;
    // The label first, then the sample (like the Python SDK): an unlabeled sample fails with the label's 404 without
    // a second request. The result keeps the label's response for `withResponse()`.
    return new APIPromise(
      label.withResponse().then(async ({ data, response }) => {
        const sample = await this.getSample(sampleUuid, {}, options);
        return { data: transformLabelToEgoCoordinates(sample, data, { logger }), response };
      }),
    );
  }

  /**
   * Creates or replaces a label (`PUT`; default status `PRELABELED`). Pass `taskType` to type-check the attributes.
   *
   * @example
   * ```ts
   * await client.addLabel(uuid, "ground-truth", {
   *   format_version: "0.1",
   *   annotations: [{ id: 1, category_id: 1, type: "bbox", points: [[10, 10], [50, 40]] }],
   * }, { taskType: "bboxes", label_status: "LABELED" });
   * ```
   */
  addLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset: string,
    attributes: LabelAttributesFor<T>,
    params: AddLabelParams<T> = {},
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    const { api } = contextOf(this);
    return call(
      options,
      (init) => {
        const path = labelPath(sampleUuid, labelset);
        const body = labelBody(attributes, { label_status: "PRELABELED", ...definedOnly({ ...params }) });
        return api.PUT("/labels/{sample_uuid}/{labelset}/", { ...init, params: { path }, body } as never);
      },
      { compress: params.enable_compression ?? true },
    ) as APIPromise<LabelFor<T>>;
  }

  /**
   * Changes a label; only the given fields are sent (no status is reset, unlike the Python resource API).
   *
   * @example
   * ```ts
   * await client.updateLabel(uuid, "ground-truth", { label_status: "REVIEWED" });
   * ```
   */
  updateLabel<T extends TaskType = TaskType>(
    sampleUuid: string,
    labelset: string,
    params: UpdateLabelParams<T>,
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    const { api } = contextOf(this);
    return call(
      options,
      (init) => {
        const path = labelPath(sampleUuid, labelset);
        const body = labelBody(params.attributes, params);
        return api.PATCH("/labels/{sample_uuid}/{labelset}/", { ...init, params: { path }, body } as never);
      },
      { compress: params.enable_compression ?? true },
    ) as APIPromise<LabelFor<T>>;
  }

  /**
   * Deletes a label.
   *
   * @example
   * ```ts
   * await client.deleteLabel(uuid, "ground-truth");
   * ```
   */
  deleteLabel(sampleUuid: string, labelset: string, options?: RequestOptions): APIPromise<void> {
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/labels/{sample_uuid}/{labelset}/", {
        ...init,
        params: { path: labelPath(sampleUuid, labelset) },
      }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const LABEL_OPERATIONS = {
  getLabel: ["getLabel"],
  putLabel: ["addLabel"],
  deleteLabel: ["deleteLabel"],
  updateLabel: ["updateLabel"],
} as const satisfies Partial<Record<OperationId, readonly (keyof LabelMethods)[]>>;
