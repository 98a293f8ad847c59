import { forbidden, notFound } from "../http/errors.js";
import type { DatasetRecord, Role, UserRecord } from "../store/records.js";
import type { Store } from "../store/store.js";

/** What a user may do on a dataset, per section 10 of the API reference. */
export type Permission =
  | "view"
  | "label"
  | "review"
  | "manageIssues"
  | "manageCollaborators"
  | "editAssignment"
  | "addDeleteSamples"
  | "releases"
  | "settings";

/** How roles order (a higher one holds every permission of a lower one); checked against the spec's Role enum. */
export const RANK: Record<Role, number> = { viewer: 0, labeler: 1, reviewer: 2, manager: 3, admin: 4 };

/** The lowest role holding each permission. The dataset owner holds all of them. */
const MINIMUM_ROLE: Record<Permission, Role> = {
  view: "viewer",
  label: "labeler",
  review: "reviewer",
  manageIssues: "manager",
  manageCollaborators: "manager",
  editAssignment: "manager",
  addDeleteSamples: "admin",
  releases: "admin",
  settings: "admin",
};

/**
 * A user's standing on a dataset: `owner`, a collaborator role, `guest` (the dataset is visible but nothing on it is
 * allowed: every request is a 403), or undefined when the dataset is invisible (every request is a 404).
 */
export type Standing = Role | "owner" | "guest";

export function standingOn(store: Store, user: UserRecord, dataset: DatasetRecord): Standing | undefined {
  if (dataset.owner === user.username) return "owner";
  const candidates: Role[] = [];
  const collaborator = store.getCollaborator(dataset.id, user.username);
  if (collaborator) candidates.push(collaborator.role);
  // Organization members act on the organization's datasets with their organization role.
  const orgRole = store.orgRole(dataset.owner, user.username);
  if (orgRole) candidates.push(orgRole);
  // Looked up on every path, so a visible and an invisible dataset cost the same queries.
  const guest = store.isOrgGuest(dataset.owner, user.username);
  if (dataset.settings.public === true) candidates.push("viewer");
  if (candidates.length === 0) return guest ? "guest" : undefined;
  return candidates.reduce((best, role) => (RANK[role] > RANK[best] ? role : best));
}

export function allows(standing: Standing | undefined, permission: Permission): boolean {
  if (standing === undefined || standing === "guest") return false;
  if (standing === "owner") return true;
  return RANK[standing] >= RANK[MINIMUM_ROLE[permission]];
}

/**
 * Throws the real API's answer when `user` may not do `permission` on `dataset`: 404 when the dataset is not
 * visible at all (a private dataset looks like it does not exist), 403 when it is visible but the role is too low.
 */
export function requirePermission(
  store: Store,
  user: UserRecord,
  dataset: DatasetRecord,
  permission: Permission,
): Standing {
  const standing = standingOn(store, user, dataset);
  if (standing === undefined) throw notFound();
  if (!allows(standing, permission)) throw forbidden();
  return standing;
}

/** True when `standing` may grant, change or remove the `role` of a collaborator (managers cannot touch admins). */
export function canManageRole(standing: Standing, role: Role): boolean {
  if (standing === "owner" || standing === "admin") return true;
  return standing === "manager" && role !== "admin";
}
