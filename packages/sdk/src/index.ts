/**
 * `@segments-ts/sdk`: the friendly Segments.ai client.
 *
 * @example
 * ```ts
 * import { SegmentsClient, NotFoundError } from "@segments-ts/sdk";
 *
 * const client = new SegmentsClient({ apiKey: process.env.SEGMENTS_API_KEY });
 * try {
 *   const dataset = await client.getDataset("jane/flowers");
 * } catch (error) {
 *   if (error instanceof NotFoundError) console.log("no such dataset");
 * }
 * ```
 */
// The API's closed lists, generated from the spec in @segments-ts/client.
export { INPUT_TYPES, ISSUE_STATUSES, LABEL_STATUSES, RELEASE_STATUSES, ROLES } from "@segments-ts/client";
export { DEFAULT_API_URL, SegmentsClient, type SegmentsClientOptions } from "./client.js";
export { APIPromise, type WithResponse } from "./core/api-promise.js";
export { TASK_TYPES } from "./core/attributes.js";
export {
  AlreadyExistsError,
  APIConnectionError,
  APIError,
  type APIErrorInit,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  CollaboratorError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  // The Python SDK's names for the same errors.
  PermissionDeniedError as AuthorizationError,
  RateLimitError,
  RateLimitError as APILimitError,
  ResponseTooLargeError,
  SegmentsError,
  SubscriptionError,
  ValidationError,
} from "./core/errors.js";
export { type DatasetRef, parseDatasetIdentifier } from "./core/identifiers.js";
export type { Logger, LogLevel } from "./core/logger.js";
export { PageIterator } from "./core/pagination.js";
export type { FetchLike, RequestOptions } from "./core/transport.js";
export type { UploadData } from "./core/upload.js";
export type { AddSamplesParams, AddSamplesProgress, SampleCreateFor } from "./methods/bulk-samples.js";
export type {
  AddDatasetParams,
  CloneDatasetParams,
  GetDatasetsParams,
  UpdateDatasetParams,
} from "./methods/datasets.js";
export type { AddIssueParams } from "./methods/issues.js";
export type { AddLabelParams, GetLabelParams, UpdateLabelParams } from "./methods/labels.js";
export { ReleaseFailedError, type WaitForReleaseOptions } from "./methods/releases.js";
export type {
  AddSampleParams,
  GetSampleParams,
  GetSamplesParams,
  SampleFilters,
  UpdateSampleParams,
} from "./methods/samples.js";
export type { GetWorkunitsParams, WorkunitFilters } from "./methods/workunits.js";
export {
  OPERATION_METHODS,
  type SegmentsClientMethod,
  UNMAPPED_OPERATIONS,
} from "./operation-map.js";
export type * from "./types.js";
export { type EgoTransformOptions, transformLabelToEgoCoordinates } from "./utils/ego.js";
