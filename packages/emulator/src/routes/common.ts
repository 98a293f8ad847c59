import type { App, Call } from "../app.js";
import { allows, type Permission, type Standing, standingOn } from "../auth/permissions.js";
import { ApiError, forbidden, notFound } from "../http/errors.js";
import type { DatasetRecord, Json, SampleRecord } from "../store/records.js";

/** Stands in for a dataset that does not exist, so a missing one costs the same lookups as an invisible one. */
export const MISSING_DATASET_ID = -1;
const placeholder = (owner: string): DatasetRecord => ({
  id: MISSING_DATASET_ID,
  owner,
  name: "",
  createdAt: "",
  settings: {},
});

/**
 * Checks `permission` on `dataset` (undefined: it does not exist). A missing dataset and one the user cannot see
 * both answer 404 after the same work (the standing is computed on a placeholder), so response times do not tell
 * a private dataset from a missing one.
 */
export function checkAccess(
  call: Call,
  dataset: DatasetRecord | undefined,
  owner: string,
  permission: Permission,
) {
  const standing = standingOn(call.app.store, call.user, dataset ?? placeholder(owner));
  if (!dataset || standing === undefined) throw notFound();
  if (!allows(standing, permission)) throw forbidden();
  return standing;
}

/**
 * The dataset named by the `{owner}/{dataset}` path parameters (as pinned when the request arrived, see
 * `Call.pinnedDatasetId`), after checking `permission`: 404 if it is missing or invisible, 403 if visible but the
 * role is too low.
 */
export function datasetFor(
  call: Call,
  permission: Permission,
): { dataset: DatasetRecord; standing: Standing } {
  const { store } = call.app;
  const owner = String(call.params.owner);
  const id =
    call.pinnedDatasetId === undefined
      ? store.getDataset(owner, String(call.params.dataset))?.id
      : call.pinnedDatasetId;
  const dataset = store.getDatasetById(id ?? MISSING_DATASET_ID);
  const standing = checkAccess(call, dataset, owner, permission);
  return { dataset: dataset as DatasetRecord, standing };
}

/** The sample named by `{sample_uuid}` and its dataset, after checking `permission` on that dataset. */
export function sampleFor(
  call: Call,
  permission: Permission,
): { sample: SampleRecord; dataset: DatasetRecord; standing: Standing } {
  const { store } = call.app;
  const sample = store.getSample(String(call.params.sample_uuid));
  const dataset = store.getDatasetById(sample?.datasetId ?? MISSING_DATASET_ID);
  const standing = checkAccess(call, sample && dataset, "", permission);
  return { sample: sample as SampleRecord, dataset: dataset as DatasetRecord, standing };
}

export const fullName = (dataset: DatasetRecord): string => `${dataset.owner}/${dataset.name}`;

/** The `per_page` (default 1000) and `page` (default 1) parameters of a DRF page-number paginated list. */
export function pageOf(params: Json): { perPage: number; page: number } {
  const perPage = typeof params.per_page === "number" ? params.per_page : 1000;
  const page = typeof params.page === "number" ? params.page : 1;
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new ApiError(400, "per_page: must be a positive integer.");
  if (!Number.isInteger(page) || page < 1)
    throw new ApiError(400, "page: must be a positive integer.", { page: ["Invalid page."] });
  return { perPage, page };
}

/** The answer for a page past the end of a list (other than the first page, which may be empty). */
export const invalidPage = (): ApiError => new ApiError(404, "Invalid page.");

/**
 * DRF-style page-number pagination on a plain JSON array: `per_page` (default 1000) and `page` (default 1); a page
 * past the end (other than the first) answers 404 "Invalid page.".
 */
export function paginate<T>(items: T[], params: Json): T[] {
  const { perPage, page } = pageOf(params);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0 && page > 1) throw invalidPage();
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
