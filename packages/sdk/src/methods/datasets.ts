/** Users, datasets and collaborators: methods of `SegmentsClient`, each a delegation to `src/resources/`. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import type { PageIterator } from "../core/pagination.js";
import type { RequestOptions } from "../core/transport.js";
import * as datasets from "../resources/datasets.js";
import type { Collaborator, Dataset, Role, User } from "../types.js";
import { ClientBase, contextOf } from "./base.js";

/** Users, datasets and collaborators; a layer of {@link SegmentsClient}, the class to use. */
export class DatasetMethods extends ClientBase {
  /**
   * Gets a user: yourself (`GET /user`) or another user or organization by name.
   *
   * @example
   * ```ts
   * const me = await client.getUser();
   * const jane = await client.getUser("jane");
   * ```
   */
  getUser(user?: string, options?: RequestOptions): APIPromise<User> {
    return datasets.getUser(contextOf(this), user, options);
  }

  /**
   * Lists one page of datasets: yours, or those of `user`. See {@link SegmentsClient.iterDatasets} for all pages.
   *
   * @example
   * ```ts
   * const mine = await client.getDatasets();
   * const theirs = await client.getDatasets({ user: "jane", per_page: 50, page: 2 });
   * ```
   */
  getDatasets(params?: datasets.GetDatasetsParams, options?: RequestOptions): APIPromise<Dataset[]> {
    return datasets.getDatasets(contextOf(this), params, options);
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
    params?: Omit<datasets.GetDatasetsParams, "page">,
    options?: RequestOptions,
  ): PageIterator<Dataset> {
    return datasets.iterDatasets(contextOf(this), params, options);
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
    return datasets.getDataset(contextOf(this), dataset, options);
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
  addDataset(
    name: string,
    params?: datasets.AddDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.addDataset(contextOf(this), name, params, options);
  }

  /**
   * Changes dataset settings; only the given fields are sent.
   *
   * @example
   * ```ts
   * await client.updateDataset("jane/flowers", { description: "Roses and tulips", public: true });
   * ```
   */
  updateDataset(
    dataset: string,
    params: datasets.UpdateDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.updateDataset(contextOf(this), dataset, params, options);
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
    return datasets.deleteDataset(contextOf(this), dataset, options);
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
    params?: datasets.CloneDatasetParams,
    options?: RequestOptions,
  ): APIPromise<Dataset> {
    return datasets.cloneDataset(contextOf(this), dataset, params, options);
  }

  /**
   * Gets a collaborator of a dataset.
   *
   * @example
   * ```ts
   * const { role } = await client.getDatasetCollaborator("jane/flowers", "john");
   * ```
   */
  getDatasetCollaborator(
    dataset: string,
    username: string,
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.getDatasetCollaborator(contextOf(this), dataset, username, options);
  }

  /**
   * Adds a collaborator (default role `labeler`).
   *
   * @example
   * ```ts
   * await client.addDatasetCollaborator("jane/flowers", "john", "reviewer");
   * ```
   */
  addDatasetCollaborator(
    dataset: string,
    username: string,
    role: Role = "labeler",
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.addDatasetCollaborator(contextOf(this), dataset, username, role, options);
  }

  /**
   * Changes a collaborator's role.
   *
   * @example
   * ```ts
   * await client.updateDatasetCollaborator("jane/flowers", "john", "manager");
   * ```
   */
  updateDatasetCollaborator(
    dataset: string,
    username: string,
    role: Role,
    options?: RequestOptions,
  ): APIPromise<Collaborator> {
    return datasets.updateDatasetCollaborator(contextOf(this), dataset, username, role, options);
  }

  /**
   * Removes a collaborator.
   *
   * @example
   * ```ts
   * await client.deleteDatasetCollaborator("jane/flowers", "john");
   * ```
   */
  deleteDatasetCollaborator(dataset: string, username: string, options?: RequestOptions): APIPromise<void> {
    return datasets.deleteDatasetCollaborator(contextOf(this), dataset, username, options);
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const DATASET_OPERATIONS = {
  getAuthenticatedUser: ["getUser"],
  getUser: ["getUser"],
  listAuthenticatedUserDatasets: ["getDatasets", "iterDatasets"],
  listUserDatasets: ["getDatasets", "iterDatasets"],
  createDataset: ["addDataset"],
  createOrganizationDataset: ["addDataset"],
  getDataset: ["getDataset"],
  deleteDataset: ["deleteDataset"],
  updateDataset: ["updateDataset"],
  cloneDataset: ["cloneDataset"],
  addDatasetCollaborator: ["addDatasetCollaborator"],
  getDatasetCollaborator: ["getDatasetCollaborator"],
  deleteDatasetCollaborator: ["deleteDatasetCollaborator"],
  updateDatasetCollaborator: ["updateDatasetCollaborator"],
} as const satisfies Partial<Record<OperationId, readonly (keyof DatasetMethods)[]>>;
