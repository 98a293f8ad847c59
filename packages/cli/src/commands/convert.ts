/**
 * `segments convert --from <format> --to <format> <input> --out <path>`: label files converted locally, no API key
 * needed. Everything goes through the converter's common form (images with Segments labels plus categories):
 *
 * - the converter's dataset formats both ways (`DATASET_FORMATS`: `coco` instance JSON, `yolo` folders with
 *   classes.txt or data.yaml, `voc` and `labelme` folders, `coco-panoptic` and `index-png` PNG folders), read and
 *   written through its registry;
 * - `segments` (what `samples upload --labels` reads: a labels JSON for vector labels, or a directory of bitmap PNGs
 *   plus `annotations.json` for segmentation labels), both ways;
 * - from `release` (a downloaded release file) to `segments`, any dataset format, or any `export` format.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { bitmap2file } from "@segments-ts/bitmap";
import {
  DATASET_FORMAT_NAMES,
  type DatasetFiles,
  datasetFormat,
  fromCocoInstance,
  imageSize,
  type LabeledImage,
  toCocoInstance,
} from "@segments-ts/converter";
import {
  loadReleaseFile,
  OutputDirectory,
  readDatasetFiles,
  writeDatasetFiles,
} from "@segments-ts/converter/node";
import type { Command } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { listImages } from "../files.js";
import { withJson } from "../json-fields.js";
import {
  BITMAP_SIDECAR,
  type BitmapSidecar,
  checkBitmapIds,
  type Labels,
  parseSegmentsLabels,
  readBitmap,
  readBitmapDirectory,
  readJson,
  type SegmentsLabelsFile,
  stripExtension,
} from "../labels.js";
import {
  EXPORT_FORMATS,
  EXPORT_SUMMARY_FIELDS,
  exportFormat,
  exportLoaded,
  reportWarnings,
  yoloMode,
} from "./export.js";

const FROM: readonly string[] = [...DATASET_FORMAT_NAMES, "segments", "release"];
const TO: readonly string[] = ["segments", ...DATASET_FORMAT_NAMES];

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

/**
 * The files of a dataset format: a folder (read recursively), or one file. For `yolo`, `--classes` replaces
 * classes.txt and `--images` gives the images (for their sizes) when they are not in the folder.
 */
async function readFormat(ctx: Context, from: string, input: string, opts: ConvertOptions): Promise<Labels> {
  const format = datasetFormat(from);
  const files: Map<string, string | Uint8Array> = (await stat(input)).isDirectory()
    ? new Map(await readDatasetFiles(input, { wholeFiles: format.wholeFiles ?? [] }))
    : new Map([[basename(input), await readFile(input, "utf8")]]);
  const options: { images?: Array<{ name: string; width: number; height: number }> } = {};
  if (from === "yolo") {
    if (opts.classes) files.set("classes.txt", await readFile(opts.classes, "utf8"));
    if (opts.images) options.images = await imageSizes(opts.images);
    else if (![...files.values()].some((content) => content instanceof Uint8Array))
      throw new CliError(
        "--from yolo needs the images (for their sizes): in the folder (images/ + labels/) or with --images <dir>.",
        ExitCode.Usage,
      );
  }
  const result = format.read(files as DatasetFiles, options);
  reportWarnings(ctx, result.warnings);
  return result.value;
}

/** Reads the bitmap directory layout of `--to segments` back (decoding every PNG, for the sizes). */
async function readBitmapLabels(dir: string): Promise<Labels> {
  const bitmaps = await readBitmapDirectory(dir);
  const images: LabeledImage[] = [];
  for (const { png, annotations } of bitmaps.entries) {
    const file = join(dir, png);
    const bitmap = await readBitmap(file);
    checkBitmapIds(bitmap, annotations, file);
    images.push({
      name: png,
      width: bitmap.width,
      height: bitmap.height,
      segmentation: { annotations, bitmap },
    });
  }
  return { images, categories: bitmaps.categories };
}

async function readLabels(ctx: Context, from: string, input: string, opts: ConvertOptions): Promise<Labels> {
  if (from === "coco") {
    const target = opts.segmentation ? "segmentation" : "vector";
    const result = fromCocoInstance(await readJson(input), { file: input, target });
    reportWarnings(ctx, result.warnings);
    return result.value;
  }
  if (from === "release") {
    // Segmentation bitmaps are downloaded from the URLs in the release file.
    const dataset = await loadReleaseFile(input, { labelset: opts.labelset });
    const images: LabeledImage[] = [];
    for await (const image of dataset.labeledImages()) images.push(image);
    return { images, categories: dataset.categories };
  }
  if (from !== "segments") return readFormat(ctx, from, input, opts);
  if ((await stat(input)).isDirectory()) return readBitmapLabels(input);
  return parseSegmentsLabels(await readJson(input), input);
}

