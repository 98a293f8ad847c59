import { RANK } from "../auth/permissions.js";
import { checkCovers, readSpecEnums } from "./enums.js";

/**
 * The emulator's tables keyed by a spec list must cover exactly that list: checked before the emulator starts, so a
 * role or task type added to (or renamed in) the spec is a clear start-up error, never a silently unhandled value.
 */
export function checkTablesAgainstSpec(document: Record<string, unknown>): void {
  const enums = readSpecEnums(document);
  const grantable = Object.keys(RANK).filter((role) => role !== "viewer");
  checkCovers(enums, "roles", grantable, "the permission ranks (src/auth/permissions.ts)");
  const taskTypes = Object.keys((document["x-segments-task-types"] ?? {}) as Record<string, unknown>);
  checkCovers(enums, "taskTypes", taskTypes, "the spec's x-segments-task-types extension");
}
