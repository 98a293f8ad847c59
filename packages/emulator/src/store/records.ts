/** Records as kept in the database (JSON columns hold the `Json` parts). Wire shapes are built in routes/serialize.ts. */
import type { ReleaseStatus, Role as SpecRole } from "../generated/enums.js";

export type Json = Record<string, unknown>;

/** A collaborator or organization role (the spec's `Role`), or `viewer`: what any user has on a public dataset. */
export type Role = "viewer" | SpecRole;

export interface UserRecord {
  username: string;
  apiKey: string | null;
  isOrganization: boolean;
  email: string | null;
  createdAt: string;
}

export interface DatasetRecord {
  id: number;
  owner: string;
  name: string;
  createdAt: string;
  /** Every other dataset field (description, task_type, task_attributes, public, enable_* flags, ...). */
  settings: Json;
}

export interface SampleRecord {
  uuid: string;
  datasetId: number;
  name: string;
  createdAt: string;
  createdBy: string;
  priority: number;
  attributes: Json;
  metadata: Json;
  readme: string;
  assignedLabeler: string | null;
  assignedReviewer: string | null;
}

export interface LabelRecord {
  sampleUuid: string;
  labelset: string;
  labelStatus: string;
  attributes: Json;
  score: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export interface LabelsetRecord {
  datasetId: number;
  name: string;
  description: string;
  createdAt: string;
}

export interface IssueRecord {
  uuid: string;
  datasetId: number;
  sampleUuid: string;
  sampleName: string;
  description: string;
  status: string;
  anchor: Json | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ReleaseRecord {
  uuid: string;
  datasetId: number;
  name: string;
  description: string;
  status: ReleaseStatus;
  url: string | null;
  createdAt: string;
  samplesCount: number;
}

export interface WorkunitRecord {
  uuid: string;
  datasetId: number;
  createdAt: string;
  createdBy: string;
  workType: string;
  sampleUuid: string;
  sampleName: string;
  nextLabelStatus: string;
  time: number;
}

export interface CollaboratorRecord {
  datasetId: number;
  username: string;
  role: Role;
  createdAt: string;
}
