/**
 * `--json FIELDS`, as in the `gh` CLI: each command that prints data declares the fields it has; `--json a,b` prints
 * only those (for a list, of every item), and `--json` alone lists them.
 */
import type { Dataset, Release, Sample, User } from "@segments-ts/sdk";
import type { Command } from "commander";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";

/**
 * The keys of `T` as a list that the compiler checks is complete: a field added to the spec fails the typecheck
 * until it is listed here too.
 */
function allKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K &
      ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, K[number]> }),
  ): readonly string[] => keys;
}

export const DATASET_FIELDS = allKeys<Dataset>()([
  "name",
  "full_name",
  "cloned_from",
  "description",
  "category",
  "public",
  "archived",
  "owner",
  "created_at",
  "enable_ratings",
  "enable_skip_labeling",
  "enable_skip_reviewing",
  "enable_save_button",
  "enable_label_status_verified",
  "enable_same_dimensions_track_constraint",
  "enable_3d_region_of_interest",
  "enable_interpolation",
  "use_timestamps_for_interpolation",
  "enable_object_linking",
  "enable_3d_cuboid_rotation",
  "enable_confirm_on_submit",
  "enable_object_link_category_restrictions",
  "enable_extrapolation",
  "task_type",
  "task_attributes",
  "label_stats",
  "labeling_inactivity_timeout_seconds",
  "samples_count",
  "collaborators_count",
  "labelsets",
  "role",
  "readme",
  "metadata",
  "noncollaborator_can_label",
  "noncollaborator_can_review",
  "insights_urls",
  "region_of_interest",
]);

export const SAMPLE_FIELDS = allKeys<Sample>()([
  "uuid",
  "name",
  "attributes",
  "metadata",
  "created_at",
  "created_by",
  "priority",
  "readme",
  "assigned_labeler",
  "assigned_reviewer",
  "label",
  "issues",
  "dataset_full_name",
]);

export const RELEASE_FIELDS = allKeys<Release>()([
  "uuid",
  "name",
  "description",
  "release_type",
  "attributes",
  "status",
  "created_at",
  "samples_count",
]);

export const USER_FIELDS = allKeys<User>()([
  "username",
  "created_at",
  "is_organization",
  "email",
  "webhooks_enabled",
  "private_upload_count",
  "public_upload_count",
  "subscription",
  "is_trial_expired",
  "organizations",
  "organization_created_by",
  "organization_role",
  "members",
  "insights_urls",
]);

const FIELDS = new WeakMap<Command, readonly string[]>();

/**
 * Adds `--json [fields]` to a command that prints `fields`.
 *
 * @example
 * ```ts
 * withJson(datasets.command("list"), DATASET_FIELDS);
 * ```
 */
export function withJson(command: Command, fields: readonly string[]): Command {
  FIELDS.set(command, fields);
  return command.option("--json [fields]", "print JSON with these comma-separated fields (alone: list them)");
}

/** The fields `--json` offers on `command`, or `undefined` when it has no `--json`. */
export function jsonFieldsOf(command: Command): readonly string[] | undefined {
  return FIELDS.get(command);
}

/**
 * Checks a `--json` value against the command's fields: `undefined` (no `--json`), the selected fields, or a usage
 * error that lists the fields (for `--json` alone, and for an unknown field).
 */
export function selectedFields(value: string | boolean | undefined, command: Command): string[] | undefined {
  if (value === undefined || value === false) return undefined;
  const fields = FIELDS.get(command) ?? [];
  const list = `\n  ${fields.join("\n  ")}`;
  if (value === true)
    throw new CliError(`specify one or more comma-separated fields for --json:${list}`, ExitCode.Usage);
  const selected = value
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "");
  const unknown = selected.filter((field) => !fields.includes(field));
  if (selected.length === 0 || unknown.length > 0)
    throw new CliError(
      `--json: unknown field ${JSON.stringify(unknown[0] ?? value)}; the fields are:${list}`,
      ExitCode.Usage,
    );
  return selected;
}

/**
 * Keeps only `fields` of a result (of every item of a list), in the order asked; a field the value lacks is `null`.
 *
 * @example
 * ```ts
 * pick([{ name: "a", uuid: "1", x: 2 }], ["uuid", "name"]); // [{ uuid: "1", name: "a" }]
 * ```
 */
export function pick(value: unknown, fields: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, fields));
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null]));
}
