/** `segments labels render <sample>`: a picture of a sample's image label (renderLabel of @segments-ts/pointcloud). */
import { writeFile } from "node:fs/promises";
import { decodeImage, loadImageFromUrl, loadLabelBitmapFromUrl } from "@segments-ts/bitmap";
import { renderLabelPng } from "@segments-ts/pointcloud";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { about, CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { withJson } from "../json-fields.js";

interface RenderOptions {
  labelset: string;
  output: string;
  frame: number;
  alpha: number;
  names: boolean;
}

type Json = Record<string, unknown>;

/** The image of the sample (or of one frame of an image sequence): its signed URL when there is one. */
function imageUrl(attributes: Json | undefined, frame: number): string {
  const frames = attributes?.frames as Json[] | undefined;
  const holder = (Array.isArray(frames) ? frames[frame] : attributes) as Json | undefined;
  const image = holder?.image as { url?: string | null; signed_url?: string | null } | undefined;
  const url = image?.signed_url ?? image?.url;
  if (!url)
    throw new CliError(
      Array.isArray(frames) && !holder
        ? `the sample has frames 0 to ${frames.length - 1}, not ${frame}.`
        : "the sample has no image: only image labels can be drawn.",
      ExitCode.Rejected,
    );
  return url;
}

async function render(ctx: Context, opts: RenderOptions, sampleUuid: string): Promise<void> {
  const client = ctx.client();
  const subject = { what: `sample "${sampleUuid}"`, notFoundHint: "Check the sample's uuid." };
  const sample = await about(subject, client.getSample(sampleUuid, undefined, { signal: ctx.signal }));
  const label = await about(
    {
      what: `the ${opts.labelset} label of sample "${sampleUuid}"`,
      notFoundHint: "Check the labelset (--labelset).",
    },
    client.getLabel(sampleUuid, opts.labelset, {}, { signal: ctx.signal }),
  );
  const datasetName = sample.dataset_full_name;
  if (!datasetName)
    throw new CliError("the API did not say which dataset the sample is in.", ExitCode.Rejected);
  const dataset = await about(
    { what: `dataset "${datasetName}"` },
    client.getDataset(datasetName, { signal: ctx.signal }),
  );
  const load = { signal: ctx.signal };
  const image = await decodeImage(
    (await loadImageFromUrl(imageUrl(sample.attributes as Json, opts.frame), load)).bytes,
  );
  const attributes = label.attributes as Json | null | undefined;
  const frames = attributes?.frames as Json[] | undefined;
  const bitmapHolder = (Array.isArray(frames) ? frames[opts.frame] : attributes) as Json | undefined;
  const bitmapUrl = (bitmapHolder?.segmentation_bitmap as { url?: string | null } | undefined)?.url;
  const bitmap = bitmapUrl ? await loadLabelBitmapFromUrl(bitmapUrl, load) : undefined;
  const png = renderLabelPng(image, label, dataset.task_attributes?.categories ?? [], {
    frame: opts.frame,
    alpha: opts.alpha,
    names: opts.names,
    ...(bitmap ? { bitmap } : {}),
  });
  await writeFile(opts.output, png);
  ctx.out.result(
    { file: opts.output, width: image.width, height: image.height },
    () =>
      `Wrote ${opts.output} (${image.width}x${image.height}): the ${opts.labelset} label of ${sample.name}.`,
  );
}

function frameNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a frame number from 0.");
  return n;
}

function opacity(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a number from 0 to 1.");
  return n;
}

/** Adds `segments labels render` to the program. */
export function registerLabels(program: Command, runtime: Runtime): void {
  const labels = program.command("labels").description("work with labels");
  withJson(labels.command("render"), ["file", "width", "height"])
    .description("draw a sample's image label over its image, with category colours and names, as a PNG")
    .argument("<sample>", "the sample's uuid")
    .option("--labelset <name>", "labelset to draw", "ground-truth")
    .option("-o, --output <file>", "PNG file to write", "label.png")
    .option("--frame <n>", "frame of an image sequence", frameNumber, 0)
    .option("--alpha <a>", "opacity of filled areas, 0 to 1", opacity, 0.5)
    .option("--no-names", "leave out the category names")
    .action(action(runtime, render));
}
