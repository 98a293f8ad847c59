import { type Call, created, type Handler, type HandlerTable, noContent, now, ok } from "../app.js";
import { canManageRole } from "../auth/permissions.js";
import { ApiError, forbidden, notFound } from "../http/errors.js";
import type { CollaboratorRecord, Role } from "../store/records.js";
import { bodyOf, datasetFor } from "./common.js";
import { serializeUser } from "./serialize.js";

function serializeCollaborator(call: Call, collaborator: CollaboratorRecord) {
  const user = call.app.store.getUser(collaborator.username);
  const wireUser = user
    ? serializeUser(call.app, user)
    : { username: collaborator.username, created_at: collaborator.createdAt, is_organization: false };
  return { user: wireUser, role: collaborator.role };
}

function existingCollaborator(call: Call, datasetId: number): CollaboratorRecord {
  const collaborator = call.app.store.getCollaborator(datasetId, String(call.params.username));
  if (!collaborator) throw notFound();
  return collaborator;
}

export const addDatasetCollaborator: Handler = (call) => {
  const { dataset, standing } = datasetFor(call, "manageCollaborators");
  const body = bodyOf(call);
  const username = String(body.user);
  const role = (body.role ?? ("labeler" satisfies Role)) as Role;
  if (!canManageRole(standing, role)) throw forbidden();
  const user = call.app.store.getUser(username);
  if (!user) throw new ApiError(404, `User "${username}" does not exist.`, { user: ["User not found."] });
  if (user.isOrganization || username === dataset.owner) {
    throw new ApiError(400, `User ${username} cannot be added as collaborator.`, {
      user: ["This user cannot be added as collaborator."],
    });
  }
  if (call.app.store.getCollaborator(dataset.id, username)) {
    throw new ApiError(400, `User ${username} is already a collaborator.`, {
      user: ["Already a collaborator."],
    });
  }
  const collaborator: CollaboratorRecord = { datasetId: dataset.id, username, role, createdAt: now() };
  call.app.store.putCollaborator(collaborator);
  return created(serializeCollaborator(call, collaborator));
};

export const getDatasetCollaborator: Handler = (call) => {
  const { dataset } = datasetFor(call, "view");
  return ok(serializeCollaborator(call, existingCollaborator(call, dataset.id)));
};

export const updateDatasetCollaborator: Handler = (call) => {
  const { dataset, standing } = datasetFor(call, "manageCollaborators");
  const collaborator = existingCollaborator(call, dataset.id);
  const role = (bodyOf(call).role ?? collaborator.role) as Role;
  if (!canManageRole(standing, collaborator.role) || !canManageRole(standing, role)) throw forbidden();
  const updated = { ...collaborator, role };
  call.app.store.putCollaborator(updated);
  return ok(serializeCollaborator(call, updated));
};

export const deleteDatasetCollaborator: Handler = (call) => {
  const { dataset, standing } = datasetFor(call, "manageCollaborators");
  const collaborator = existingCollaborator(call, dataset.id);
  if (!canManageRole(standing, collaborator.role)) throw forbidden();
  call.app.store.deleteCollaborator(dataset.id, collaborator.username);
  return noContent();
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  addDatasetCollaborator,
  getDatasetCollaborator,
  updateDatasetCollaborator,
  deleteDatasetCollaborator,
} satisfies HandlerTable;
