/** Labels and labelsets: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/transport.js";
import * as labels from "../resources/labels.js";
import type { LabelAttributesFor, LabelFor, Labelset, TaskType } from "../types.js";
import { contextOf } from "./base.js";
import { SampleMethods } from "./samples.js";

/** Labels and labelsets; a layer of {@link SegmentsClient}, the class to use. */
export class LabelMethods extends SampleMethods {
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
    params: labels.GetLabelParams = {},
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.getLabel<T>(contextOf(this), sampleUuid, labelset, params, options);
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
    params?: labels.AddLabelParams<T>,
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.addLabel(contextOf(this), sampleUuid, labelset, attributes, params, options);
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
    params: labels.UpdateLabelParams<T>,
    options?: RequestOptions,
  ): APIPromise<LabelFor<T>> {
    return labels.updateLabel(contextOf(this), sampleUuid, labelset, params, options);
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
    return labels.deleteLabel(contextOf(this), sampleUuid, labelset, options);
  }

  /**
   * Lists the labelsets of a dataset.
   *
   * @example
   * ```ts
   * const names = (await client.getLabelsets("jane/flowers")).map((l) => l.name);
   * ```
   */
  getLabelsets(dataset: string, options?: RequestOptions): APIPromise<Labelset[]> {
    return labels.getLabelsets(contextOf(this), dataset, options);
  }

  /**
   * Gets one labelset.
   *
   * @example
   * ```ts
   * const labelset = await client.getLabelset("jane/flowers", "predictions");
   * ```
   */
  getLabelset(dataset: string, name: string, options?: RequestOptions): APIPromise<Labelset> {
    return labels.getLabelset(contextOf(this), dataset, name, options);
  }

  /**
   * Creates a labelset.
   *
   * @example
   * ```ts
   * await client.addLabelset("jane/flowers", "predictions", "Model v3 output");
   * ```
   */
  addLabelset(
    dataset: string,
    name: string,
    description = "",
    options?: RequestOptions,
  ): APIPromise<Labelset> {
    return labels.addLabelset(contextOf(this), dataset, name, description, options);
  }

  /**
   * Deletes a labelset.
   *
   * @example
   * ```ts
   * await client.deleteLabelset("jane/flowers", "predictions");
   * ```
   */
  deleteLabelset(dataset: string, name: string, options?: RequestOptions): APIPromise<void> {
    return labels.deleteLabelset(contextOf(this), dataset, name, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const LABEL_OPERATIONS = {
  getLabel: ["getLabel"],
  putLabel: ["addLabel"],
  deleteLabel: ["deleteLabel"],
  updateLabel: ["updateLabel"],
  listLabelsets: ["getLabelsets"],
  createLabelset: ["addLabelset"],
  getLabelset: ["getLabelset"],
  deleteLabelset: ["deleteLabelset"],
} as const satisfies Partial<Record<OperationId, readonly (keyof LabelMethods)[]>>;
