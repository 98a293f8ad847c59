import { created, type Handler, type HandlerTable, noContent, now, ok } from "../app.js";
import { ApiError, alreadyExists, notFound } from "../http/errors.js";
import { bodyOf, datasetFor } from "./common.js";
import { serializeLabelset } from "./serialize.js";

export const listLabelsets: Handler = (call) => {
  const { dataset } = datasetFor(call, "view");
  return ok(call.app.store.listLabelsets(dataset.id).map(serializeLabelset));
};

export const createLabelset: Handler = (call) => {
  const { dataset } = datasetFor(call, "settings");
  const body = bodyOf(call);
  const name = String(body.name ?? "");
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ApiError(400, "name: may only contain letters, digits, '.', '_' and '-'.", {
      name: ["Enter a valid name."],
    });
  }
  if (call.app.store.getLabelset(dataset.id, name)) throw alreadyExists("labelset");
  const labelset = {
    datasetId: dataset.id,
    name,
    description: String(body.description ?? ""),
    createdAt: now(),
  };
  call.app.store.putLabelset(labelset);
  return created(serializeLabelset(labelset));
};

export const getLabelset: Handler = (call) => {
  const { dataset } = datasetFor(call, "view");
  const labelset = call.app.store.getLabelset(dataset.id, String(call.params.labelset));
  if (!labelset) throw notFound();
  return ok(serializeLabelset(labelset));
};

export const deleteLabelset: Handler = (call) => {
  const { dataset } = datasetFor(call, "settings");
  const name = String(call.params.labelset);
  if (!call.app.store.getLabelset(dataset.id, name)) throw notFound();
  if (name === "ground-truth") {
    // The spec declares no 400 here; refusing is a permission matter for every role.
    throw new ApiError(403, "The ground-truth labelset cannot be deleted.");
  }
  call.app.store.deleteLabelset(dataset.id, name);
  return noContent();
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listLabelsets,
  createLabelset,
  getLabelset,
  deleteLabelset,
} satisfies HandlerTable;
