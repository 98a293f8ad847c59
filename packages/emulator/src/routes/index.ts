import type { Handler } from "../app.js";
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

/** Handlers keyed by the spec's operationId. */
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

/**
 * The fixed wire contract (method, path, operationId). Routes come from the spec; this table only fills in an
 * operation the spec does not (yet) declare, so such an operation still works, without request validation.
 */
export const KNOWN_ROUTES: [string, string, string][] = [
  ["GET", "/api_status/", "getApiStatus"],
  ["GET", "/user", "getAuthenticatedUser"],
  ["GET", "/users/{user}", "getUser"],
  ["GET", "/user/datasets/", "listAuthenticatedUserDatasets"],
  ["POST", "/user/datasets/", "createDataset"],
  ["GET", "/users/{user}/datasets/", "listUserDatasets"],
  ["POST", "/organizations/{organization}/datasets/", "createOrganizationDataset"],
  ["GET", "/datasets/{owner}/{dataset}/", "getDataset"],
  ["PATCH", "/datasets/{owner}/{dataset}/", "updateDataset"],
  ["DELETE", "/datasets/{owner}/{dataset}/", "deleteDataset"],
  ["POST", "/datasets/{owner}/{dataset}/clone/", "cloneDataset"],
  ["POST", "/datasets/{owner}/{dataset}/collaborators/", "addDatasetCollaborator"],
  ["GET", "/datasets/{owner}/{dataset}/collaborators/{username}", "getDatasetCollaborator"],
  ["PATCH", "/datasets/{owner}/{dataset}/collaborators/{username}", "updateDatasetCollaborator"],
  ["DELETE", "/datasets/{owner}/{dataset}/collaborators/{username}", "deleteDatasetCollaborator"],
  ["GET", "/datasets/{owner}/{dataset}/samples/", "listSamples"],
  ["POST", "/datasets/{owner}/{dataset}/samples/", "createSample"],
  ["POST", "/datasets/{owner}/{dataset}/samples_bulk/", "createSamples"],
  ["DELETE", "/datasets/{owner}/{dataset}/samples_bulk/", "deleteSamples"],
  ["GET", "/samples/{sample_uuid}/", "getSample"],
  ["PATCH", "/samples/{sample_uuid}/", "updateSample"],
  ["DELETE", "/samples/{sample_uuid}/", "deleteSample"],
  ["GET", "/labels/{sample_uuid}/{labelset}/", "getLabel"],
  ["PUT", "/labels/{sample_uuid}/{labelset}/", "putLabel"],
  ["PATCH", "/labels/{sample_uuid}/{labelset}/", "updateLabel"],
  ["DELETE", "/labels/{sample_uuid}/{labelset}/", "deleteLabel"],
  ["GET", "/datasets/{owner}/{dataset}/labelsets/", "listLabelsets"],
  ["POST", "/datasets/{owner}/{dataset}/labelsets/", "createLabelset"],
  ["GET", "/datasets/{owner}/{dataset}/labelsets/{labelset}/", "getLabelset"],
  ["DELETE", "/datasets/{owner}/{dataset}/labelsets/{labelset}/", "deleteLabelset"],
  ["GET", "/datasets/{owner}/{dataset}/issues/", "listIssues"],
  ["POST", "/samples/{sample_uuid}/issues/", "createIssue"],
  ["PATCH", "/issues/{issue_uuid}/", "updateIssue"],
  ["DELETE", "/issues/{issue_uuid}/", "deleteIssue"],
  ["GET", "/datasets/{owner}/{dataset}/releases/", "listReleases"],
  ["POST", "/datasets/{owner}/{dataset}/releases/", "createRelease"],
  ["GET", "/datasets/{owner}/{dataset}/releases/{release}/", "getRelease"],
  ["DELETE", "/datasets/{owner}/{dataset}/releases/{release}/", "deleteRelease"],
  ["GET", "/datasets/{owner}/{dataset}/workunits/", "listWorkunits"],
  ["POST", "/assets/", "createAsset"],
];
