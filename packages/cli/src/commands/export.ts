/** `segments export <dataset> <release> --format ...`: a release exported to COCO, YOLO, VOC or mask PNGs on disk. */

import { type ConversionWarning, EXPORT_FORMATS, SegmentsDataset } from "@segments-ts/converter";
import { type ExportFormat, exportDataset } from "@segments-ts/converter/node";
import type { Command } from "commander";
import { action, type Context, convertedOption, mebibytes, type Runtime, seconds } from "../context.js";
import { checkUrl, DEFAULT_MAX_DOWNLOAD_MIB } from "../download.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { withJson } from "../json-fields.js";
import { releaseFileUrl, waitFor } from "./releases.js";

/** Formats of `exportDataset`, as accepted by `--format`: the converter's registry. */
export { EXPORT_FORMATS };

/** Checks a `--format` value. */
export function exportFormat(value: string): ExportFormat {
  const format = value === "coco" ? "coco-instance" : value;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new CliError(
      `--format: unknown format "${value}". Use one of ${EXPORT_FORMATS.join(", ")}.`,
      ExitCode.Usage,
    );
  return format as ExportFormat;
}

/** Prints up to a few warnings, then how many more there were. */
export function reportWarnings(ctx: Context, warnings: readonly ConversionWarning[]): void {
  const shown = 5;
  for (const w of warnings.slice(0, shown)) {
    const where = [w.file, w.item, w.field].filter(Boolean).join(", ");
    ctx.out.note(`warning: ${w.message}${where ? ` (${where})` : ""}`);
  }
  if (warnings.length > shown) ctx.out.note(`... and ${warnings.length - shown} more warnings.`);
}

/** `--yolo-mode`, checked: `detect` or `segment` (undefined: the format's default for the dataset). */
export function yoloMode(value: string | undefined): "detect" | "segment" | undefined {
  if (value === undefined || value === "detect" || value === "segment") return value;
  throw new CliError(`--yolo-mode: "${value}" is not one of detect, segment.`, ExitCode.Usage);
}

/** Exports an already loaded dataset and prints the summary. */
export async function exportLoaded(
  ctx: Context,
  dataset: SegmentsDataset,
  format: ExportFormat,
  outDir: string,
  options: { yoloMode?: "detect" | "segment" | undefined } = {},
): Promise<void> {
  const mode = options.yoloMode;
  const result = await exportDataset(dataset, format, outDir, mode === undefined ? {} : { yoloMode: mode });
  reportWarnings(ctx, result.warnings);
  const summary = {
    format,
    outDir,
    samples: dataset.samples.length,
    files: result.files.length,
    jsonFile: result.jsonFile ?? null,
    warnings: result.warnings.length,
  };
  ctx.out.result(
    summary,
    () =>
      `Exported ${summary.samples} samples as ${format}: ${summary.files} files in ${outDir}` +
      `${result.jsonFile ? ` (${result.jsonFile})` : ""}.`,
  );
}

interface ExportOptions {
  format: string;
  out: string;
  labelset: string;
  filter?: string;
  timeout: number;
  maxSize: number;
  yoloMode?: string;
}

async function run(ctx: Context, opts: ExportOptions, datasetId: string, releaseName: string): Promise<void> {
  const format = exportFormat(opts.format);
  const mode = yoloMode(opts.yoloMode);
  const release = await waitFor(ctx, datasetId, releaseName, opts.timeout);
  checkUrl(releaseFileUrl(release, datasetId), { what: "the release file" });
  // The converter fetches the release file, images and bitmaps over http(s) only, each capped at maxDownloadBytes,
  // and makes every output name safe and unique (names in a release are untrusted).
  const dataset = await SegmentsDataset.load(release, {
    labelset: opts.labelset,
    maxDownloadBytes: opts.maxSize,
    ...(opts.filter ? { filterBy: opts.filter.split(",").map((s) => s.trim()) } : {}),
  });
  await exportLoaded(ctx, dataset, format, opts.out, { yoloMode: mode });
}

/** Adds `segments export` to the program. */
/** The fields of the export summary (`--json`). */
export const EXPORT_SUMMARY_FIELDS = ["format", "outDir", "samples", "files", "jsonFile", "warnings"];

export function registerExport(program: Command, runtime: Runtime): void {
  withJson(program.command("export"), EXPORT_SUMMARY_FIELDS)
    .description("export a release to COCO, YOLO, VOC or mask PNG files")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<release>", "release name")
    .requiredOption("-f, --format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("-o, --out <dir>", "output directory", "export")
    .option("--labelset <name>", "labelset to export", "ground-truth")
    .option("--filter <statuses>", "only these label statuses, comma-separated (e.g. REVIEWED,LABELED)")
    .option(
      "--yolo-mode <mode>",
      "with --format yolo: detect (boxes) or segment (polygons; the default for segmentation datasets)",
    )
    .addOption(
      convertedOption("--timeout <seconds>", "how long to wait for the release to be built", seconds, 600),
    )
    .addOption(
      convertedOption(
        "--max-size <MiB>",
        "refuse a larger release file or image",
        mebibytes,
        DEFAULT_MAX_DOWNLOAD_MIB,
      ),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  segments export jane/flowers v1.0 --format coco-instance --out out\n" +
        "  segments export jane/cars v2 --format yolo --filter REVIEWED --out yolo\n" +
        "  segments export jane/flowers v1.0 --format yolo --yolo-mode detect --out yolo-boxes",
    )
    .action(action(runtime, run));
}
