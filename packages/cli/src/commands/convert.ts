/**
 * `segments convert --from <format> --to <format> <input> --out <path>`: label files converted locally, no API key
 * needed. Everything goes through the converter's common form (images with Segments labels plus categories):
 *
 * - from `coco` (instance JSON), `yolo` (a directory of .txt files plus classes.txt, with --images for the sizes) or
 *   `segments` (the labels JSON written by `--to segments`);
 * - to `segments` (labels JSON that `samples upload --labels` reads), `coco` or `yolo`;
 * - from `release` (a downloaded release file) to any `export` format.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import {
  type Category,
  fromCocoInstance,
  fromYolo,
  imageSize,
  type LabeledImage,
  SegmentsDataset,
  toCocoInstance,
  toYolo,
} from "@segments-ts/converter";
import type { Command } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { listImages } from "../files.js";
import { EXPORT_FORMATS, exportFormat, exportLoaded, reportWarnings } from "./export.js";

/** Labels in the form `segments` reads and writes: vector labels by sample name, plus the categories. */
export interface SegmentsLabelsFile {
  format: "segments-labels";
  version: 1;
  task_attributes: { format_version: "0.1"; categories: Category[] };
  samples: Array<{
    name: string;
    width: number;
    height: number;
    attributes: NonNullable<LabeledImage["vector"]>;
  }>;
}

/** The converter's common form. */
interface Labels {
  images: LabeledImage[];
  categories: Category[];
}

