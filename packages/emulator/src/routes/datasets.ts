import {
  type App,
  type Call,
  created,
  type Handler,
  type HandlerTable,
  newUuid,
  noContent,
  now,
  ok,
} from "../app.js";
import { standingOn } from "../auth/permissions.js";
import type { TaskType } from "../generated/enums.js";
import { ApiError, alreadyExists, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, UserRecord } from "../store/records.js";
import { bodyOf, datasetFor, paginate } from "./common.js";
import { serializeDataset } from "./serialize.js";

/**
 * Defaults of every dataset setting, as `add_dataset` sends them (reference section 1.2), except the two that the
 * Python SDK fills in itself but declares Optional on its `Dataset` model: a dataset created through the API
 * without `readme` or `task_attributes` reports them as null, so that code reading them meets the null offline.
 */
const DATASET_DEFAULTS: Json = {
  description: "",
  category: "other",
  public: false,
  archived: false,
  readme: null,
  metadata: {},
  task_type: "segmentation-bitmap" satisfies TaskType,
  task_attributes: null,
  labeling_inactivity_timeout_seconds: 300,
  enable_ratings: false,
  enable_skip_labeling: true,
  enable_skip_reviewing: false,
  enable_save_button: false,
  enable_label_status_verified: false,
  enable_same_dimensions_track_constraint: false,
  enable_3d_region_of_interest: false,
  enable_interpolation: true,
  use_timestamps_for_interpolation: false,
  enable_object_linking: false,
  enable_3d_cuboid_rotation: false,
  enable_confirm_on_submit: false,
  enable_object_link_category_restrictions: false,
  enable_extrapolation: false,
};
/** Settings that may be given but have no default. */
const OPTIONAL_SETTINGS = ["region_of_interest"];
const SETTING_KEYS = new Set([...Object.keys(DATASET_DEFAULTS), ...OPTIONAL_SETTINGS]);

/** Picks the dataset settings out of a create/update body (other keys, e.g. `data_type`, are not settings). */
function settingsFrom(body: Json): Json {
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => SETTING_KEYS.has(key) && value !== null),
  );
}

/** Creates a dataset with its `ground-truth` labelset, or 409 when the owner already has one by that name. */
export function insertDataset(app: App, owner: string, name: string, settings: Json): DatasetRecord {
  if (app.store.getDataset(owner, name)) throw alreadyExists("dataset");
  const createdAt = now();
  return app.store.transaction(() => {
    const dataset = app.store.insertDataset({
      owner,
      name,
      createdAt,
      settings: { ...DATASET_DEFAULTS, ...settings },
    });
    app.store.putLabelset({ datasetId: dataset.id, name: "ground-truth", description: "", createdAt });
    return dataset;
  });
}

function checkNewName(name: unknown): string {
  if (typeof name !== "string" || !/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ApiError(400, "name: may only contain letters, digits, '.', '_' and '-'.", {
      name: ["Enter a valid name consisting of letters, numbers, underscores, dots or hyphens."],
    });
  }
  return name;
}

/** Only organization administrators create datasets in an organization. */
function requireOrgAdmin(app: App, user: UserRecord, org: string): void {
  const organization = app.store.getUser(org);
  if (!organization?.isOrganization) throw notFound();
  const role = app.store.orgRole(org, user.username);
  if (role === undefined) throw notFound();
  if (role !== "admin")
    throw new ApiError(403, "You need to be an administrator of the organization to do this.");
}

