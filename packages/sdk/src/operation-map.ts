/**
 * Which `SegmentsClient` methods send each operation of the API spec. An operation added to the spec is a compile
 * error here until a file of src/methods/ maps it to a method or it is excluded below with a reason;
 * test/operation-map.test.ts checks the methods exist, and scripts/parity-table.ts renders the README's parity
 * table from this map.
 */
import type { OperationId } from "@segments-ts/client";
import type { SegmentsClient } from "./client.js";
import { ASSET_OPERATIONS } from "./methods/assets.js";
import { BULK_SAMPLE_OPERATIONS } from "./methods/bulk-samples.js";
import { COLLABORATOR_OPERATIONS } from "./methods/collaborators.js";
import { DATASET_OPERATIONS } from "./methods/datasets.js";
import { ISSUE_OPERATIONS } from "./methods/issues.js";
import { LABEL_OPERATIONS } from "./methods/labels.js";
import { LABELSET_OPERATIONS } from "./methods/labelsets.js";
import { RELEASE_OPERATIONS } from "./methods/releases.js";
import { SAMPLE_OPERATIONS } from "./methods/samples.js";
import { USER_OPERATIONS } from "./methods/users.js";
import { WORKUNIT_OPERATIONS } from "./methods/workunits.js";

/** The name of a method of `SegmentsClient`. */
export type SegmentsClientMethod = {
  [K in keyof SegmentsClient]: SegmentsClient[K] extends (...args: never[]) => unknown ? K : never;
}[keyof SegmentsClient];

/**
 * Every API operation (by operationId) that `SegmentsClient` sends, with the methods that send it. Each entry is
 * declared next to its methods, in src/methods/.
 *
 * @example
 * ```ts
 * import { OPERATION_METHODS } from "@segments-ts/sdk";
 *
 * OPERATION_METHODS.listSamples; // ["getSamples", "iterSamples"]
 * ```
 */
export const OPERATION_METHODS = {
  ...USER_OPERATIONS,
  ...DATASET_OPERATIONS,
  ...COLLABORATOR_OPERATIONS,
  ...SAMPLE_OPERATIONS,
  ...BULK_SAMPLE_OPERATIONS,
  ...LABEL_OPERATIONS,
  ...LABELSET_OPERATIONS,
  ...ISSUE_OPERATIONS,
  ...RELEASE_OPERATIONS,
  ...WORKUNIT_OPERATIONS,
  ...ASSET_OPERATIONS,
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
