import type { App, Call } from "../app.js";
import { type Permission, requirePermission, type Standing } from "../auth/permissions.js";
import { ApiError, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, SampleRecord } from "../store/records.js";

/** The dataset named by the `{owner}/{dataset}` path parameters, after checking `permission` (404 if invisible). */
export function datasetFor(
  call: Call,
  permission: Permission,
): { dataset: DatasetRecord; standing: Standing } {
  const dataset = call.app.store.getDataset(String(call.params.owner), String(call.params.dataset));
  if (!dataset) throw notFound();
  const standing = requirePermission(call.app.store, call.user, dataset, permission);
  return { dataset, standing };
}

/** The sample named by `{sample_uuid}` and its dataset, after checking `permission` on that dataset. */
export function sampleFor(
  call: Call,
  permission: Permission,
): { sample: SampleRecord; dataset: DatasetRecord; standing: Standing } {
  const sample = call.app.store.getSample(String(call.params.sample_uuid));
  if (!sample) throw notFound();
  const dataset = call.app.store.getDatasetById(sample.datasetId);
  if (!dataset) throw notFound();
  const standing = requirePermission(call.app.store, call.user, dataset, permission);
  return { sample, dataset, standing };
}

export const fullName = (dataset: DatasetRecord): string => `${dataset.owner}/${dataset.name}`;

/**
 * DRF-style page-number pagination on a plain JSON array: `per_page` (default 1000) and `page` (default 1); a page
 * past the end (other than the first) answers 404 "Invalid page.".
 */
export function paginate<T>(items: T[], params: Json): T[] {
  const perPage = typeof params.per_page === "number" ? params.per_page : 1000;
  const page = typeof params.page === "number" ? params.page : 1;
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new ApiError(400, "per_page: must be a positive integer.");
  if (!Number.isInteger(page) || page < 1)
    throw new ApiError(400, "page: must be a positive integer.", { page: ["Invalid page."] });
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0 && page > 1) throw new ApiError(404, "Invalid page.");
  return slice;
}

/** Reads a property of a validated JSON body. */
export const bodyOf = (call: Call): Json => (call.body ?? {}) as Json;

export function requireUser(app: App, username: string, field: string) {
  const user = app.store.getUser(username);
  if (!user || user.isOrganization) {
    throw new ApiError(400, `${field}: user "${username}" does not exist.`, {
      [field]: [`User "${username}" does not exist.`],
    });
  }
  return user;
}
