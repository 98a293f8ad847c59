/**
 * Model types of the API, generated from the OpenAPI spec by `@segments-ts/client` and re-exported here so SDK users
 * need one import.
 */
export type {
  Collaborator,
  Dataset,
  File,
  Issue,
  Label,
  LabelAttributes,
  LabelAttributesFor,
  LabelFor,
  LabelStatus,
  LabelSummary,
  Labelset,
  Release,
  Role,
  Sample,
  SampleAttributes,
  SampleAttributesFor,
  TaskAttributes,
  TaskType,
  User,
  Workunit,
} from "@segments-ts/client";

import type { components } from "@segments-ts/client";

type Schemas = components["schemas"];
/** Body of `addDataset` (`POST /user/datasets/`). */
export type DatasetCreate = Schemas["DatasetCreate"];
/** Body of `updateDataset` (`PATCH /datasets/{owner}/{dataset}/`). */
export type DatasetUpdate = Schemas["DatasetUpdate"];
/** One sample of `addSamples` (`POST .../samples_bulk/`). */
export type SampleCreate = Schemas["SampleCreate"];
/** Body of `updateSample`. */
export type SampleUpdate = Schemas["SampleUpdate"];
/** Body of `updateIssue`. */
export type IssueUpdate = Schemas["IssueUpdate"];
/** Where an issue points to (a location, a track, a scene attribute...). */
export type IssueAnchor = Schemas["IssueAnchor"];
/** `OPEN` or `CLOSED`. */
export type IssueStatus = Schemas["IssueStatus"];
/** Dataset category (`other`, `street_scenery`, ...). */
export type Category = Schemas["Category"];
/** Result of `deleteSamples`. */
export type DeleteSamplesResponse = Schemas["DeleteSamplesResponse"];
