/**
 * Streaming COCO instance import: the same conversion as `fromCocoInstance`, fed from text chunks.
 */
import { type ConversionWarning, WarningCollector } from "../../errors.js";
import type { Category, LabeledImage } from "../../types.js";
import { readTopLevelArrays } from "../json-stream.js";
import { CocoReader } from "./import.js";
import type { FromCocoOptions } from "./types.js";

/** One image produced by {@link fromCocoInstanceChunks}. */
export interface CocoStreamItem {
  /** The image with its Segments label, exactly as `fromCocoInstance` would return it. */
  image: LabeledImage;
  /** The dataset's categories (the same array for every item). */
  categories: Category[];
  /** Warnings about this image and its annotations. */
  warnings: ConversionWarning[];
}

const ARRAYS = new Set(["images", "annotations", "categories"]);

/**
 * Imports a COCO instance file from text chunks, yielding one image at a time. The result is exactly what
 * `fromCocoInstance(JSON.parse(text), options)` returns (same images, categories, warnings and errors), but only the
 * annotations are held (parsed, grouped per image, each group released once its image is yielded): the text and the
 * parsed document are never held whole. Images are yielded once the whole input has been read, since an
 * annotation may refer to any image.
 *
 * In Node, `importCocoFile(path)` from `@segments-ts/converter/node` reads a file this way.
 *
 * @example
 * ```ts
 * const response = await fetch(url);
 * const chunks = response.body!.pipeThrough(new TextDecoderStream());
 * for await (const { image, warnings } of fromCocoInstanceChunks(chunks, { file: "instances.json" })) {
 *   console.log(image.name, image.vector?.annotations.length, warnings.length);
 * }
 * ```
 */
export async function* fromCocoInstanceChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: FromCocoOptions = {},
): AsyncGenerator<CocoStreamItem> {
  const reader = new CocoReader(options);
  const seen = new Set<string>();
  for await (const item of readTopLevelArrays(chunks, ARRAYS, options.file)) {
    seen.add(item.key);
    if (item.kind === "value") reader.notAnArray(item.key);
    else if (item.kind === "end") {
      if (item.key === "images" || item.key === "categories") reader.finish(item.key);
    } else if (item.key === "categories") reader.addCategory(item.value, item.index);
    else if (item.key === "images") reader.addImage(item.value, item.index);
    else reader.addAnnotation(item.value, item.index);
  }
  for (const key of ["images", "annotations", "categories"]) if (!seen.has(key)) reader.notAnArray(key);
  reader.checkReferences();
  const warnings = new WarningCollector();
  for (const image of reader.convertImages(warnings)) {
    // the collector is emptied at each image: what was yielded belongs to the consumer
    yield { image, categories: reader.categories, warnings: warnings.list.splice(0) };
  }
}
