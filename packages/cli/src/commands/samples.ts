/**
 * `segments samples list|upload`. Upload is resumable: it first lists the names already in the dataset and skips
 * them, and samples are created in batches as their images finish uploading, so an interrupted run loses at most
 * one batch of asset uploads. The bulk endpoint returns an existing sample for a name it already has, so even a
 * crash between "assets uploaded" and "samples created" cannot create duplicates.
 */
import { basename, join } from "node:path";
import type { Command } from "commander";
import { mapLimit } from "../concurrency.js";
import { action, type Context, positiveInt, type Runtime } from "../context.js";
import { about, CliError, datasetSubject, explainError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { IMAGE_EXTENSIONS, listImages } from "../files.js";
import { formatTable } from "../output.js";
import { Progress } from "../progress.js";

/** Task types whose samples are a single image (`{ image: { url } }`). */
const IMAGE_TASK_TYPES = [
  "segmentation-bitmap",
  "segmentation-bitmap-highres",
  "vector",
  "bboxes",
  "keypoints",
  "",
];

interface UploadOptions {
  dataset: string;
  concurrency: number;
  batchSize: number;
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
}

async function existingNames(ctx: Context, dataset: string): Promise<Set<string>> {
  const names = new Set<string>();
  const samples = ctx.client().iterSamples(dataset, { per_page: 1000 }, { signal: ctx.signal });
  for await (const sample of samples) names.add(sample.name);
  return names;
}

async function upload(ctx: Context, opts: UploadOptions, dir: string): Promise<void> {
  const files = await listImages(dir);
  if (files.length === 0)
    throw new CliError(
      `no images in ${dir} (looked for ${IMAGE_EXTENSIONS.join(" ")}). Check the directory.`,
      ExitCode.NotFound,
    );
  const client = ctx.client();
  const dataset = await about(
    datasetSubject(opts.dataset),
    client.getDataset(opts.dataset, { signal: ctx.signal }),
  );
  if (!IMAGE_TASK_TYPES.includes(dataset.task_type))
    throw new CliError(
      `dataset "${opts.dataset}" is a ${dataset.task_type} dataset; samples upload handles image datasets (${IMAGE_TASK_TYPES.filter(Boolean).join(", ")}).`,
      ExitCode.Rejected,
    );
  const existing = await about(datasetSubject(opts.dataset), existingNames(ctx, opts.dataset));
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
  if (todo.length === 0) {
    ctx.out.result(
      summary,
      () => `Nothing to upload: all ${files.length} images are already in ${opts.dataset}.`,
    );
    return;
  }
  const progress = new Progress({ label: "uploaded", total: todo.length, stream: ctx.out.stderr });
  try {
    for (let start = 0; start < todo.length; start += opts.batchSize) {
      const batch = todo.slice(start, start + opts.batchSize);
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
      summary.created += created.length;
    }
  } catch (error) {
    if (!ctx.signal.aborted) throw explainError(error, datasetSubject(opts.dataset));
    throw new CliError(
      `interrupted after creating ${summary.created} of ${todo.length} samples. Re-run the same command to resume.`,
      ExitCode.Interrupted,
      { cause: error },
    );
  } finally {
    progress.finish();
  }
  ctx.out.result(
    summary,
    () => `Created ${summary.created} samples in ${opts.dataset}; skipped ${summary.skipped} already there.`,
  );
}

async function list(ctx: Context, opts: { limit?: number }, dataset: string): Promise<void> {
  const samples = [];
  for await (const sample of ctx.client().iterSamples(dataset, {}, { signal: ctx.signal })) {
    samples.push(sample);
    if (opts.limit !== undefined && samples.length >= opts.limit) break;
  }
  const rows = samples.map((s) => [s.name, s.uuid, s.created_at?.slice(0, 10) ?? "-"]);
  ctx.out.result(samples, () =>
    samples.length === 0 ? "No samples." : formatTable(["NAME", "UUID", "CREATED"], rows),
  );
}

/** Adds `segments samples ...` to the program. */
export function registerSamples(program: Command, runtime: Runtime): void {
  const samples = program.command("samples").description("list and upload samples");
  samples
    .command("list")
    .description("list the samples of a dataset")
    .argument("<dataset>", "dataset identifier, owner/name")
    .option("--limit <n>", "show at most n samples", positiveInt)
    .action(
      action(runtime, (ctx, opts: { limit?: number }, dataset: string) =>
        about(datasetSubject(dataset), list(ctx, opts, dataset)),
      ),
    );
  samples
    .command("upload")
    .description("upload the images of a directory as samples (resumable: re-running skips what is there)")
    .argument("<dir>", "directory of images; sample names are the paths relative to it")
    .requiredOption("-d, --dataset <dataset>", "target dataset, owner/name")
    .option("-c, --concurrency <n>", "images uploaded at once", positiveInt, 4)
    .option("--batch-size <n>", "samples created per request", positiveInt, 100)
    .addHelpText(
      "after",
      "\nExamples:\n  segments samples upload ./photos --dataset jane/flowers\n" +
        "  segments samples upload ./photos -d jane/flowers --concurrency 8 --json\n\n" +
        "Interrupted? Run the same command again: images already in the dataset are skipped.",
    )
    .action(action(runtime, upload));
}
