import { created, type Handler, newUuid, noContent, now, ok } from "../app.js";
import { alreadyExists, notFound } from "../http/errors.js";
import { releaseFileKey } from "../releases/builder.js";
import { bodyOf, datasetFor } from "./common.js";
import { serializeRelease } from "./serialize.js";

export const listReleases: Handler = (call) => {
  const { dataset } = datasetFor(call, "releases");
  return ok(call.app.store.listReleases(dataset.id).map(serializeRelease));
};

/** Answers 201 with a `PENDING` release holding a snapshot of the dataset taken now; it succeeds after a delay. */
export const createRelease: Handler = (call) => {
  const { app } = call;
  const { dataset } = datasetFor(call, "releases");
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
