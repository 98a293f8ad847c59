/** `segments export <dataset> <release> --format ...`: a release exported to COCO, YOLO or mask PNGs on disk. */

import { type ConversionWarning, SegmentsDataset } from "@segments-ts/converter";
import { type ExportFormat, exportDataset } from "@segments-ts/converter/node";
import type { Command } from "commander";
import { action, type Context, convertedOption, mebibytes, type Runtime, seconds } from "../context.js";
import { DEFAULT_MAX_DOWNLOAD_MIB, downloadBytes, guardedFetch } from "../download.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { withJson } from "../json-fields.js";
import { OutputDir, safeSegment } from "../safe-paths.js";
import { releaseFileUrl, waitFor } from "./releases.js";

/** Bytes kept of the owner, dataset and release names in export file names (three go into one name). */
const NAME_PART_BYTES = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Makes the names an export turns into file names safe, in a parsed release file: sample names become safe, unique
 * relative paths (see {@link OutputDir}), and the owner, dataset and release names single safe segments. Names that
 * are already safe are left as they are; anything that is not a string is left for the release loader to report.
 *
 * @example
 * ```ts
 * const release = safeReleaseNames(JSON.parse(text)); // sample "../../x.png" -> "x.png"
 * ```
 */
export function safeReleaseNames(release: unknown): unknown {
  if (!isRecord(release)) return release;
  if (typeof release.name === "string") release.name = safeSegment(release.name, NAME_PART_BYTES);
  const dataset = release.dataset;
  if (!isRecord(dataset)) return release;
  for (const key of ["owner", "name"] as const) {
    const value = dataset[key];
    if (typeof value === "string") dataset[key] = safeSegment(value, NAME_PART_BYTES);
  }
  const names = new OutputDir(".");
  if (Array.isArray(dataset.samples))
    for (const sample of dataset.samples)
      if (isRecord(sample) && typeof sample.name === "string") sample.name = names.name(sample.name);
  return release;
}

/** Checks `--labelset`: it goes into export file names, so it must be one plain name. */
export function labelsetOption(value: string): string {
  if (safeSegment(value) !== value)
    throw new CliError(
      `--labelset: "${value}" is not a plain name (no /, \\, control or reserved characters).`,
      ExitCode.Usage,
    );
  return value;
}

/** The `fetch` given to the converter for images and label bitmaps: http(s) and data:image only, capped. */
export function imageFetch(ctx: Context, maxBytes: number): typeof fetch {
  return guardedFetch({ what: "a sample image or label bitmap", maxBytes, signal: ctx.signal, images: true });
}

/** Formats of `exportDataset`, as accepted by `--format`. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  "coco-instance",
  "coco-panoptic",
  "yolo",
  "instance",
  "instance-color",
  "semantic",
  "semantic-color",
  "polygon",
];

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

/** Exports an already loaded dataset and prints the summary. */
export async function exportLoaded(
  ctx: Context,
  dataset: SegmentsDataset,
  format: ExportFormat,
  outDir: string,
): Promise<void> {
  const result = await exportDataset(dataset, format, outDir);
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
}

/** Downloads (capped, http(s) only) and parses a release file, with its names made safe for export. */
async function loadRelease(ctx: Context, url: string, maxBytes: number): Promise<unknown> {
  const bytes = await downloadBytes(url, { what: "the release file", maxBytes, signal: ctx.signal });
  try {
    return safeReleaseNames(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (error) {
    throw new CliError(
      `the release file is not valid JSON: ${(error as Error).message}.`,
      ExitCode.Rejected,
      {
        cause: error,
      },
    );
  }
}

async function run(ctx: Context, opts: ExportOptions, datasetId: string, releaseName: string): Promise<void> {
  const format = exportFormat(opts.format);
  labelsetOption(opts.labelset);
  const release = await waitFor(ctx, datasetId, releaseName, opts.timeout);
  const file = await loadRelease(ctx, releaseFileUrl(release, datasetId), opts.maxSize);
  const dataset = await SegmentsDataset.load(file as Parameters<typeof SegmentsDataset.load>[0] & object, {
    labelset: opts.labelset,
    fetch: imageFetch(ctx, opts.maxSize),
    ...(opts.filter ? { filterBy: opts.filter.split(",").map((s) => s.trim()) } : {}),
  });
  await exportLoaded(ctx, dataset, format, opts.out);
}

/** Adds `segments export` to the program. */
/** The fields of the export summary (`--json`). */
export const EXPORT_SUMMARY_FIELDS = ["format", "outDir", "samples", "files", "jsonFile", "warnings"];

export function registerExport(program: Command, runtime: Runtime): void {
  withJson(program.command("export"), EXPORT_SUMMARY_FIELDS)
    .description("export a release to COCO, YOLO or mask PNG files")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<release>", "release name")
    .requiredOption("-f, --format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("-o, --out <dir>", "output directory", "export")
    .option("--labelset <name>", "labelset to export", "ground-truth")
    .option("--filter <statuses>", "only these label statuses, comma-separated (e.g. REVIEWED,LABELED)")
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
        "  segments export jane/cars v2 --format yolo --filter REVIEWED --out yolo",
    )
    .action(action(runtime, run));
}
