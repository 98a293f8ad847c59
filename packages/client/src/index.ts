export {
  CLIENT_VERSION,
  createSegmentsApiClient,
  DEFAULT_BASE_URL,
  type SegmentsApiClient,
  type SegmentsApiClientOptions,
} from "./client";
export * from "./generated/enums";
export type * from "./generated/models";
export { OPERATIONS, type OperationId } from "./generated/operations";
export type { components, operations, paths } from "./generated/schema";
export {
  isLabelOfTaskType,
  type LabelAttributesFor,
  type LabelFor,
  type SampleAttributesFor,
  type TaskTypeAttributes,
} from "./task-types";
