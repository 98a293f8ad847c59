import {
  type App,
  type Call,
  created,
  type Handler,
  type HandlerTable,
  newUuid,
  nextTurn,
  noContent,
  now,
  ok,
} from "../app.js";
import { allows, requirePermission } from "../auth/permissions.js";
import { ApiError, forbidden, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, SampleRecord, UserRecord } from "../store/records.js";
import { SAMPLE_SORT_COLUMNS, type SampleSortField } from "../store/sample-list.js";
import { bodyOf, datasetFor, fullName, invalidPage, pageOf, requireUser, sampleFor } from "./common.js";
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

/**
 * Largest bulk add (the spec's `maxItems` on `samples_bulk`, and the SDK's largest `batchSize`): it bounds the
 * time and memory of one request.
 */
export const MAX_BULK_SAMPLES = 10_000;
/**
 * Samples validated or written per turn of the event loop. Each chunk is one transaction, so a bulk add of up to
 * this many samples is all-or-nothing; a larger one interrupted by a crash may be partly applied, and resending it
 * is safe (existing names come back unchanged).
 */
export const BULK_CHUNK = 1000;

/**
 * Bulk add: samples whose name already exists in the dataset come back unchanged instead of being duplicated. The
 * work is done in chunks with a turn of the event loop in between, so other requests are served meanwhile; the
 * dataset is re-checked by id before each chunk, so a dataset deleted (and perhaps re-created) meanwhile gets none
 * of this request's samples (404).
 */
export const createSamples: Handler = async (call) => {
  const { app } = call;
  const { dataset } = datasetFor(call, "addDeleteSamples");
  const items = (Array.isArray(call.body) ? call.body : []) as Json[];
  if (items.length > MAX_BULK_SAMPLES) {
    throw new ApiError(400, `Invalid request body: at most ${MAX_BULK_SAMPLES} samples per request.`, {
      non_field_errors: [`Ensure this list has no more than ${MAX_BULK_SAMPLES} elements.`],
    });
  }
  const prepared: SampleRecord[] = [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % BULK_CHUNK === 0) await nextTurn();
    prepared.push(newSample(app, dataset, call.user, items[index] as Json, index));
  }
  const result: SampleRecord[] = [];
  for (let start = 0; start < prepared.length; start += BULK_CHUNK) {
    await nextTurn();
    if (!app.store.getDatasetById(dataset.id)) throw notFound();
    const chunk = prepared.slice(start, start + BULK_CHUNK);
    app.store.transaction(() => {
      for (const sample of chunk) {
        const existing = app.store.getSampleByName(dataset.id, sample.name);
        if (!existing) app.store.insertSample(sample);
        result.push(existing ?? sample);
      }
    });
  }
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

function parseSort(value: unknown): { sort: SampleSortField; descending: boolean } {
  const text = String(value ?? "name");
  const descending = text.startsWith("-");
  const field = descending ? text.slice(1) : text;
  if (!Object.hasOwn(SAMPLE_SORT_COLUMNS, field)) {
    const allowed = Object.keys(SAMPLE_SORT_COLUMNS);
    throw new ApiError(
      400,
      `sort: must be one of ${allowed.join(", ")} (with a leading '-' for descending).`,
      {
        sort: [`Invalid sort field "${field}".`],
      },
    );
  }
  return { sort: field as SampleSortField, descending };
}

/** One page of samples, filtered and sorted in SQL (see store/sample-list.ts): O(page), not O(dataset). */
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
  const { perPage, page } = pageOf(params);
  const rows = app.store.querySamples({
    datasetId: dataset.id,
    labelset,
    statusLabelset: labelset ?? "ground-truth",
    nameContains: params.name__contains === undefined ? undefined : String(params.name__contains),
    statuses: listOf(params.label_status),
    metadataFilters: parseMetadataFilters(params.filters),
    ...parseSort(params.sort),
    offset: (page - 1) * perPage,
    limit: perPage,
  });
  if (rows.length === 0 && page > 1) throw invalidPage();

  const taskType = String(dataset.settings.task_type);
  return ok(
    rows.map(({ sample, label }) => {
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

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listSamples,
  createSample,
  createSamples,
  deleteSamples,
  getSample,
  updateSample,
  deleteSample,
} satisfies HandlerTable;