const FROM = ["coco", "yolo", "segments", "release"] as const;
const TO = ["segments", "coco", "yolo"] as const;

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}.`, ExitCode.Rejected, {
      cause: error,
    });
  }
}

/** Reads a labels JSON written by `--to segments`. */
export function parseSegmentsLabels(json: unknown, file: string): Labels {
  const data = json as Partial<SegmentsLabelsFile> | null;
  if (data?.format !== "segments-labels" || !Array.isArray(data.samples))
    throw new CliError(
      `${file} is not a segments labels file (expected "format": "segments-labels"). Make one with segments convert --to segments.`,
      ExitCode.Rejected,
    );
  return {
    categories: data.task_attributes?.categories ?? [],
    images: data.samples.map((s) => ({
      name: s.name,
      width: s.width,
      height: s.height,
      vector: s.attributes,
    })),
  };
}

/** Reads image sizes for YOLO (its files are normalised and do not record them). */
async function imageSizes(dir: string): Promise<Array<{ name: string; width: number; height: number }>> {
  const sizes = [];
  for (const name of await listImages(dir)) {
    const size = imageSize(new Uint8Array(await readFile(join(dir, name))));
    if (!size)
      throw new CliError(`cannot read the size of ${join(dir, name)} (PNG, JPEG, ...).`, ExitCode.Rejected);
    sizes.push({ name, ...size });
  }
  return sizes;
}

async function readYolo(ctx: Context, dir: string, opts: ConvertOptions): Promise<Labels> {
  if (!opts.images)
    throw new CliError("--from yolo needs --images <dir> (for the image sizes).", ExitCode.Usage);
  const classesFile = opts.classes ?? join(dir, "classes.txt");
  const labels = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".txt") || entry.name === "classes.txt") continue;
    const parent = (entry as { parentPath?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    const path = join(parent, entry.name);
    labels.set(relative(dir, path).split(sep).join("/"), await readFile(path, "utf8"));
  }
  const result = fromYolo(labels, await imageSizes(opts.images), await readFile(classesFile, "utf8"));
  reportWarnings(ctx, result.warnings);
  return result.value;
}

async function readLabels(ctx: Context, from: string, input: string, opts: ConvertOptions): Promise<Labels> {
  if (from === "coco") {
    const result = fromCocoInstance(await readJson(input), { file: input });
    reportWarnings(ctx, result.warnings);
    return result.value;
  }
  if (from === "yolo") return readYolo(ctx, input, opts);
  return parseSegmentsLabels(await readJson(input), input);
}

async function writeLabels(ctx: Context, to: string, labels: Labels, out: string): Promise<string[]> {
  const writeText = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return path;
  };
  if (to === "segments") {
    const missing = labels.images.filter((image) => image.vector === undefined && image.segmentation);
    if (missing.length > 0)
      throw new CliError(
        "segmentation labels cannot be written as segments labels yet; use --to coco.",
        ExitCode.Rejected,
      );
    const file: SegmentsLabelsFile = {
      format: "segments-labels",
      version: 1,
      task_attributes: { format_version: "0.1", categories: labels.categories },
      samples: labels.images.map((image) => ({
        name: image.name,
        width: image.width,
        height: image.height,
        attributes: image.vector ?? { format_version: "0.1", annotations: [] },
      })),
    };
    return [await writeText(out, JSON.stringify(file, null, 2))];
  }
  if (to === "coco") {
    const result = toCocoInstance(labels.images, labels.categories);
    reportWarnings(ctx, result.warnings);
    return [await writeText(out, JSON.stringify(result.value))];
  }
  const result = toYolo(labels.images, labels.categories);
  reportWarnings(ctx, result.warnings);
  const files = [];
  for (const [name, text] of result.value.files) files.push(await writeText(join(out, name), text));
  files.push(await writeText(join(out, "classes.txt"), result.value.classesTxt));
  return files;
}

interface ConvertOptions {
  from: string;
  to: string;
  out: string;
  images?: string;
  classes?: string;
  labelset: string;
}

async function convert(ctx: Context, opts: ConvertOptions, input: string): Promise<void> {
  if (!(FROM as readonly string[]).includes(opts.from))
    throw new CliError(
      `--from: unknown format "${opts.from}". Use one of: ${FROM.join(", ")}.`,
      ExitCode.Usage,
    );
  if (opts.from === "release") {
    // A release file holds labels in any task type (bitmaps too): the exporters handle it.
    const format = exportFormat(opts.to);
    await exportLoaded(ctx, await SegmentsDataset.load(input, { labelset: opts.labelset }), format, opts.out);
    return;
  }
  if (!(TO as readonly string[]).includes(opts.to))
    throw new CliError(
      `--to: "${opts.to}" is not supported from ${opts.from}. Use one of: ${TO.join(", ")} (or --from release --to ${EXPORT_FORMATS.join("|")}).`,
      ExitCode.Usage,
    );
  const labels = await readLabels(ctx, opts.from, input, opts);
  const files = await writeLabels(ctx, opts.to, labels, opts.out);
  const annotations = labels.images.reduce((n, image) => n + (image.vector?.annotations.length ?? 0), 0);
  const summary = { from: opts.from, to: opts.to, images: labels.images.length, annotations, files };
  ctx.out.result(
    summary,
    () =>
      `Converted ${summary.images} images (${annotations} annotations) from ${opts.from} to ${opts.to}: ` +
      (files.length === 1 ? `${files[0]}.` : `${files.length} files in ${opts.out}.`),
  );
}

/** Adds `segments convert` to the program. */
export function registerConvert(program: Command, runtime: Runtime): void {
  program
    .command("convert")
    .description("convert label files between formats (local, no API key needed)")
    .argument("<input>", "input file or directory")
    .requiredOption("--from <format>", `input format: ${FROM.join(", ")}`)
    .requiredOption(
      "--to <format>",
      `output format: ${TO.join(", ")}; from release: ${EXPORT_FORMATS.join(", ")}`,
    )
    .requiredOption("-o, --out <path>", "output file (segments, coco) or directory (yolo, exports)")
    .option("--images <dir>", "with --from yolo: the images, for their sizes")
    .option("--classes <file>", "with --from yolo: classes.txt (default <input>/classes.txt)")
    .option("--labelset <name>", "with --from release: labelset to read", "ground-truth")
    .addHelpText(
      "after",
      "\nExamples:\n  segments convert --from coco --to segments instances.json --out labels.json\n" +
        "  segments convert --from segments --to yolo labels.json --out yolo/\n" +
        "  segments convert --from yolo --to coco labels/ --images images/ --out instances.json\n" +
        "  segments convert --from release --to coco-instance flowers-v1.json --out export/",
    )
    .action(action(runtime, convert));
}
