import type { Handler } from "../app.js";
import { Router } from "../http/router.js";
import type { Operation } from "../validation/spec.js";
import { createAsset } from "./assets.js";
import * as collaborators from "./collaborators.js";
import * as datasets from "./datasets.js";
import * as issues from "./issues.js";
import * as labels from "./labels.js";
import * as labelsets from "./labelsets.js";
import * as releases from "./releases.js";
import * as samples from "./samples.js";
import * as users from "./users.js";
import { listWorkunits } from "./workunits.js";

/**
 * Handlers keyed by the spec's operationId: the only hand-written part of the route table. Methods and paths come
 * from the spec (see {@link compileRoutes}), so adding an endpoint here means adding its operation to the spec.
 */
export const HANDLERS: Record<string, Handler> = {
  getApiStatus: users.getApiStatus,
  getAuthenticatedUser: users.getAuthenticatedUser,
  getUser: users.getUser,
  listAuthenticatedUserDatasets: datasets.listAuthenticatedUserDatasets,
  createDataset: datasets.createDataset,
  listUserDatasets: datasets.listUserDatasets,
  createOrganizationDataset: datasets.createOrganizationDataset,
  getDataset: datasets.getDataset,
  updateDataset: datasets.updateDataset,
  deleteDataset: datasets.deleteDataset,
  cloneDataset: datasets.cloneDataset,
  addDatasetCollaborator: collaborators.addDatasetCollaborator,
  getDatasetCollaborator: collaborators.getDatasetCollaborator,
  updateDatasetCollaborator: collaborators.updateDatasetCollaborator,
  deleteDatasetCollaborator: collaborators.deleteDatasetCollaborator,
  listSamples: samples.listSamples,
  createSample: samples.createSample,
  createSamples: samples.createSamples,
  deleteSamples: samples.deleteSamples,
  getSample: samples.getSample,
  updateSample: samples.updateSample,
  deleteSample: samples.deleteSample,
  getLabel: labels.getLabel,
  putLabel: labels.putLabel,
  updateLabel: labels.updateLabel,
  deleteLabel: labels.deleteLabel,
  listLabelsets: labelsets.listLabelsets,
  createLabelset: labelsets.createLabelset,
  getLabelset: labelsets.getLabelset,
  deleteLabelset: labelsets.deleteLabelset,
  listIssues: issues.listIssues,
  createIssue: issues.createIssue,
  updateIssue: issues.updateIssue,
  deleteIssue: issues.deleteIssue,
  listReleases: releases.listReleases,
  createRelease: releases.createRelease,
  getRelease: releases.getRelease,
  deleteRelease: releases.deleteRelease,
  listWorkunits,
  createAsset,
};

/** A spec operation and the handler that answers it. */
export interface RouteTarget {
  handler: Handler;
  operation: Operation;
}

/** The spec and the handlers disagree: the emulator refuses to start rather than silently miss an endpoint. */
export class RouteTableError extends Error {
  override readonly name = "RouteTableError";
}

/**
 * Builds the router from the spec's operations (method, path, operationId), each answered by the handler of its
 * operationId. Throws a {@link RouteTableError} naming every operationId that is declared twice, that has no
 * handler, or whose handler matches no operation.
 */
export function compileRoutes(
  operations: readonly Operation[],
  handlers: Readonly<Record<string, Handler>> = HANDLERS,
): Router<RouteTarget> {
  const router = new Router<RouteTarget>();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const operation of operations) {
    const { operationId, method, path } = operation;
    if (seen.has(operationId)) problems.push(`operationId ${operationId} is declared twice in the spec`);
    seen.add(operationId);
    // Own keys only: an operationId such as "toString" must not find Object.prototype's.
    const handler = Object.hasOwn(handlers, operationId) ? handlers[operationId] : undefined;
    if (handler) router.add(method, path, { handler, operation });
    else problems.push(`spec operation ${operationId} (${method} ${path}) has no handler`);
  }
  for (const operationId of Object.keys(handlers)) {
    if (!seen.has(operationId)) problems.push(`handler ${operationId} matches no operationId of the spec`);
  }
  if (problems.length > 0) {
    throw new RouteTableError(
      `the emulator's handlers (src/routes/index.ts) and the bundled spec disagree: ${problems.join("; ")}. ` +
        "Add the handler or the operation (openapi/, then pnpm generate).",
    );
  }
  return router;
}
