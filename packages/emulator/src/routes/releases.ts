import { created, type Handler, type HandlerTable, newUuid, noContent, now, ok } from "../app.js";
import type { TaskType } from "../generated/enums.js";
import { ApiError, alreadyExists, notFound } from "../http/errors.js";
import { releaseFileKey } from "../releases/builder.js";
import { bodyOf, datasetFor } from "./common.js";
import { serializeRelease } from "./serialize.js";

export const listReleases: Handler = (call) => {
  const { dataset } = datasetFor(call, "releases");
  return ok(call.app.store.listReleases(dataset.id).map(serializeRelease));
};

/**
 * Task types without release files. The Python SDK's own test suite skips creating releases on them ("Release files
 * not supported for 3D segmentation"), so production refuses the request.
 */
const UNRELEASABLE_TASK_TYPES: ReadonlySet<string> = new Set([
  "pointcloud-segmentation",
  "pointcloud-segmentation-sequence",
] satisfies readonly TaskType[]);

/** Answers 201 with a `PENDING` release holding a snapshot of the dataset taken now; it succeeds after a delay. */
export const createRelease: Handler = (call) => {
  const { app } = call;
  const { dataset } = datasetFor(call, "releases");
  const taskType = String(dataset.settings.task_type);
  if (UNRELEASABLE_TASK_TYPES.has(taskType)) {
    throw new ApiError(400, `Release files are not supported for ${taskType} datasets.`, {
      task_type: ["Release files are not supported for 3D segmentation."],
    });
  }
  const body = bodyOf(call);
  const name = String(body.name);
  if (app.store.getRelease(dataset.id, name)) throw alreadyExists("release");
  const release = app.releases.create({
    uuid: newUuid(),
    datasetId: dataset.id,
    name,
    description: String(body.description ?? ""),
    status: "PENDING",
    url: null,
    createdAt: now(),
  });
  return created(serializeRelease(release));
};

function releaseOf(call: Parameters<Handler>[0]) {
  const { dataset } = datasetFor(call, "releases");
  const release = call.app.store.getRelease(dataset.id, String(call.params.release));
  if (!release) throw notFound();
  return release;
}

export const getRelease: Handler = (call) => ok(serializeRelease(releaseOf(call)));

export const deleteRelease: Handler = (call) => {
  const release = releaseOf(call);
  call.app.store.transaction(() => {
    call.app.store.deleteRelease(release.uuid);
    call.app.store.deleteFile(releaseFileKey(release.uuid));
  });
  return noContent();
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listReleases,
  createRelease,
  getRelease,
  deleteRelease,
} satisfies HandlerTable;
