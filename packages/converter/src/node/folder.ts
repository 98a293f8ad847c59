/** A folder as a dataset format's files (`DatasetFiles`), both ways. */
import { open, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type ConversionResult, type ConversionWarning, WarningCollector } from "../errors.js";
import type { DatasetFiles, DatasetFormat, LabeledDataset, WrittenFiles } from "../formats/dataset-format.js";
import { type DatasetFormatName, datasetFormat } from "../formats/dataset-formats.js";
import { IMAGE_HEADER_BYTES } from "../release/download.js";
import { OutputDirectory } from "./output.js";

/** Files read as text; every other file is read as bytes, up to its header (formats only read images' sizes). */
const TEXT_EXTENSIONS = [".json", ".xml", ".txt", ".yaml", ".yml"];

/**
 * Reads a folder (recursively) into the files a `DatasetFormat` reads: text files and `wholeFiles` (the format's
 * `wholeFiles`, e.g. label PNGs) whole, other files (images) only their first 1 MiB, which holds their size. Names are relative to `dir`, `/`-separated.
 *
 * @example
 * ```ts
 * const { value, warnings } = datasetFormat("voc").read(await readDatasetFiles("annotations"));
 * ```
 */
export async function readDatasetFiles(
  dir: string,
  options: { wholeFiles?: readonly string[] } = {},
): Promise<DatasetFiles> {
  const whole = [...TEXT_EXTENSIONS, ...(options.wholeFiles ?? [])];
  const files = new Map<string, string | Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parent = (entry as { parentPath?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    const path = join(parent, entry.name);
    const name = relative(dir, path).split(sep).join("/");
    files.set(
      name,
      TEXT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))
        ? await readFile(path, "utf8")
        : whole.some((e) => name.toLowerCase().endsWith(e))
          ? new Uint8Array(await readFile(path))
          : await head(path),
    );
  }
  return files;
}

/**
 * Imports a folder of a dataset format (a directory in, labeled images out, one warning list), as FastLabel's
 * `convert_pascalvoc_to_fastlabel` / `convert_labelme_to_fastlabel` do but without their crashes: `voc` reads every
 * `.xml`, `labelme` every `.json`, `yolo` the label files with `classes.txt` or `data.yaml` and the images' sizes,
 * `coco` the one `.json`. Class names shared by several files get one category.
 *
 * @example
 * ```ts
 * const { value, warnings } = await importDatasetFolder("annotations/", "voc");
 * value.images[0]?.vector?.annotations;
 * ```
 */
export async function importDatasetFolder(
  dir: string,
  format: DatasetFormatName | DatasetFormat,
  options?: object,
): Promise<ConversionResult<LabeledDataset>> {
  const reader: DatasetFormat = typeof format === "string" ? datasetFormat(format) : format;
  return reader.read(await readDatasetFiles(dir, { wholeFiles: reader.wholeFiles ?? [] }), options);
}

/** The first {@link IMAGE_HEADER_BYTES} of a file. */
async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path);
  try {
    const buffer = new Uint8Array(IMAGE_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a dataset format's files into `dir`, through an {@link OutputDirectory} (names kept inside `dir` and unique).
 *
 * @example
 * ```ts
 * const { value } = datasetFormat("yolo").write(dataset);
 * await writeDatasetFiles("yolo", value);
 * ```
 */
export async function writeDatasetFiles(
  dir: string,
  files: WrittenFiles,
): Promise<{ files: string[]; warnings: ConversionWarning[] }> {
  const warnings = new WarningCollector();
  const out = new OutputDirectory(dir, warnings);
  for (const [name, content] of files) await out.write(name, content, { directories: true });
  return { files: out.files, warnings: warnings.list };
}
