import { type App, type Call, created, type Handler, newUuid, noContent, now, ok } from "../app.js";
import { allows, requirePermission } from "../auth/permissions.js";
import { ApiError, forbidden, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, LabelRecord, SampleRecord, UserRecord } from "../store/records.js";
import { bodyOf, datasetFor, fullName, paginate, requireUser, sampleFor } from "./common.js";
import { serializeIssue, serializeLabel, serializeLabelSummary, serializeSample } from "./serialize.js";

function checkName(name: unknown, field = "name"): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new ApiError(400, `${field}: This field may not be blank.`, {
      [field]: ["This field may not be blank."],
    });
  }
  return name;
}

function optionalUser(app: App, value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  return requireUser(app, String(value), field).username;
}

/** Builds a new sample record from a create body, validating its attributes against the dataset's task type. */
function newSample(
  app: App,
  dataset: DatasetRecord,
  user: UserRecord,
  body: Json,
  index?: number,
): SampleRecord {
  const prefix = index === undefined ? "" : `[${index}].`;
  const name = checkName(body.name, `${prefix}name`);
  try {
    app.taskTypes.checkSample(String(dataset.settings.task_type), body.attributes);
  } catch (error) {
    if (error instanceof ApiError && prefix)
      throw new ApiError(400, `${prefix}${error.detail}`, error.fields);
    throw error;
  }
  return {
    uuid: newUuid(),
    datasetId: dataset.id,
    name,
    createdAt: now(),
    createdBy: user.username,
    priority: typeof body.priority === "number" ? body.priority : 0,
    attributes: (body.attributes ?? {}) as Json,
    metadata: (body.metadata ?? {}) as Json,
    readme: typeof body.readme === "string" ? body.readme : "",
    assignedLabeler: optionalUser(app, body.assigned_labeler, "assigned_labeler"),
    assignedReviewer: optionalUser(app, body.assigned_reviewer, "assigned_reviewer"),
  };
}

export const createSample: Handler = (call) => {
  const { dataset } = datasetFor(call, "addDeleteSamples");
  const sample = newSample(call.app, dataset, call.user, bodyOf(call));
  if (call.app.store.getSampleByName(dataset.id, sample.name)) {
    throw new ApiError(409, "A sample with this name already exists.", {
      name: ["A sample with this name already exists."],
    });
  }
  call.app.store.insertSample(sample);
  return created(serializeSample(sample, fullName(dataset)));
};

/** Bulk add: samples whose name already exists in the dataset come back unchanged instead of being duplicated. */
export const createSamples: Handler = (call) => {
  const { app } = call;
  const { dataset } = datasetFor(call, "addDeleteSamples");
  const items = (Array.isArray(call.body) ? call.body : []) as Json[];
  const prepared = items.map((item, index) => newSample(app, dataset, call.user, item, index));
  const result = app.store.transaction(() =>
    prepared.map((sample) => {
      const existing = app.store.getSampleByName(dataset.id, sample.name);
      if (existing) return existing;
      app.store.insertSample(sample);
      return sample;
    }),
  );
  return created(result.map((sample) => serializeSample(sample, fullName(dataset))));
};

export const deleteSamples: Handler = (call) => {
  const { dataset } = datasetFor(call, "addDeleteSamples");
  const uuids = bodyOf(call).uuids;
  if (!Array.isArray(uuids) || uuids.length < 1 || uuids.length > 1000) {
    throw new ApiError(400, "uuids: between 1 and 1000 sample uuids are required.", {
      uuids: ["Ensure this field has between 1 and 1000 elements."],
    });
  }
  const deleted = call.app.store.deleteSamplesOfDataset(dataset.id, uuids.map(String));
  return ok({ deleted_count: deleted });
};

// --- listing -------------------------------------------------------------------------------------------------------

type Listed = { sample: SampleRecord; label: LabelRecord | undefined; groundTruth: LabelRecord | undefined };

function parseMetadataFilters(filters: unknown): [string, string][] {
  if (filters === undefined) return [];
  const parts = Array.isArray(filters) ? filters.map(String) : String(filters).split(",");
  return parts.map((part) => {
    const separator = part.indexOf(":");
    if (separator < 1) {
      throw new ApiError(400, `filters: "${part}" is not a key:value metadata filter.`, {
        filters: [`"${part}" is not in the form key:value.`],
      });
    }
    return [part.slice(0, separator), part.slice(separator + 1)];
  });
}

function listOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.map(String) : String(value).split(",")).filter(Boolean);
}

const metadataMatches = (metadata: Json, filters: [string, string][]) =>
  filters.every(([key, value]) => key in metadata && String(metadata[key]) === value);

/** Sort like PostgreSQL: NULLs last ascending, first descending; ties keep creation order. */
function sortKey(item: Listed, field: string): string | number | null {
  switch (field) {
    case "created_at":
      return item.sample.createdAt;
    case "priority":
      return item.sample.priority;
    case "gt_label__updated_at":
      return item.groundTruth?.updatedAt ?? null;
    default:
      return item.sample.name;
  }
}

function sortListed(items: Listed[], sort: string): Listed[] {
  const descending = sort.startsWith("-");
  const field = descending ? sort.slice(1) : sort;
  const allowed = ["name", "created_at", "priority", "gt_label__updated_at"];
  if (!allowed.includes(field)) {
    throw new ApiError(
      400,
      `sort: must be one of ${allowed.join(", ")} (with a leading '-' for descending).`,
      {
        sort: [`Invalid sort field "${field}".`],
      },
    );
  }
  const direction = descending ? -1 : 1;
  return items
    .map((item, index) => ({ item, index, key: sortKey(item, field) }))
    .sort((a, b) => {
      if (a.key === b.key) return a.index - b.index;
      if (a.key === null) return 1 * direction;
      if (b.key === null) return -1 * direction;
      return (a.key < b.key ? -1 : 1) * direction;
    })
    .map(({ item }) => item);
}

