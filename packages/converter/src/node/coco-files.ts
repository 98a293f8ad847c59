/** COCO instance files on disk, read and written without holding the whole file (see `formats/coco`). */
import { createReadStream } from "node:fs";
import { type ConversionWarning, WarningCollector } from "../errors.js";
import {
  CocoInstanceJsonWriter,
  type CocoStreamItem,
  type FromCocoOptions,
  fromCocoInstanceChunks,
  type ToCocoOptions,
} from "../formats/coco/index.js";
import type { Category, LabeledImage } from "../types.js";
import { openTextFile } from "./output.js";

/**
 * Imports a COCO instance JSON file without loading it whole: the file is read in 64 KiB chunks and yields one image
 * (with its Segments label) at a time. The result is exactly what `fromCocoInstance(JSON.parse(text))` returns; extra
 * memory is about the size of the parsed annotations (well under the file size for typical polygon data) plus the
 * image being converted. Malformed input raises a `ConversionError` naming the file.
 *
 * @example
 * ```ts
 * for await (const { image, categories, warnings } of importCocoFile("instances.json")) {
 *   await upload(image.name, image.vector); // one image at a time
 * }
 * ```
 */
export function importCocoFile(path: string, options: FromCocoOptions = {}): AsyncGenerator<CocoStreamItem> {
  const chunks = createReadStream(path, { encoding: "utf8", highWaterMark: 64 * 1024 });
  return fromCocoInstanceChunks(chunks as AsyncIterable<string>, { ...options, file: options.file ?? path });
}

/**
 * Writes a COCO instance JSON file, streaming: `images` is iterated once and both images and annotations are
 * written as they are converted (the `annotations` array comes before `images` in the file, see
 * `CocoInstanceJsonWriter`), so memory stays around one image plus the short image entries.
 *
 * @example
 * ```ts
 * const warnings = await writeCocoInstanceFile("out/instances.json", images, categories);
 * ```
 */
export async function writeCocoInstanceFile(
  path: string,
  images: Iterable<LabeledImage> | AsyncIterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  options: ToCocoOptions = {},
): Promise<ConversionWarning[]> {
  const warnings = new WarningCollector();
  const writer = new CocoInstanceJsonWriter(categories, warnings, { ...options, file: options.file ?? path });
  const file = await openTextFile(path);
  for await (const image of images) {
    const text = writer.add(image);
    if (text !== "") await file.write(text);
  }
  for (const text of writer.finish()) await file.write(text);
  await file.close();
  return warnings.list;
}
