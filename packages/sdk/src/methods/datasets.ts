/** Datasets: methods of `SegmentsClient`, each with its request, and the Python SDK's dataset defaults. */
import { TASK_TYPES as API_TASK_TYPES, type OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { TASK_TYPES } from "../core/attributes.js";
import { call } from "../core/context.js";
import { ValidationError } from "../core/errors.js";
import { datasetName, parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import {
  definedOnly,
  requireBoolean,
  requireFinite,
  requireOneOf,
  requirePage,
  requirePerPage,
  requireRequestOptions,
} from "../core/validate.js";
import type { Dataset, DatasetCreate, DatasetUpdate, TaskType } from "../types.js";
import { contextOf } from "./base.js";
import { UserMethods } from "./users.js";

/** Options of `getDatasets`. */
export interface GetDatasetsParams {
  /** List this user's (or organization's) datasets instead of your own. */
  user?: string;
  /** Page size, 1..1000 (default 1000). */
  per_page?: number;
  /** 1-based page number (default 1). */
  page?: number;
}

/** The Python SDK's argument names that differ from the API's keys. */
interface PythonDatasetArguments {
  /**
   * The Python SDK's name for `enable_confirm_on_submit` (its argument kept the old name when the API key was
   * renamed): accepted so ported code works, and sent as `enable_confirm_on_submit`.
   */
  enable_confirm_on_commit?: boolean;
}

/** Settings of `addDataset`: every `DatasetCreate` field except `name`, plus the owning organization. */
export interface AddDatasetParams extends Omit<DatasetCreate, "name">, PythonDatasetArguments {
  /** Create the dataset in this organization (you must be one of its admins). */
  organization?: string;
}

/** Settings of `updateDataset`: the `DatasetUpdate` fields to change. */
export interface UpdateDatasetParams extends DatasetUpdate, PythonDatasetArguments {}

/** Renames the Python SDK's `enable_confirm_on_commit` to the API's key; both at once must agree. */
function withApiNames<T extends PythonDatasetArguments & { enable_confirm_on_submit?: boolean }>(
  settings: T,
): Omit<T, "enable_confirm_on_commit"> {
  const { enable_confirm_on_commit: onCommit, ...rest } = settings;
  if (onCommit === undefined) return rest;
  requireBoolean(onCommit, "enable_confirm_on_commit");
  if (rest.enable_confirm_on_submit !== undefined && rest.enable_confirm_on_submit !== onCommit) {
    throw new ValidationError(
      "enable_confirm_on_commit",
      "contradicts `enable_confirm_on_submit` (the same setting): pass only one of them.",
    );
  }
  return { ...rest, enable_confirm_on_submit: onCommit };
}

/** Options of `cloneDataset`, with the Python SDK's argument names. */
export interface CloneDatasetParams {
  /** Name of the clone (default: `<name>-clone`). */
  new_name?: string;
  new_task_type?: TaskType;
  new_public?: boolean;
  /** Owner of the clone (an organization you administer). */
  organization?: string;
  /** Copy the labels too (default false). */
  clone_labels?: boolean;
}

/** The Python SDK's defaults for a new dataset; `task_attributes` gets one "object" category. */
const DATASET_DEFAULTS = {
  description: "",
  task_type: "segmentation-bitmap",
  category: "other",
  public: false,
  readme: "",
  labeling_inactivity_timeout_seconds: 300,
  enable_skip_labeling: true,
  enable_skip_reviewing: false,
  enable_ratings: false,
  enable_interpolation: true,
  enable_same_dimensions_track_constraint: false,
  enable_save_button: false,
  enable_label_status_verified: false,
  enable_3d_cuboid_rotation: false,
  enable_confirm_on_submit: false,
  archived: false,
  enable_3d_region_of_interest: false,
} as const satisfies Partial<DatasetCreate>;

/**
 * Checks the settings shared by `addDataset` and `updateDataset` whose bad values the API would not see as such:
 * an unknown task type, and a NaN or Infinity timeout, which JSON turns into `null`.
 */
function checkDatasetSettings(settings: DatasetUpdate): void {
  if (settings.task_type !== undefined) requireOneOf(settings.task_type, "task_type", TASK_TYPES);
  if (settings.labeling_inactivity_timeout_seconds !== undefined) {
    requireFinite(settings.labeling_inactivity_timeout_seconds, "labeling_inactivity_timeout_seconds");
  }
}

function defaultTaskAttributes(): NonNullable<DatasetCreate["task_attributes"]> {
  return { format_version: "0.1", categories: [{ id: 1, name: "object" }] };
}

/** Datasets; a layer of {@link SegmentsClient}, the class to use. */
export class DatasetMethods extends UserMethods {
  /**
   * Lists one page of datasets: yours, or those of `user`. See {@link SegmentsClient.iterDatasets} for all pages.
   *
   * @example
   * ```ts
   * const mine = await client.getDatasets();
   * const theirs = await client.getDatasets({ user: "jane", per_page: 50, page: 2 });
   * ```
   */
  getDatasets(params: GetDatasetsParams = {}, options?: RequestOptions): APIPromise<Dataset[]> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const query = {
        per_page: requirePerPage(params.per_page ?? 1000),
        page: requirePage(params.page ?? 1),
      };
      if (params.user === undefined) return api.GET("/user/datasets/", { ...init, params: { query } });
      const path = { user: pathSegment(params.user, "user") };
      return api.GET("/users/{user}/datasets/", { ...init, params: { path, query } });
    });
  }

  /**
   * Iterates over every dataset (yours, or those of `user`), fetching pages as needed.
   *
   * @example
   * ```ts
   * for await (const dataset of client.iterDatasets()) console.log(dataset.full_name);
   * const all = await client.iterDatasets({ user: "jane" }).toArray();
   * ```
   */
  iterDatasets(
    params: Omit<GetDatasetsParams, "page"> = {},
    options?: RequestOptions,
  ): PageIterator<Dataset> {
    // Validate up front, not at the first `next()`.
    const perPage = requirePerPage(params.per_page ?? 1000);
    if (params.user !== undefined) pathSegment(params.user, "user");
    requireRequestOptions(options);
    return new PageIterator((page, per_page) => this.getDatasets({ ...params, page, per_page }, options), {
      perPage,
    });
  }

  /**
   * Gets a dataset by its `owner/name` identifier.
   *
   * @example
   * ```ts
   * const dataset = await client.getDataset("jane/flowers");
   * ```
   */
  getDataset(dataset: string, options?: RequestOptions): APIPromise<Dataset> {
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/", { ...init, params: { path: parseDatasetIdentifier(dataset) } }),
    );
  }

  /**
   * Creates a dataset, with the Python SDK's defaults (`segmentation-bitmap`, one "object" category, ...).
   * Pass `organization` to create it in an organization.
   *
   * @example
   * ```ts
   * const dataset = await client.addDataset("flowers", { task_type: "bboxes", description: "Roses" });
   * ```
   */
  addDataset(name: string, params: AddDatasetParams = {}, options?: RequestOptions): APIPromise<Dataset> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const { organization, ...fields } = params;
      const body: DatasetCreate = {
        ...DATASET_DEFAULTS,
        task_attributes: defaultTaskAttributes(),
        ...withApiNames(definedOnly(fields)),
        name: datasetName(name, "name"),
        data_type: "IMAGE",
      } as DatasetCreate;
      checkDatasetSettings(body);
      if (organization === undefined) return api.POST("/user/datasets/", { ...init, body });
      const path = { organization: pathSegment(organization, "organization") };
      return api.POST("/organizations/{organization}/datasets/", { ...init, params: { path }, body });
    });
  }

  /**
   * Changes dataset settings; only the given fields are sent.
   *
   * @example
   * ```ts
   * await client.updateDataset("jane/flowers", { description: "Roses and tulips", public: true });
   * ```
   */
  updateDataset(dataset: string, params: UpdateDatasetParams, options?: RequestOptions): APIPromise<Dataset> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const body = withApiNames(definedOnly({ ...params }));
      checkDatasetSettings(body);
      const path = parseDatasetIdentifier(dataset);
      return api.PATCH("/datasets/{owner}/{dataset}/", { ...init, params: { path }, body });
    });
  }

  /**
   * Deletes a dataset.
   *
   * @example
   * ```ts
   * await client.deleteDataset("jane/flowers");
   * ```
   */
  deleteDataset(dataset: string, options?: RequestOptions): APIPromise<void> {
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/datasets/{owner}/{dataset}/", {
        ...init,
        params: { path: parseDatasetIdentifier(dataset) },
      }),
    );
  }

  /**
   * Clones a dataset (default name `<name>-clone`, labels not copied unless `clone_labels`).
   *
   * @example
   * ```ts
   * const copy = await client.cloneDataset("jane/flowers", { new_name: "flowers-v2", clone_labels: true });
   * ```
   */
  cloneDataset(
    dataset: string,
    params: CloneDatasetParams = {},
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      const { new_task_type, new_public, organization, clone_labels } = params;
      // Every field is checked: the API answers a NaN `owner` or a string `clone_labels` with a 400 or a 500.
      const body = definedOnly({
        name: datasetName(params.new_name ?? `${path.dataset}-clone`, "new_name"),
        // The spec's list, without "": a clone always gets a task type.
        task_type:
          new_task_type === undefined
            ? undefined
            : requireOneOf(new_task_type, "new_task_type", API_TASK_TYPES),
        public: new_public === undefined ? undefined : requireBoolean(new_public, "new_public"),
        // An organization name, the same kind of name `addDataset` puts in its URL.
        owner: organization === undefined ? undefined : pathSegment(organization, "organization"),
        clone_labels: requireBoolean(clone_labels ?? false, "clone_labels"),
      });
      return api.POST("/datasets/{owner}/{dataset}/clone/", { ...init, params: { path }, body });
    });
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const DATASET_OPERATIONS = {
  listAuthenticatedUserDatasets: ["getDatasets", "iterDatasets"],
  listUserDatasets: ["getDatasets", "iterDatasets"],
  createDataset: ["addDataset"],
  createOrganizationDataset: ["addDataset"],
  getDataset: ["getDataset"],
  deleteDataset: ["deleteDataset"],
  updateDataset: ["updateDataset"],
  cloneDataset: ["cloneDataset"],
} as const satisfies Partial<Record<OperationId, readonly (keyof DatasetMethods)[]>>;
