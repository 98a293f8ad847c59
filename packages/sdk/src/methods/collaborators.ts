/** Dataset collaborators: methods of `SegmentsClient`, each with its request. */
import { type OperationId, ROLES } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { parseDatasetIdentifier, pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import { requireOneOf } from "../core/validate.js";
import type { Collaborator, Role } from "../types.js";
import { contextOf } from "./base.js";
import { DatasetMethods } from "./datasets.js";

function collaboratorPath(dataset: string, username: string) {
  return { ...parseDatasetIdentifier(dataset), username: pathSegment(username, "username") };
}

/** Dataset collaborators; a layer of {@link SegmentsClient}, the class to use. */
export class CollaboratorMethods extends DatasetMethods {
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.GET("/datasets/{owner}/{dataset}/collaborators/{username}", {
        ...init,
        params: { path: collaboratorPath(dataset, username) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) => {
      const path = parseDatasetIdentifier(dataset);
      const body = { user: pathSegment(username, "username"), role: requireOneOf(role, "role", ROLES) };
      return api.POST("/datasets/{owner}/{dataset}/collaborators/", { ...init, params: { path }, body });
    });
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.PATCH("/datasets/{owner}/{dataset}/collaborators/{username}", {
        ...init,
        params: { path: collaboratorPath(dataset, username) },
        body: { role: requireOneOf(role, "role", ROLES) },
      }),
    );
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      api.DELETE("/datasets/{owner}/{dataset}/collaborators/{username}", {
        ...init,
        params: { path: collaboratorPath(dataset, username) },
      }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const COLLABORATOR_OPERATIONS = {
  addDatasetCollaborator: ["addDatasetCollaborator"],
  getDatasetCollaborator: ["getDatasetCollaborator"],
  deleteDatasetCollaborator: ["deleteDatasetCollaborator"],
  updateDatasetCollaborator: ["updateDatasetCollaborator"],
} as const satisfies Partial<Record<OperationId, readonly (keyof CollaboratorMethods)[]>>;
