/**
 * Streaming COCO instance JSON: yields text chunks so a large dataset is never held as one object or string.
 */
import type { WarningCollector } from "../errors.js";
import { cocoAnnotationsForImage, type ToCocoOptions, toCocoCategories } from "../formats/coco.js";
import type { Category, LabeledImage } from "../types.js";

/**
 * Serialises a COCO instance dataset chunk by chunk while iterating `images` once (each image can be loaded, converted
 * and dropped before the next one). To stream the annotations, the `annotations` array is written before `images`
 * (JSON member order has no meaning; pycocotools and `fromCocoInstance` read it either way); only the short image
 * entries (`{id, file_name, width, height}`) are buffered until the end. Chunks are about 64 KiB. Warnings are
 * appended to `warnings`.
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
  const imageEntries: string[] = [];
  let annotationId = 0;
  const nextId = () => ++annotationId;
  let pending = `{"info":${JSON.stringify(options.info ?? {})},"categories":${JSON.stringify(toCocoCategories(categories))},"annotations":[`;
  let imageId = 0;
  for await (const image of images) {
    imageId++;
    imageEntries.push(
      JSON.stringify({ id: imageId, file_name: image.name, width: image.width, height: image.height }),
    );
    for (const a of cocoAnnotationsForImage(image, imageId, categoryIds, nextId, warnings, options)) {
      pending += `${annotationId > 1 ? "," : ""}${JSON.stringify(a)}`;
      if (pending.length >= CHUNK) {
        yield pending;
        pending = "";
      }
    }
  }
  pending += '],"images":[';
  for (let i = 0; i < imageEntries.length; i++) {
    pending += `${i > 0 ? "," : ""}${imageEntries[i]}`;
    if (pending.length >= CHUNK) {
      yield pending;
      pending = "";
    }
  }
  yield `${pending}]}`;
}

const CHUNK = 65536;
