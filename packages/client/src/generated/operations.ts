// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.

const ApiStatus = {"type":"object"} as const;
const User = {"type":"object","required":["username","created_at","is_organization"]} as const;
const Dataset = {"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]} as const;
const Collaborator = {"type":"object","required":["user","role"]} as const;
const Sample = {"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]} as const;
const DeleteSamplesResponse = {"type":"object","required":["deleted_count"]} as const;
const Label = {"type":"object","required":["sample_uuid","label_type","label_status","labelset","created_at","created_by","updated_at"]} as const;
const Labelset = {"type":"object","required":["name","description"]} as const;
const Issue = {"type":"object","required":["uuid","description","created_at","updated_at","created_by","updated_by","status","comments","sample_uuid","sample_name"]} as const;
const Release = {"type":"object","required":["uuid","name","description","release_type","attributes","status","created_at","samples_count"]} as const;
const Workunit = {"type":"object","required":["created_at","created_by","work_type","time","inactive_time","sample_uuid","sample_name"]} as const;
const File = {"type":"object","required":["uuid","filename","url","created_at","presignedPostFields"]} as const;

/**
 * Every operation of the API by operationId: its method, path template and the shape of its 2xx JSON body
 * (`null`: no body). The SDK checks responses against `response` and maps operations to its methods.
 */
export const OPERATIONS = {
  getApiStatus: { method: "GET", path: "/api_status/", response: ApiStatus },
  getAuthenticatedUser: { method: "GET", path: "/user", response: User },
  getUser: { method: "GET", path: "/users/{user}", response: User },
  listAuthenticatedUserDatasets: { method: "GET", path: "/user/datasets/", response: { type: "array", items: Dataset } },
  createDataset: { method: "POST", path: "/user/datasets/", response: Dataset },
  listUserDatasets: { method: "GET", path: "/users/{user}/datasets/", response: { type: "array", items: Dataset } },
  createOrganizationDataset: { method: "POST", path: "/organizations/{organization}/datasets/", response: Dataset },
  getDataset: { method: "GET", path: "/datasets/{owner}/{dataset}/", response: Dataset },
  deleteDataset: { method: "DELETE", path: "/datasets/{owner}/{dataset}/", response: null },
  updateDataset: { method: "PATCH", path: "/datasets/{owner}/{dataset}/", response: Dataset },
  cloneDataset: { method: "POST", path: "/datasets/{owner}/{dataset}/clone/", response: Dataset },
  addDatasetCollaborator: { method: "POST", path: "/datasets/{owner}/{dataset}/collaborators/", response: Collaborator },
  getDatasetCollaborator: { method: "GET", path: "/datasets/{owner}/{dataset}/collaborators/{username}", response: Collaborator },
  deleteDatasetCollaborator: { method: "DELETE", path: "/datasets/{owner}/{dataset}/collaborators/{username}", response: null },
  updateDatasetCollaborator: { method: "PATCH", path: "/datasets/{owner}/{dataset}/collaborators/{username}", response: Collaborator },
  listSamples: { method: "GET", path: "/datasets/{owner}/{dataset}/samples/", response: { type: "array", items: Sample } },
  createSample: { method: "POST", path: "/datasets/{owner}/{dataset}/samples/", response: Sample },
  createSamples: { method: "POST", path: "/datasets/{owner}/{dataset}/samples_bulk/", response: { type: "array", items: Sample } },
  deleteSamples: { method: "DELETE", path: "/datasets/{owner}/{dataset}/samples_bulk/", response: DeleteSamplesResponse },
  getSample: { method: "GET", path: "/samples/{sample_uuid}/", response: Sample },
  deleteSample: { method: "DELETE", path: "/samples/{sample_uuid}/", response: null },
  updateSample: { method: "PATCH", path: "/samples/{sample_uuid}/", response: Sample },
  getLabel: { method: "GET", path: "/labels/{sample_uuid}/{labelset}/", response: Label },
  putLabel: { method: "PUT", path: "/labels/{sample_uuid}/{labelset}/", response: Label },
  deleteLabel: { method: "DELETE", path: "/labels/{sample_uuid}/{labelset}/", response: null },
  updateLabel: { method: "PATCH", path: "/labels/{sample_uuid}/{labelset}/", response: Label },
  listLabelsets: { method: "GET", path: "/datasets/{owner}/{dataset}/labelsets/", response: { type: "array", items: Labelset } },
  createLabelset: { method: "POST", path: "/datasets/{owner}/{dataset}/labelsets/", response: Labelset },
  getLabelset: { method: "GET", path: "/datasets/{owner}/{dataset}/labelsets/{labelset}/", response: Labelset },
  deleteLabelset: { method: "DELETE", path: "/datasets/{owner}/{dataset}/labelsets/{labelset}/", response: null },
  listIssues: { method: "GET", path: "/datasets/{owner}/{dataset}/issues/", response: { type: "array", items: Issue } },
  createIssue: { method: "POST", path: "/samples/{sample_uuid}/issues/", response: Issue },
  deleteIssue: { method: "DELETE", path: "/issues/{issue_uuid}/", response: null },
  updateIssue: { method: "PATCH", path: "/issues/{issue_uuid}/", response: Issue },
  listReleases: { method: "GET", path: "/datasets/{owner}/{dataset}/releases/", response: { type: "array", items: Release } },
  createRelease: { method: "POST", path: "/datasets/{owner}/{dataset}/releases/", response: Release },
  getRelease: { method: "GET", path: "/datasets/{owner}/{dataset}/releases/{release}/", response: Release },
  deleteRelease: { method: "DELETE", path: "/datasets/{owner}/{dataset}/releases/{release}/", response: null },
  listWorkunits: { method: "GET", path: "/datasets/{owner}/{dataset}/workunits/", response: { type: "array", items: Workunit } },
  createAsset: { method: "POST", path: "/assets/", response: File },
} as const;

/** The operationId of an API operation. */
export type OperationId = keyof typeof OPERATIONS;
