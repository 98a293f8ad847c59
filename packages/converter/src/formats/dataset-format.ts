/**
 * The shape every per-dataset format has, both ways: a {@link DatasetFormat} writes a {@link LabeledDataset} as files
 * and reads it back from files. A folder, an archive or an upload all become {@link DatasetFiles}, so one importer
 * serves them all (the Node entry's `readDatasetFiles` reads a folder).
 */
import type { ConversionResult } from "../errors.js";
import type { Category, LabeledImage } from "../types.js";

/** Labeled images and their categories: what every dataset format reads and writes. */
export interface LabeledDataset {
  images: LabeledImage[];
  categories: Category[];
}

/**
 * A dataset's files, by relative `/`-separated name: text (JSON, XML, TXT, YAML) as strings, other files as bytes.
 * Formats read images only for their size, so an image's first bytes (its header) are enough.
 */
export type DatasetFiles = ReadonlyMap<string, string | Uint8Array>;

/** Files written by {@link DatasetFormat.write}: safe, unique relative names (see `UniqueNames`). */
export type WrittenFiles = Map<string, string | Uint8Array>;

/**
 * A format that holds a whole dataset as files (a COCO JSON, a YOLO folder, a folder of VOC or labelme files). Both
 * directions collect warnings and throw a located `ConversionError` for what cannot be converted.
 */
export interface DatasetFormat<F extends string = string, WriteOptions = object, ReadOptions = object> {
  readonly name: F;
  /** One line: the files the format is made of (help texts, docs). */
  readonly description: string;
  /**
   * Extensions (lower case, with the dot) of binary files the format reads whole, such as label PNGs; folder readers
   * read other binary files (images) only up to their header.
   */
  readonly wholeFiles?: readonly string[];
  /** `segmentation` when the format holds segmentation bitmaps only (vector labels are skipped with a warning). */
  readonly holds?: "segmentation";
  /** The dataset as files. */
  write(dataset: LabeledDataset, options?: WriteOptions): ConversionResult<WrittenFiles>;
  /** The dataset from its files. */
  read(files: DatasetFiles, options?: ReadOptions): ConversionResult<LabeledDataset>;
}

/**
 * Declares a dataset format, keeping its name as a literal type.
 *
 * @example
 * ```ts
 * export const myFormat = defineDatasetFormat({
 *   name: "my-format",
 *   description: "one text file per image",
 *   write: (dataset) => ({ value: new Map([["a.txt", "..."]]), warnings: [] }),
 *   read: (files) => ({ value: { images: [], categories: [] }, warnings: [] }),
 * });
 * ```
 */
export function defineDatasetFormat<const F extends string, WriteOptions = object, ReadOptions = object>(
  format: DatasetFormat<F, WriteOptions, ReadOptions>,
): DatasetFormat<F, WriteOptions, ReadOptions> {
  return format;
}

/** The text of a file given as a string or as UTF-8 bytes. */
export function textOf(content: string | Uint8Array): string {
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

/** The names in `files` ending in one of `extensions` (lower case, with the dot), sorted. */
export function namesWith(files: DatasetFiles, ...extensions: string[]): string[] {
  return [...files.keys()].filter((name) => extensions.some((e) => name.toLowerCase().endsWith(e))).sort();
}
