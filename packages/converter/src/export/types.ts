/**
 * The shape every export format has: an {@link Exporter} starts an {@link ExportRun} into a {@link FileSink}, the run
 * gets each labeled sample in order, then finishes. `exportTo` (run.ts) is the lookup and the loop; the Node entry's
 * `exportDataset` gives it an output directory.
 */
import type { ConversionWarning, WarningCollector } from "../errors.js";
import type { ToCocoOptions } from "../formats/coco/index.js";
import type { DatasetSample, SegmentsDataset } from "../release/index.js";
import type { TaskType } from "../types.js";

/** How a file name is claimed (see `UniqueNames.claim`). */
export interface ClaimOptions {
  /** Keep `/` and `\` as folders (sample names such as `train/a.jpg`); otherwise the name is one file name. */
  directories?: boolean;
  /** The item the file is for (e.g. `sample a.jpg`), named in the warning when the name had to change. */
  item?: string;
}

/**
 * Where an export writes. A name is claimed first (made safe and unique, see `UniqueNames`), then written; claiming
 * early serves files named inside other files (a panoptic PNG named in its JSON). `OutputDirectory` of the Node entry
 * is the file-system one.
 */
export interface FileSink {
  /** Claims a safe, unique name for `name`, to write later. Returns the claimed name (`/`-separated, relative). */
  claim(name: string, options?: ClaimOptions): string;
  /** Where a claimed file goes: what `files` lists and errors name (a path, for `OutputDirectory`). */
  pathOf(claimed: string): string;
  /** Writes a claimed file whole; returns {@link FileSink.pathOf}. */
  writeClaimed(claimed: string, data: string | Uint8Array): Promise<string>;
  /** Opens a claimed file to write text piece by piece (a large JSON). */
  open(claimed: string): Promise<TextFileWriter>;
  /** Every file written so far, as {@link FileSink.pathOf} names it. */
  readonly files: readonly string[];
}

/** A text file being written piece by piece (see {@link FileSink.open}). */
export interface TextFileWriter {
  /** Appends text, waiting while the destination is busy. */
  write(text: string): Promise<void>;
  /** Finishes the file; returns its path. */
  close(): Promise<string>;
}

/**
 * Options of `exportDataset` / `exportTo`. An exporter with options of its own declares them here from its own file,
 * by module augmentation (`declare module "./types.js" { interface ExportOptions { ... } }`), so that adding one
 * does not touch this file.
 */
export interface ExportOptions {
  /** Added to category ids in `semantic` PNGs (default 0). */
  idIncrement?: number;
  /** Options of the `coco-instance` export. */
  coco?: ToCocoOptions;
  /**
   * Frame width in pixels, required for `yolo` on `image-vector-sequence` datasets (the Python SDK's
   * `image_width`): sequence frames are not downloaded to read their size.
   */
  imageWidth?: number;
  /** Frame height in pixels, required with {@link ExportOptions.imageWidth} (the Python SDK's `image_height`). */
  imageHeight?: number;
}

/** Result of `exportDataset` / `exportTo`. */
export interface ExportResult {
  /** The JSON file (COCO formats and polygon). */
  jsonFile?: string;
  /** Every file written. */
  files: string[];
  warnings: ConversionWarning[];
}

/** What an exporter gets to start a run. */
export interface ExportContext {
  dataset: SegmentsDataset;
  out: FileSink;
  warnings: WarningCollector;
  options: ExportOptions;
}

/** One export in progress: each labeled sample, in release order, then {@link ExportRun.finish}. */
export interface ExportRun {
  add(sample: DatasetSample): Promise<void>;
  /** Writes what comes after the samples (a JSON file, `classes.txt`); returns the JSON file, if the format has one. */
  finish(): Promise<{ jsonFile?: string | undefined }>;
}

/**
 * An export format of `exportDataset`: its name, the task types it takes, a line for help texts and docs, and how it
 * writes. Registered in `registry.ts`, from which the CLI's `--format` values, the docs and the README table come.
 */
export interface Exporter<F extends string = string> {
  readonly format: F;
  /** One line: what the export writes (help texts, docs, the README table). */
  readonly description: string;
  readonly taskTypes: readonly TaskType[];
  start(context: ExportContext): ExportRun | Promise<ExportRun>;
}

/**
 * Declares an exporter, keeping its format name as a literal type (`ExportFormat` is the union of them).
 *
 * @example
 * ```ts
 * export const myFormat = defineExporter({
 *   format: "my-format",
 *   description: "one text file per image",
 *   taskTypes: ["vector"],
 *   start: ({ out }) => ({
 *     add: async (sample) => void (await out.writeClaimed(out.claim(`${sample.name}.txt`), "...")),
 *     finish: async () => ({}),
 *   }),
 * });
 * ```
 */
export function defineExporter<const F extends string>(exporter: Exporter<F>): Exporter<F> {
  return exporter;
}