function visibleDatasets(app: App, user: UserRecord): DatasetRecord[] {
  const byId = new Map<number, DatasetRecord>();
  for (const dataset of app.store.listDatasetsOwnedBy(user.username)) byId.set(dataset.id, dataset);
  for (const dataset of app.store.listDatasetsCollaboratedBy(user.username)) byId.set(dataset.id, dataset);
  for (const { org } of app.store.orgsOf(user.username)) {
    for (const dataset of app.store.listDatasetsOwnedBy(org)) byId.set(dataset.id, dataset);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export const listAuthenticatedUserDatasets: Handler = ({ app, user, params }) =>
  ok(
    paginate(visibleDatasets(app, user), params).map((d) =>
      serializeDataset(app, d, standingOn(app.store, user, d)),
    ),
  );

export const listUserDatasets: Handler = ({ app, user, params }) => {
  if (!app.store.getUser(String(params.user))) throw notFound();
  const visible = app.store
    .listDatasetsOwnedBy(String(params.user))
    .map((dataset) => ({ dataset, standing: standingOn(app.store, user, dataset) }))
    .filter(({ standing }) => standing !== undefined);
  return ok(
    paginate(visible, params).map(({ dataset, standing }) => serializeDataset(app, dataset, standing)),
  );
};

function createIn(call: Call, owner: string) {
  const body = bodyOf(call);
  const dataset = insertDataset(call.app, owner, checkNewName(body.name), settingsFrom(body));
  return created(serializeDataset(call.app, dataset, standingOn(call.app.store, call.user, dataset)));
}

export const createDataset: Handler = (call) => createIn(call, call.user.username);

export const createOrganizationDataset: Handler = (call) => {
  const org = String(call.params.organization);
  requireOrgAdmin(call.app, call.user, org);
  return createIn(call, org);
};

export const getDataset: Handler = (call) => {
  const { dataset, standing } = datasetFor(call, "view");
  return ok(serializeDataset(call.app, dataset, standing));
};

export const updateDataset: Handler = (call) => {
  const { dataset, standing } = datasetFor(call, "settings");
  const updated = { ...dataset, settings: { ...dataset.settings, ...settingsFrom(bodyOf(call)) } };
  call.app.store.updateDataset(updated);
  return ok(serializeDataset(call.app, updated, standing));
};

export const deleteDataset: Handler = (call) => {
  const { dataset } = datasetFor(call, "settings");
  call.app.store.deleteDataset(dataset.id);
  return noContent();
};

export const cloneDataset: Handler = (call) => {
  const { app, user } = call;
  const { dataset: source } = datasetFor(call, "view");
  const body = bodyOf(call);
  const owner = typeof body.owner === "string" ? body.owner : user.username;
  if (owner !== user.username) requireOrgAdmin(app, user, owner);
  const name = checkNewName(typeof body.name === "string" ? body.name : `${source.name}-clone`);
  const settings: Json = { ...source.settings, cloned_from: `${source.owner}/${source.name}` };
  if (typeof body.task_type === "string") settings.task_type = body.task_type;
  if (typeof body.public === "boolean") settings.public = body.public;
  const clone = app.store.transaction(() => {
    const target = insertDataset(app, owner, name, settings);
    copyContents(app, source, target, body.clone_labels === true);
    return target;
  });
  return created(serializeDataset(app, clone, standingOn(app.store, user, clone)));
};

/** Copies labelsets and samples (new uuids) and, when asked, their labels into a freshly created dataset. */
function copyContents(app: App, source: DatasetRecord, target: DatasetRecord, withLabels: boolean): void {
  for (const labelset of app.store.listLabelsets(source.id)) {
    if (labelset.name !== "ground-truth") app.store.putLabelset({ ...labelset, datasetId: target.id });
  }
  for (const sample of app.store.listSamples(source.id)) {
    const copy = { ...sample, uuid: newUuid(), datasetId: target.id };
    app.store.insertSample(copy);
    if (!withLabels) continue;
    for (const label of app.store.labelsOfSample(sample.uuid))
      app.store.putLabel({ ...label, sampleUuid: copy.uuid }, target.id);
  }
}

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listAuthenticatedUserDatasets,
  createDataset,
  listUserDatasets,
  createOrganizationDataset,
  getDataset,
  updateDataset,
  deleteDataset,
  cloneDataset,
} satisfies HandlerTable;
