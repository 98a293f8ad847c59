/**
 * Which `SegmentsClient` methods send each operation of the API spec. An operation added to the spec is a compile
 * error here until it is mapped to a method or excluded with a reason; test/operation-map.test.ts checks the methods
 * exist, and the README's parity table is rendered from this map by scripts/parity-table.ts.
 */
import type { OperationId } from "@segments-ts/client";
import type { SegmentsClient } from "./client.js";

/** The name of a method of `SegmentsClient`. */
export type SegmentsClientMethod = {
  [K in keyof SegmentsClient]: SegmentsClient[K] extends (...args: never[]) => unknown ? K : never;
}[keyof SegmentsClient];

/**
 * Every API operation (by operationId) that `SegmentsClient` sends, with the methods that send it.
 *
 * @example
 * ```ts
 * import { OPERATION_METHODS } from "@segments-ts/sdk";
 *
 * OPERATION_METHODS.listSamples; // ["getSamples", "iterSamples"]
 * ```
 */
export const OPERATION_METHODS = {
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
  listSamples: ["getSamples", "iterSamples"],
  createSample: ["addSample"],
  createSamples: ["addSamples"],
  deleteSamples: ["deleteSamples"],
  getSample: ["getSample"],
  deleteSample: ["deleteSample"],
  updateSample: ["updateSample"],
  getLabel: ["getLabel"],
  putLabel: ["addLabel"],
  deleteLabel: ["deleteLabel"],
  updateLabel: ["updateLabel"],
  listLabelsets: ["getLabelsets"],
  createLabelset: ["addLabelset"],
  getLabelset: ["getLabelset"],
  deleteLabelset: ["deleteLabelset"],
  listIssues: ["getIssues"],
  createIssue: ["addIssue"],
  deleteIssue: ["deleteIssue"],
  updateIssue: ["updateIssue"],
  listReleases: ["getReleases"],
  createRelease: ["addRelease"],
  getRelease: ["getRelease", "waitForRelease"],
  deleteRelease: ["deleteRelease"],
  listWorkunits: ["getWorkunits", "iterWorkunits"],
  createAsset: ["uploadAsset"],
} as const satisfies Partial<Record<OperationId, readonly SegmentsClientMethod[]>>;

/**
 * Operations `SegmentsClient` deliberately has no method for, each with the reason. An operation is either here or
 * in {@link OPERATION_METHODS}, never both, never neither.
 */
export const UNMAPPED_OPERATIONS = {
  // The Python SDK calls it once in its constructor to check the key; SegmentsClient sends nothing until the first
  // call, and `getUser()` checks a key with a useful answer.
  getApiStatus: "checked by the Python SDK's constructor; use `getUser()` to check a key",
} as const satisfies Partial<Record<OperationId, string>>;

// Every operationId is in exactly one of the two tables: a new spec operation fails to compile here.
type Mapped = keyof typeof OPERATION_METHODS | keyof typeof UNMAPPED_OPERATIONS;
const everyOperationAccountedFor: Record<Exclude<OperationId, Mapped>, never> = {};
const noOperationInBoth: Record<
  Extract<keyof typeof OPERATION_METHODS, keyof typeof UNMAPPED_OPERATIONS>,
  never
> = {};
void everyOperationAccountedFor;
void noOperationInBoth;
