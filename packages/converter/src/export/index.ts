/**
 * Streaming COCO instance JSON: yields text chunks so a large dataset is never held as one object or string.
 */
import type { WarningCollector } from "../errors.js";
import { cocoAnnotationsForImage, type ToCocoOptions, toCocoCategories } from "../formats/coco.js";
import type { Category, LabeledImage } from "../types.js";

/**
 * Serialises a COCO instance dataset chunk by chunk (images and annotations are produced while iterating `images`).
 * Warnings are appended to `warnings`.
 *
 * @example
 * ```ts
 * for await (const chunk of cocoInstanceJsonChunks(images, categories, warnings)) stream.write(chunk);
 * ```
 */
export async function* cocoInstanceJsonChunks(
  images: Iterable<LabeledImage> | AsyncIterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  warnings: WarningCollector,
  options: ToCocoOptions = {},
): AsyncGenerator<string> {
  const categoryIds = new Set(categories.map((c) => c.id));
  // Images and annotations are two arrays: annotations are buffered as JSON text (compact) while images stream.
  const annotationChunks: string[] = [];
  let annotationId = 0;
  const nextId = () => ++annotationId;
  yield `{"info":${JSON.stringify(options.info ?? {})},"categories":${JSON.stringify(toCocoCategories(categories))},"images":[`;
  let imageId = 0;
  let pending: string[] = [];
  for await (const image of images) {
    imageId++;
    pending.push(
      `${imageId > 1 ? "," : ""}${JSON.stringify({ id: imageId, file_name: image.name, width: image.width, height: image.height })}`,
    );
    for (const a of cocoAnnotationsForImage(image, imageId, categoryIds, nextId, warnings, options)) {
      annotationChunks.push(`${annotationId > 1 ? "," : ""}${JSON.stringify(a)}`);
    }
    if (pending.length >= 512) {
      yield pending.join("");
      pending = [];
    }
  }
  yield `${pending.join("")}],"annotations":[`;
  for (let i = 0; i < annotationChunks.length; i += 1024) yield annotationChunks.slice(i, i + 1024).join("");
  yield "]}";
}
