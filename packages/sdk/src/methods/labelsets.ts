/** Labelsets: the named sets of labels of a dataset (`ground-truth`, model predictions...). */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { requireText } from "../core/validate.js";
import type { Labelset } from "../types.js";
import { contextOf } from "./base.js";
import { LabelMethods } from "./labels.js";

function labelsetPath(dataset: string, name: string) {
  return { ...parseDatasetIdentifier(dataset), labelset: pathSegment(name, "name") };
}

/** Labelsets; a layer of {@link SegmentsClient}, the class to use. */
export class LabelsetMethods extends LabelMethods {
  /**
   * Lists the labelsets of a dataset.
   *
   * @example
   * ```ts
   * const names = (await client.getLabelsets("jane/flowers")).map((l) => l.name);
   * ```
   */
  getLabelsets(dataset: string, options?: RequestOptions): APIPromise<Labelset[]> {
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/labelsets/", {
        ...init,
        params: { path: parseDatasetIdentifier(dataset) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/labelsets/{labelset}/", {
        ...init,
        params: { path: labelsetPath(dataset, name) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      // The Python SDK sends `attributes` as the JSON string "{}"; the API requires the key.
      const body = {
        name: pathSegment(name, "name"),
        description: requireText(description, "description"),
        attributes: "{}",
      };
      return api.POST("/datasets/{owner}/{dataset}/labelsets/", { ...init, params: { path }, body });
    });
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/datasets/{owner}/{dataset}/labelsets/{labelset}/", {
        ...init,
        params: { path: labelsetPath(dataset, name) },
      }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const LABELSET_OPERATIONS = {
  listLabelsets: ["getLabelsets"],
  createLabelset: ["addLabelset"],
  getLabelset: ["getLabelset"],
  deleteLabelset: ["deleteLabelset"],
} as const satisfies Partial<Record<OperationId, readonly (keyof LabelsetMethods)[]>>;
