/** `segments datasets list|get|create|delete`. */

import { readFile } from "node:fs/promises";
import type { AddDatasetParams, Dataset, TaskType } from "@segments-ts/sdk";
import { TASK_TYPES } from "@segments-ts/sdk";
import type { Command } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { about, CliError, datasetSubject, explainError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { DATASET_FIELDS, withJson } from "../json-fields.js";

function datasetRow(d: Dataset): string[] {
  return [d.full_name, d.task_type || "-", String(d.samples_count ?? "-"), d.created_at.slice(0, 10)];
}

async function list(ctx: Context, opts: { user?: string }): Promise<void> {
  const datasets = await about(
    { what: opts.user ? `user "${opts.user}"` : "your datasets" },
    ctx
      .client()
      .iterDatasets(opts.user ? { user: opts.user } : {}, { signal: ctx.signal })
      .toArray(),
  );
  ctx.out.list(
    datasets,
    ["DATASET", "TASK TYPE", "SAMPLES", "CREATED"],
    datasets.map(datasetRow),
    "No datasets.",
  );
}

async function get(ctx: Context, _opts: unknown, dataset: string): Promise<void> {
  const d = await about(datasetSubject(dataset), ctx.client().getDataset(dataset, { signal: ctx.signal }));
  // task_attributes and its categories may each be missing or null (the Python SDK's models keep them Optional).
  const categories = d.task_attributes?.categories;
  ctx.out.record(d, d.full_name, [
    ["task type", d.task_type || "-"],
    ["samples", String(d.samples_count ?? "-")],
    ["public", d.public ? "yes" : "no"],
    ["created", d.created_at],
    ["description", d.description || "-"],
    ["categories", categories?.map((c) => `${c.id}:${c.name}`).join(", ") || "-"],
  ]);
}

interface CreateOptions {
  taskType: string;
  description?: string;
  organization?: string;
  public?: boolean;
  categories?: string;
  taskAttributes?: string;
}

/** `--categories car,bike` becomes `[{id: 1, name: "car"}, {id: 2, name: "bike"}]`. */
function parseCategories(text: string): Array<{ id: number; name: string }> {
  const names = text
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  if (names.length === 0)
    throw new CliError("--categories: give comma-separated names, e.g. car,bike.", ExitCode.Usage);
  return names.map((name, i) => ({ id: i + 1, name }));
}

async function taskAttributes(opts: CreateOptions): Promise<AddDatasetParams["task_attributes"] | undefined> {
  if (opts.taskAttributes !== undefined && opts.categories !== undefined)
    throw new CliError("use either --categories or --task-attributes, not both.", ExitCode.Usage);
  if (opts.categories !== undefined)
    return { format_version: "0.1", categories: parseCategories(opts.categories) };
  if (opts.taskAttributes === undefined) return undefined;
  const text = await readFile(opts.taskAttributes, "utf8");
  try {
    return JSON.parse(text) as AddDatasetParams["task_attributes"];
  } catch (error) {
    throw new CliError(
      `--task-attributes: ${opts.taskAttributes} is not valid JSON (${(error as Error).message}).`,
      ExitCode.Usage,
      { cause: error },
    );
  }
}

/** The username of the key, or `undefined` when it cannot be found (the error line then names only the dataset). */
async function ownerName(ctx: Context): Promise<string | undefined> {
  try {
    return (await ctx.client().getUser(undefined, { signal: ctx.signal })).username;
  } catch {
    return undefined;
  }
}

async function create(ctx: Context, opts: CreateOptions, name: string): Promise<void> {
  if (!(TASK_TYPES as readonly string[]).includes(opts.taskType))
    throw new CliError(
      `--task-type: unknown task type "${opts.taskType}". Use one of: ${TASK_TYPES.filter(Boolean).join(", ")}.`,
      ExitCode.Usage,
    );
  const params: AddDatasetParams = { task_type: opts.taskType as TaskType };
  const attributes = await taskAttributes(opts);
  if (attributes) params.task_attributes = attributes;
  if (opts.description !== undefined) params.description = opts.description;
  if (opts.organization !== undefined) params.organization = opts.organization;
  if (opts.public) params.public = true;
  const client = ctx.client();
  let d: Dataset;
  try {
    d = await client.addDataset(name, params, { signal: ctx.signal });
  } catch (error) {
    // Name the dataset as it would be known (jane/flowers): the owner is the organization or the key's user.
    const owner = opts.organization ?? (await ownerName(ctx));
    throw explainError(error, { what: `dataset "${owner ? `${owner}/` : ""}${name}"` });
  }
  ctx.out.result(d, () => `Created dataset ${d.full_name} (${d.task_type}).`);
}

async function remove(ctx: Context, opts: { yes?: boolean }, dataset: string): Promise<void> {
  if (!opts.yes)
    throw new CliError(
      `deleting "${dataset}" removes all its samples and labels; pass --yes to confirm.`,
      ExitCode.Usage,
    );
  await about(datasetSubject(dataset), ctx.client().deleteDataset(dataset, { signal: ctx.signal }));
  ctx.out.result({ deleted: dataset }, () => `Deleted dataset ${dataset}.`);
}

/** Adds `segments datasets ...` to the program. */
export function registerDatasets(program: Command, runtime: Runtime): void {
  const datasets = program.command("datasets").description("list, show, create and delete datasets");
  withJson(datasets.command("list"), DATASET_FIELDS)
    .description("list your datasets (or another user's or organization's)")
    .option("--user <name>", "list the datasets of this user or organization")
    .action(action(runtime, list));
  withJson(datasets.command("get"), DATASET_FIELDS)
    .description("show one dataset")
    .argument("<dataset>", "dataset identifier, owner/name (e.g. jane/flowers)")
    .action(action(runtime, get));
  withJson(datasets.command("create"), DATASET_FIELDS)
    .description("create a dataset")
    .argument("<name>", "dataset name (without owner)")
    .option(
      "--task-type <type>",
      `task type: ${TASK_TYPES.filter(Boolean).join(", ")}`,
      "segmentation-bitmap",
    )
    .option("--description <text>", "description")
    .option("--organization <name>", "create it in this organization")
    .option("--public", "make it public")
    .option("--categories <names>", "comma-separated category names (ids 1, 2, ...)")
    .option("--task-attributes <file>", "JSON file with the full task_attributes")
    .addHelpText(
      "after",
      "\nExample:\n  segments datasets create flowers --task-type bboxes --categories rose,tulip",
    )
    .action(action(runtime, create));
  withJson(datasets.command("delete"), ["deleted"])
    .description("delete a dataset and everything in it")
    .argument("<dataset>", "dataset identifier, owner/name")
    .option("-y, --yes", "confirm the deletion")
    .action(action(runtime, remove));
}
