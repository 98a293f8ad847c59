// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.

/**
 * Every operation of the API by operationId: its method, path template and the shape of its 2xx JSON body
 * (`null`: no body). The SDK checks responses against `response` and maps operations to its methods.
 */
export const OPERATIONS = {
  getApiStatus: {"method":"GET","path":"/api_status/","response":{"type":"object"}},
  getAuthenticatedUser: {"method":"GET","path":"/user","response":{"type":"object","required":["username","created_at","is_organization"]}},
  getUser: {"method":"GET","path":"/users/{user}","response":{"type":"object","required":["username","created_at","is_organization"]}},
  listAuthenticatedUserDatasets: {"method":"GET","path":"/user/datasets/","response":{"type":"array","items":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}}},
  createDataset: {"method":"POST","path":"/user/datasets/","response":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}},
  listUserDatasets: {"method":"GET","path":"/users/{user}/datasets/","response":{"type":"array","items":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}}},
  createOrganizationDataset: {"method":"POST","path":"/organizations/{organization}/datasets/","response":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}},
  getDataset: {"method":"GET","path":"/datasets/{owner}/{dataset}/","response":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}},
  deleteDataset: {"method":"DELETE","path":"/datasets/{owner}/{dataset}/","response":null},
  updateDataset: {"method":"PATCH","path":"/datasets/{owner}/{dataset}/","response":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}},
  cloneDataset: {"method":"POST","path":"/datasets/{owner}/{dataset}/clone/","response":{"type":"object","required":["name","full_name","description","category","public","archived","owner","created_at","enable_ratings","enable_skip_labeling","enable_skip_reviewing","enable_save_button","enable_label_status_verified","enable_same_dimensions_track_constraint","enable_3d_region_of_interest","enable_interpolation","use_timestamps_for_interpolation","enable_object_linking","task_type","label_stats","metadata"]}},
  addDatasetCollaborator: {"method":"POST","path":"/datasets/{owner}/{dataset}/collaborators/","response":{"type":"object","required":["user","role"]}},
  getDatasetCollaborator: {"method":"GET","path":"/datasets/{owner}/{dataset}/collaborators/{username}","response":{"type":"object","required":["user","role"]}},
  deleteDatasetCollaborator: {"method":"DELETE","path":"/datasets/{owner}/{dataset}/collaborators/{username}","response":null},
  updateDatasetCollaborator: {"method":"PATCH","path":"/datasets/{owner}/{dataset}/collaborators/{username}","response":{"type":"object","required":["user","role"]}},
  listSamples: {"method":"GET","path":"/datasets/{owner}/{dataset}/samples/","response":{"type":"array","items":{"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]}}},
  createSample: {"method":"POST","path":"/datasets/{owner}/{dataset}/samples/","response":{"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]}},
  createSamples: {"method":"POST","path":"/datasets/{owner}/{dataset}/samples_bulk/","response":{"type":"array","items":{"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]}}},
  deleteSamples: {"method":"DELETE","path":"/datasets/{owner}/{dataset}/samples_bulk/","response":{"type":"object","required":["deleted_count"]}},
  getSample: {"method":"GET","path":"/samples/{sample_uuid}/","response":{"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]}},
  deleteSample: {"method":"DELETE","path":"/samples/{sample_uuid}/","response":null},
  updateSample: {"method":"PATCH","path":"/samples/{sample_uuid}/","response":{"type":"object","required":["uuid","name","metadata","created_at","created_by","priority"]}},
  getLabel: {"method":"GET","path":"/labels/{sample_uuid}/{labelset}/","response":{"type":"object","required":["sample_uuid","label_type","label_status","labelset","created_at","created_by","updated_at"]}},
  putLabel: {"method":"PUT","path":"/labels/{sample_uuid}/{labelset}/","response":{"type":"object","required":["sample_uuid","label_type","label_status","labelset","created_at","created_by","updated_at"]}},
  deleteLabel: {"method":"DELETE","path":"/labels/{sample_uuid}/{labelset}/","response":null},
  updateLabel: {"method":"PATCH","path":"/labels/{sample_uuid}/{labelset}/","response":{"type":"object","required":["sample_uuid","label_type","label_status","labelset","created_at","created_by","updated_at"]}},
  listLabelsets: {"method":"GET","path":"/datasets/{owner}/{dataset}/labelsets/","response":{"type":"array","items":{"type":"object","required":["name","description"]}}},
  createLabelset: {"method":"POST","path":"/datasets/{owner}/{dataset}/labelsets/","response":{"type":"object","required":["name","description"]}},
  getLabelset: {"method":"GET","path":"/datasets/{owner}/{dataset}/labelsets/{labelset}/","response":{"type":"object","required":["name","description"]}},
  deleteLabelset: {"method":"DELETE","path":"/datasets/{owner}/{dataset}/labelsets/{labelset}/","response":null},
  listIssues: {"method":"GET","path":"/datasets/{owner}/{dataset}/issues/","response":{"type":"array","items":{"type":"object","required":["uuid","description","created_at","updated_at","created_by","updated_by","status","comments","sample_uuid","sample_name"]}}},
  createIssue: {"method":"POST","path":"/samples/{sample_uuid}/issues/","response":{"type":"object","required":["uuid","description","created_at","updated_at","created_by","updated_by","status","comments","sample_uuid","sample_name"]}},
  deleteIssue: {"method":"DELETE","path":"/issues/{issue_uuid}/","response":null},
  updateIssue: {"method":"PATCH","path":"/issues/{issue_uuid}/","response":{"type":"object","required":["uuid","description","created_at","updated_at","created_by","updated_by","status","comments","sample_uuid","sample_name"]}},
  listReleases: {"method":"GET","path":"/datasets/{owner}/{dataset}/releases/","response":{"type":"array","items":{"type":"object","required":["uuid","name","description","release_type","attributes","status","created_at","samples_count"]}}},
  createRelease: {"method":"POST","path":"/datasets/{owner}/{dataset}/releases/","response":{"type":"object","required":["uuid","name","description","release_type","attributes","status","created_at","samples_count"]}},
  getRelease: {"method":"GET","path":"/datasets/{owner}/{dataset}/releases/{release}/","response":{"type":"object","required":["uuid","name","description","release_type","attributes","status","created_at","samples_count"]}},
  deleteRelease: {"method":"DELETE","path":"/datasets/{owner}/{dataset}/releases/{release}/","response":null},
  listWorkunits: {"method":"GET","path":"/datasets/{owner}/{dataset}/workunits/","response":{"type":"array","items":{"type":"object","required":["created_at","created_by","work_type","time","inactive_time","sample_uuid","sample_name"]}}},
  createAsset: {"method":"POST","path":"/assets/","response":{"type":"object","required":["uuid","filename","url","created_at","presignedPostFields"]}},
} as const;

/** The operationId of an API operation. */
export type OperationId = keyof typeof OPERATIONS;