async function writeText(path: string, text: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

/**
 * Segmentation labels as `samples upload --labels` reads them: one bitmap PNG per labeled image (named like the
 * image, with `.png`) and the `annotations.json` sidecar, in the directory `out`.
 */
async function writeBitmapLabels(ctx: Context, labels: Labels, out: string): Promise<string[]> {
  const sidecar: BitmapSidecar = {
    format: "segments-bitmaps",
    version: 1,
    categories: labels.categories,
    annotations: {},
  };
  const files: string[] = [];
  const dir = new OutputDirectory(out);
  const sidecarName = dir.claim(BITMAP_SIDECAR);
  let unlabeled = 0;
  for (const image of labels.images) {
    if (image.vector)
      throw new CliError(
        `${image.name} has a vector label while others are segmentation bitmaps; convert them separately.`,
        ExitCode.Rejected,
      );
    if (!image.segmentation) {
      unlabeled++;
      continue;
    }
    // Names from the input file are untrusted: made safe and unique (rose.jpg and rose.png give rose.png and
    // rose-2.png), and the sidecar records the name actually written.
    const png = dir.claim(`${stripExtension(image.name)}.png`, { directories: true });
    const { bitmap, annotations } = image.segmentation;
    sidecar.annotations[png] = annotations;
    files.push(
      await dir.writeClaimed(png, bitmap2file(bitmap.data, { width: bitmap.width, height: bitmap.height })),
    );
  }
  if (unlabeled > 0) ctx.out.note(`${unlabeled} unlabeled images have no bitmap (nothing written for them).`);
  files.push(await dir.writeClaimed(sidecarName, JSON.stringify(sidecar, null, 2)));
  return files;
}

async function writeLabels(
  ctx: Context,
  to: string,
  labels: Labels,
  out: string,
  opts: ConvertOptions,
): Promise<string[]> {
  if (to === "segments") {
    if (labels.images.some((image) => image.segmentation)) return writeBitmapLabels(ctx, labels, out);
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
  const mode = yoloMode(opts.yoloMode);
  const result = datasetFormat(to).write(labels, to === "yolo" && mode !== undefined ? { mode } : {});
  reportWarnings(ctx, result.warnings);
  const written = await writeDatasetFiles(out, result.value);
  reportWarnings(ctx, written.warnings);
  return written.files;
}

interface ConvertOptions {
  from: string;
  to: string;
  out: string;
  images?: string;
  classes?: string;
  labelset: string;
  segmentation?: boolean;
  yoloMode?: string;
}

async function convert(ctx: Context, opts: ConvertOptions, input: string): Promise<void> {
  if (!FROM.includes(opts.from))
    throw new CliError(
      `--from: unknown format "${opts.from}". Use one of: ${FROM.join(", ")}.`,
      ExitCode.Usage,
    );
  if (opts.segmentation && opts.from !== "coco")
    throw new CliError("--segmentation only applies to --from coco.", ExitCode.Usage);
  const mode = yoloMode(opts.yoloMode);
  if (
    opts.from === "release" &&
    opts.to !== "segments" &&
    (EXPORT_FORMATS as readonly string[]).includes(opts.to)
  ) {
    // A release file holds labels in any task type (bitmaps too): the exporters handle it.
    const format = exportFormat(opts.to);
    const dataset = await loadReleaseFile(input, { labelset: opts.labelset });
    await exportLoaded(ctx, dataset, format, opts.out, { yoloMode: mode });
    return;
  }
  if (!TO.includes(opts.to))
    throw new CliError(
      `--to: "${opts.to}" is not supported from ${opts.from}. Use one of: ${TO.join(", ")} (or --from release --to ${EXPORT_FORMATS.join("|")}).`,
      ExitCode.Usage,
    );
  const labels = await readLabels(ctx, opts.from, input, opts);
  const files = await writeLabels(ctx, opts.to, labels, opts.out, opts);
  const annotations = labels.images.reduce(
    (n, image) => n + (image.vector?.annotations.length ?? image.segmentation?.annotations.length ?? 0),
    0,
  );
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
  // From a release to an export format, the summary is the export's.
  const fields = [
    "from",
    "to",
    "images",
    "annotations",
    "files",
    ...EXPORT_SUMMARY_FIELDS.filter((f) => f !== "files"),
  ];
  withJson(program.command("convert"), fields)
    .description("convert label files between formats (local, no API key needed)")
    .argument("<input>", "input file or directory")
    .requiredOption("--from <format>", `input format, one of ${FROM.join(", ")}`)
    .requiredOption(
      "--to <format>",
      `output format, one of ${TO.join(", ")} (from release also ${EXPORT_FORMATS.join(", ")})`,
    )
    .requiredOption(
      "-o, --out <path>",
      "output file (segments, coco) or directory (yolo, voc, labelme, exports, segments with segmentation bitmaps)",
    )
    .option("--images <dir>", "with --from yolo: the images, for their sizes (when not in the input folder)")
    .option("--classes <file>", "with --from yolo: classes.txt (default <input>/classes.txt)")
    .option("--labelset <name>", "with --from release: labelset to read", "ground-truth")
    .option("--segmentation", "with --from coco: import masks as segmentation bitmaps instead of polygons")
    .option("--yolo-mode <mode>", "with --to yolo: detect (boxes) or segment (polygons; default for bitmaps)")
    .addHelpText(
      "after",
      "\nExamples:\n  segments convert --from coco --to segments instances.json --out labels.json\n" +
        "  segments convert --from coco --to segments instances.json --segmentation --out bitmaps/\n" +
        "  segments convert --from release --to segments flowers-v1.json --out bitmaps/\n" +
        "  segments convert --from segments --to yolo labels.json --out yolo/\n" +
        "  segments convert --from yolo --to coco labels/ --images images/ --out instances.json\n" +
        "  segments convert --from yolo --to voc my-ultralytics-dataset/ --out voc/\n" +
        "  segments convert --from labelme --to coco labelme-folder/ --out instances.json\n" +
        "  segments convert --from release --to coco-instance flowers-v1.json --out export/",
    )
    .action(action(runtime, convert));
}
