/**
 * `segments samples list|upload`. Upload is resumable: it first lists the names already in the dataset and skips
 * them, and samples are created in batches as their images finish uploading, so an interrupted run loses at most
 * one batch of asset uploads. The bulk endpoint returns an existing sample for a name it already has, so even a
 * crash between "assets uploaded" and "samples created" cannot create duplicates.
 */
import { basename, join } from "node:path";
import { bitmap2file } from "@segments-ts/bitmap";
import { IMAGE_TASK_TYPES } from "@segments-ts/converter";
import { LABEL_STATUSES, type LabelAttributes, type LabelStatus } from "@segments-ts/sdk";
import type { Command } from "commander";
import { mapLimit } from "../concurrency.js";
import { action, type Context, positiveInt, type Runtime } from "../context.js";
import { about, CliError, datasetSubject, explainError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { IMAGE_EXTENSIONS, listImages } from "../files.js";
import { SAMPLE_FIELDS, withJson } from "../json-fields.js";
import { type LabelItem, type LabelSource, loadLabels, matchLabels, stripExtension } from "../labels.js";
import { Progress } from "../progress.js";

/** Task types whose samples are a single image (`{ image: { url } }`), and "" (a dataset without a task type). */
const SINGLE_IMAGE_TASK_TYPES: readonly string[] = [...IMAGE_TASK_TYPES, ""];

/** Label statuses `--label-status` accepts (`UNLABELED` would make a label a re-run cannot recognise). */
const UPLOAD_LABEL_STATUSES = LABEL_STATUSES.filter(
  (status): status is Exclude<LabelStatus, "UNLABELED"> => status !== "UNLABELED",
);
type UploadLabelStatus = (typeof UPLOAD_LABEL_STATUSES)[number];

interface UploadOptions {
  dataset: string;
  concurrency: number;
  batchSize: number;
  labels?: string;
  labelset: string;
  labelStatus: string;
}

/** What `--labels` did, part of the upload summary. */
export interface LabelsSummary {
  /** Labels found in the label file or directory. */
  found: number;
  /** Their samples already had a label in the labelset: left as they are. */
  skipped: number;
  /** Labels added by this run. */
  created: number;
  /** Labels for images that are not in the dataset (reported, not uploaded). */
  unmatched: number;
}

/** The summary `samples upload` prints (and returns as JSON). */
export interface UploadSummary {
  dataset: string;
  /** Image files found in the directory. */
  found: number;
  /** Already in the dataset before this run, not uploaded again. */
  skipped: number;
  /** Created by this run. */
  created: number;
  /** With `--labels`. */
  labels?: LabelsSummary;
}

/** A sample already in the dataset: its uuid, and whether it has a label in the labelset. */
interface ExistingSample {
  uuid: string;
  labeled: boolean;
}

async function existingSamples(
  ctx: Context,
  dataset: string,
  labelset: string | undefined,
): Promise<Map<string, ExistingSample>> {
  const found = new Map<string, ExistingSample>();
  const filters = labelset === undefined ? { per_page: 1000 } : { per_page: 1000, labelset };
  for await (const sample of ctx.client().iterSamples(dataset, filters, { signal: ctx.signal })) {
    // With a labelset, the API attaches a summary to every sample; an unlabeled one says UNLABELED.
    const status = sample.label?.label_status;
    found.set(sample.name, { uuid: sample.uuid, labeled: status !== undefined && status !== "UNLABELED" });
  }
  return found;
}

function categoryIds(taskAttributes: unknown): Set<number> | undefined {
  const categories = (taskAttributes as { categories?: Array<{ id: number }> } | null | undefined)
    ?.categories;
  return Array.isArray(categories) && categories.length > 0
    ? new Set(categories.map((c) => c.id))
    : undefined;
}

/** The label attributes to put: a segmentation bitmap is encoded and uploaded first. */
async function labelAttributes(ctx: Context, item: LabelItem): Promise<LabelAttributes> {
  if (item.kind === "vector") return item.attributes as LabelAttributes;
  const bitmap = await item.bitmap();
  const png = bitmap2file(bitmap.data, { width: bitmap.width, height: bitmap.height });
  const name = `${stripExtension(basename(item.name))}-label.png`;
  const asset = await ctx.client().uploadAsset(png, name, { signal: ctx.signal });
  return {
    format_version: "0.1",
    annotations: item.annotations,
    segmentation_bitmap: { url: asset.url },
  } as LabelAttributes;
}

function warnUnmatched(ctx: Context, unmatched: readonly LabelItem[], dataset: string): void {
  const shown = 5;
  for (const item of unmatched.slice(0, shown))
    ctx.out.note(
      `warning: no sample in ${dataset} for the label "${item.name}" (${item.source}); not uploaded.`,
    );
  if (unmatched.length > shown)
    ctx.out.note(`... and ${unmatched.length - shown} more labels without a sample.`);
}

/** Checks the flags, the folder and the dataset, and reads the labels: all before anything is uploaded. */
async function prepare(ctx: Context, opts: UploadOptions, dir: string) {
  if (!(UPLOAD_LABEL_STATUSES as readonly string[]).includes(opts.labelStatus))
    throw new CliError(
      `--label-status: unknown status "${opts.labelStatus}". Use one of: ${UPLOAD_LABEL_STATUSES.join(", ")}.`,
      ExitCode.Usage,
    );
  const files = await listImages(dir);
  if (files.length === 0)
    throw new CliError(
      `no images in ${dir} (looked for ${IMAGE_EXTENSIONS.join(", ")}). Check the directory.`,
      ExitCode.NotFound,
    );
  const client = ctx.client();
  const dataset = await about(
    datasetSubject(opts.dataset),
    client.getDataset(opts.dataset, { signal: ctx.signal }),
  );
  if (!SINGLE_IMAGE_TASK_TYPES.includes(dataset.task_type))
    throw new CliError(
      `dataset "${opts.dataset}" is a ${dataset.task_type} dataset; samples upload handles image datasets (${IMAGE_TASK_TYPES.join(", ")}).`,
      ExitCode.Rejected,
    );
  // Labels are read and checked before anything is uploaded, so a wrong file costs nothing.
  const labels =
    opts.labels === undefined
      ? undefined
      : await loadLabels(ctx, opts.labels, {
          fullName: opts.dataset,
          taskType: dataset.task_type,
          categoryIds: categoryIds(dataset.task_attributes),
        });
  if (labels)
    await about(
      {
        what: `labelset "${opts.labelset}" of dataset "${opts.dataset}"`,
        notFoundHint: "Check --labelset (ground-truth is the default labelset).",
      },
      client.getLabelset(opts.dataset, opts.labelset, { signal: ctx.signal }),
    );
  return { files, labels };
}

/** What this run uploads: the images not in the dataset yet, and the labels of samples without one. */
async function plan(ctx: Context, opts: UploadOptions, dir: string, files: string[], labels?: LabelSource) {
  const existing = await about(
    datasetSubject(opts.dataset),
    existingSamples(ctx, opts.dataset, labels ? opts.labelset : undefined),
  );
  const todo = files.filter((name) => !existing.has(name));
  const summary: UploadSummary = {
    dataset: opts.dataset,
    found: files.length,
    skipped: files.length - todo.length,
    created: 0,
  };
  ctx.out.note(
    `${files.length} images in ${dir}: ${summary.skipped} already in ${opts.dataset} (skipping), ${todo.length} to upload.`,
  );
  // Which labels go where: samples of the dataset plus those this run creates.
  let labelTodo: Array<{ item: LabelItem; sample: string }> = [];
  if (labels) {
    const { matched, unmatched } = matchLabels(labels.items, [...existing.keys(), ...todo]);
    labelTodo = matched.filter(({ sample }) => !existing.get(sample)?.labeled);
    summary.labels = {
      found: labels.items.length,
      skipped: matched.length - labelTodo.length,
      created: 0,
      unmatched: unmatched.length,
    };
    warnUnmatched(ctx, unmatched, opts.dataset);
    ctx.out.note(
      `${labels.items.length} labels in ${labels.path} (${labels.description}): ${summary.labels.skipped} already in ` +
        `labelset ${opts.labelset} (skipping), ${unmatched.length} without a sample, ${labelTodo.length} to upload.`,
    );
  }
  const uuids = new Map([...existing].map(([name, sample]) => [name, sample.uuid]));
  return { todo, labelTodo, summary, uuids };
}

type Plan = Awaited<ReturnType<typeof plan>>;

/** Uploads the images in batches: each batch's samples are created once its images are up (see the file comment). */
async function uploadSamples(ctx: Context, opts: UploadOptions, dir: string, work: Plan, progress: Progress) {
  const client = ctx.client();
  for (let start = 0; start < work.todo.length; start += opts.batchSize) {
    const batch = work.todo.slice(start, start + opts.batchSize);
    const samples = await mapLimit(
      batch,
      opts.concurrency,
      async (name) => {
        const asset = await client.uploadAsset(join(dir, name), basename(name), { signal: ctx.signal });
        progress.tick();
        return { name, attributes: { image: { url: asset.url } } };
      },
      ctx.signal,
    );
    const created = await client.addSamples(
      opts.dataset,
      samples,
      { concurrency: 1 },
      { signal: ctx.signal },
    );
    for (const sample of created) work.uuids.set(sample.name, sample.uuid);
    work.summary.created += created.length;
  }
}

/** Adds the planned labels to their samples. */
async function uploadLabels(ctx: Context, opts: UploadOptions, work: Plan, progress: Progress) {
  await mapLimit(
    work.labelTodo,
    opts.concurrency,
    async ({ item, sample }) => {
      const uuid = work.uuids.get(sample);
      if (uuid === undefined) throw new Error(`sample "${sample}" was not created`);
      const attributes = await labelAttributes(ctx, item);
      const params = { label_status: opts.labelStatus as UploadLabelStatus };
      await ctx.client().addLabel(uuid, opts.labelset, attributes, params, { signal: ctx.signal });
      if (work.summary.labels) work.summary.labels.created++;
      progress.tick();
    },
    ctx.signal,
  );
}

async function upload(ctx: Context, opts: UploadOptions, dir: string): Promise<void> {
  const { files, labels } = await prepare(ctx, opts, dir);
  const work = await plan(ctx, opts, dir, files, labels);
  const { summary, todo, labelTodo } = work;
  const total = todo.length + labelTodo.length;
  if (total === 0) {
    ctx.out.result(summary, () => `Nothing to upload: ${describe(summary, opts)}`);
    return;
  }
  const progress = new Progress({ label: "uploaded", total, stream: ctx.out.stderr });
  try {
    await uploadSamples(ctx, opts, dir, work, progress);
    await uploadLabels(ctx, opts, work, progress);
  } catch (error) {
    if (!ctx.signal.aborted) throw explainError(error, datasetSubject(opts.dataset));
    const labelsDone = summary.labels ? ` and ${summary.labels.created} of ${labelTodo.length} labels` : "";
    throw new CliError(
      `interrupted after creating ${summary.created} of ${todo.length} samples${labelsDone}. Re-run the same command to resume.`,
      ExitCode.Interrupted,
      { cause: error },
    );
  } finally {
    progress.finish();
  }
  ctx.out.result(summary, () => describe(summary, opts));
}

/** The closing line of an upload. */
function describe(summary: UploadSummary, opts: UploadOptions): string {
  const samples = `Created ${summary.created} samples in ${opts.dataset}; skipped ${summary.skipped} already there.`;
  const labels = summary.labels;
  if (!labels) return samples;
  return (
    `${samples} Added ${labels.created} labels to ${opts.labelset}; skipped ${labels.skipped} already labeled` +
    (labels.unmatched > 0 ? `; ${labels.unmatched} labels have no sample (see the warnings).` : ".")
  );
}

async function list(ctx: Context, opts: { limit?: number }, dataset: string): Promise<void> {
  const samples = [];
  for await (const sample of ctx.client().iterSamples(dataset, {}, { signal: ctx.signal })) {
    samples.push(sample);
    if (opts.limit !== undefined && samples.length >= opts.limit) break;
  }
  const rows = samples.map((s) => [s.name, s.uuid, s.created_at?.slice(0, 10) ?? "-"]);
  ctx.out.list(samples, ["NAME", "UUID", "CREATED"], rows, "No samples.");
}

/** Adds `segments samples ...` to the program. */
export function registerSamples(program: Command, runtime: Runtime): void {
  const samples = program.command("samples").description("list and upload samples");
  withJson(samples.command("list"), SAMPLE_FIELDS)
    .description("list the samples of a dataset")
    .argument("<dataset>", "dataset identifier, owner/name")
    .option("--limit <n>", "show at most n samples", positiveInt)
    .action(
      action(runtime, (ctx, opts: { limit?: number }, dataset: string) =>
        about(datasetSubject(dataset), list(ctx, opts, dataset)),
      ),
    );
  withJson(samples.command("upload"), ["dataset", "found", "skipped", "created", "labels"])
    .description("upload the images of a directory as samples (resumable: re-running skips what is there)")
    .argument("<dir>", "directory of images; sample names are the paths relative to it")
    .requiredOption("-d, --dataset <dataset>", "target dataset, owner/name")
    .option("-c, --concurrency <n>", "images uploaded at once", positiveInt, 4)
    .option("--batch-size <n>", "samples created per request", positiveInt, 100)
    .option(
      "--labels <path>",
      "labels to add: a directory of bitmap PNGs with annotations.json, a COCO instance JSON, or a segments labels JSON",
    )
    .option("--labelset <name>", "with --labels: the labelset to put them in", "ground-truth")
    .option(
      "--label-status <status>",
      `with --labels: one of ${UPLOAD_LABEL_STATUSES.join(", ")}`,
      "PRELABELED",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  segments samples upload ./photos --dataset jane/flowers\n" +
        "  segments samples upload ./photos -d jane/flowers --concurrency 8 --json\n" +
        "  segments samples upload ./photos -d jane/flowers --labels ./bitmaps --label-status LABELED\n" +
        "  segments samples upload ./photos -d jane/cars --labels instances.json\n\n" +
        "Labels match images by name without extension (bitmaps/night/a.png labels night/a.jpg).\n" +
        "Interrupted? Run the same command again: images already in the dataset are skipped, and so are\n" +
        "samples that already have a label in the labelset.",
    )
    .action(action(runtime, upload));
}