export const listSamples: Handler = (call) => {
  const { app, params } = call;
  const { dataset } = datasetFor(call, "view");
  const labelset = params.labelset === undefined ? undefined : String(params.labelset);
  const includeFullLabel =
    params.include_full_label === true ||
    params.include_full_label === 1 ||
    params.include_full_label === "1";
  if (includeFullLabel && labelset === undefined) {
    throw new ApiError(400, "include_full_label: requires the labelset parameter.", {
      include_full_label: ["Only allowed together with labelset."],
    });
  }
  if (labelset !== undefined && !app.store.getLabelset(dataset.id, labelset)) throw notFound();
  const statusLabelset = labelset ?? "ground-truth";
  const labels = app.store.labelsOfDataset(dataset.id, statusLabelset);
  const groundTruth =
    statusLabelset === "ground-truth" ? labels : app.store.labelsOfDataset(dataset.id, "ground-truth");
  const nameContains = params.name__contains === undefined ? undefined : String(params.name__contains);
  const metadataFilters = parseMetadataFilters(params.filters);
  const statuses = listOf(params.label_status);

  let items: Listed[] = app.store
    .listSamples(dataset.id)
    .map((sample) => ({ sample, label: labels.get(sample.uuid), groundTruth: groundTruth.get(sample.uuid) }));
  if (nameContains !== undefined) items = items.filter(({ sample }) => sample.name.includes(nameContains));
  if (metadataFilters.length > 0)
    items = items.filter(({ sample }) => metadataMatches(sample.metadata, metadataFilters));
  if (statuses) items = items.filter(({ label }) => statuses.includes(label?.labelStatus ?? "UNLABELED"));
  const page = paginate(sortListed(items, String(params.sort ?? "name")), params);

  const taskType = String(dataset.settings.task_type);
  return ok(
    page.map(({ sample, label }) => {
      const wire = serializeSample(sample, fullName(dataset));
      if (labelset !== undefined) {
        wire.label = includeFullLabel
          ? label
            ? serializeLabel(label, taskType)
            : null
          : serializeLabelSummary(label);
      }
      return wire;
    }),
  );
};

// --- single sample -------------------------------------------------------------------------------------------------

/** Adds `signed_url` next to every `url` in sample attributes (what the real API does for `include_signed_urls=1`). */
function withSignedUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSignedUrls);
  if (!value || typeof value !== "object") return value;
  const result: Json = {};
  for (const [key, inner] of Object.entries(value as Json)) result[key] = withSignedUrls(inner);
  if (typeof result.url === "string") {
    const separator = result.url.includes("?") ? "&" : "?";
    result.signed_url = `${result.url}${separator}X-Amz-Expires=3600&X-Amz-Signature=emulator`;
  }
  return result;
}

export const getSample: Handler = (call) => {
  const { app, params } = call;
  const { sample, dataset } = sampleFor(call, "view");
  const wire = serializeSample(sample, fullName(dataset));
  if (
    params.include_signed_urls !== undefined &&
    String(params.include_signed_urls) !== "0" &&
    params.include_signed_urls !== false
  ) {
    wire.attributes = withSignedUrls(sample.attributes);
  }
  if (params.labelset !== undefined) {
    const label = app.store.getLabel(sample.uuid, String(params.labelset));
    wire.label = label ? serializeLabel(label, String(dataset.settings.task_type)) : null;
  }
  wire.issues = app.store.issuesOfSample(sample.uuid).map(serializeIssue);
  return ok(wire);
};

const CONTENT_FIELDS = ["name", "attributes", "metadata", "readme"];
const ASSIGNMENT_FIELDS = ["priority", "assigned_labeler", "assigned_reviewer"];

export const updateSample: Handler = (call: Call) => {
  const { app } = call;
  const { sample, dataset, standing } = sampleFor(call, "view");
  const body = bodyOf(call);
  const touches = (fields: string[]) => fields.some((field) => field in body);
  if (touches(CONTENT_FIELDS)) requirePermission(app.store, call.user, dataset, "addDeleteSamples");
  if (touches(ASSIGNMENT_FIELDS) && !allows(standing, "editAssignment")) throw forbidden();
  const updated: SampleRecord = { ...sample };
  if ("name" in body) {
    updated.name = checkName(body.name);
    const clash = app.store.getSampleByName(dataset.id, updated.name);
    if (clash && clash.uuid !== sample.uuid) {
      throw new ApiError(409, "A sample with this name already exists.", {
        name: ["A sample with this name already exists."],
      });
    }
  }
  if ("attributes" in body) {
    app.taskTypes.checkSample(String(dataset.settings.task_type), body.attributes);
    updated.attributes = body.attributes as Json;
  }
  if ("metadata" in body) updated.metadata = (body.metadata ?? {}) as Json;
  if ("readme" in body) updated.readme = String(body.readme ?? "");
  if ("priority" in body && typeof body.priority === "number") updated.priority = body.priority;
  if ("assigned_labeler" in body)
    updated.assignedLabeler = optionalUser(app, body.assigned_labeler, "assigned_labeler");
  if ("assigned_reviewer" in body) {
    updated.assignedReviewer = optionalUser(app, body.assigned_reviewer, "assigned_reviewer");
  }
  app.store.updateSample(updated);
  return ok(serializeSample(updated, fullName(dataset)));
};

export const deleteSample: Handler = (call) => {
  const { sample } = sampleFor(call, "addDeleteSamples");
  call.app.store.deleteSample(sample.uuid);
  return noContent();
};
