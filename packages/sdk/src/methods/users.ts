/** Users: methods of `SegmentsClient`, each with its request. */
import type { OperationId } from "@segments-ts/client";
import type { APIPromise } from "../core/api-promise.js";
import { call } from "../core/context.js";
import { pathSegment } from "../core/identifiers.js";
import type { RequestOptions } from "../core/transport.js";
import type { User } from "../types.js";
import { ClientBase, contextOf } from "./base.js";

/** Users; a layer of {@link SegmentsClient}, the class to use. */
export class UserMethods extends ClientBase {
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
    const { api } = contextOf(this);
    return call(options, (init) =>
      user === undefined
        ? api.GET("/user", init)
        : api.GET("/users/{user}", { ...init, params: { path: { user: pathSegment(user, "user") } } }),
    );
  }
}

/** The API operations (by operationId) these methods send; part of `OPERATION_METHODS`. */
export const USER_OPERATIONS = {
  getAuthenticatedUser: ["getUser"],
  getUser: ["getUser"],
} as const satisfies Partial<Record<OperationId, readonly (keyof UserMethods)[]>>;
