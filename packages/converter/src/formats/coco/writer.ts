/**
 * COCO instance JSON written piece by piece, so that a large dataset is never held as one object or string: each
 * image's annotations are serialised as the image arrives, and only the short image entries wait for the end.
 */
import type { WarningCollector } from "../../errors.js";
import type { Category, LabeledImage } from "../../types.js";
import { cocoAnnotationsForImage, toCocoCategories } from "./export.js";
import type { ToCocoOptions } from "./types.js";

/** About how much text {@link CocoInstanceJsonWriter} gathers before handing it out. */
const CHUNK = 65536;

/**
 * Serialises a COCO instance dataset while images are added one at a time (each can be loaded, converted and dropped
 * before the next one). To stream the annotations, the `annotations` array is written before `images` (JSON member
 * order has no meaning; pycocotools and `fromCocoInstance` read it either way); only the short image entries
 * (`{id, file_name, width, height}`) are kept until {@link CocoInstanceJsonWriter.finish}. Warnings go to `warnings`.
 *
 * @example
 * ```ts
 * const writer = new CocoInstanceJsonWriter(categories, warnings);
 * for (const image of images) stream.write(writer.add(image));
 * for (const chunk of writer.finish()) stream.write(chunk);
 * ```
 */
export class CocoInstanceJsonWriter {
  readonly #categories: ReadonlyArray<Category>;
  readonly #warnings: WarningCollector;
  readonly #options: ToCocoOptions;
  readonly #imageEntries: string[] = [];
  #pending: string;
  #annotationId = 0;
  readonly #nextId = () => ++this.#annotationId;

  constructor(categories: ReadonlyArray<Category>, warnings: WarningCollector, options: ToCocoOptions = {}) {
    this.#categories = [...categories];
    this.#warnings = warnings;
    this.#options = options;
    this.#pending = `{"info":${JSON.stringify(options.info ?? {})},"categories":${JSON.stringify(toCocoCategories(categories))},"annotations":[`;
  }

  /** Adds the next image: returns the text ready to be written, empty until about 64 KiB have gathered. */
  add(image: LabeledImage): string {
    const imageId = this.#imageEntries.length + 1;
    this.#imageEntries.push(
      JSON.stringify({ id: imageId, file_name: image.name, width: image.width, height: image.height }),
    );
    const annotations = cocoAnnotationsForImage(
      image,
      imageId,
      this.#categories,
      this.#nextId,
      this.#warnings,
      this.#options,
    );
    for (const a of annotations) this.#pending += `${this.#annotationId > 1 ? "," : ""}${JSON.stringify(a)}`;
    if (this.#pending.length < CHUNK) return "";
    const text = this.#pending;
    this.#pending = "";
    return text;
  }

  /** The rest of the document: the image entries and the closing brackets, in chunks of about 64 KiB. */
  *finish(): Generator<string> {
    let pending = `${this.#pending}],"images":[`;
    this.#pending = "";
    for (let i = 0; i < this.#imageEntries.length; i++) {
      pending += `${i > 0 ? "," : ""}${this.#imageEntries[i]}`;
      if (pending.length >= CHUNK) {
        yield pending;
        pending = "";
      }
    }
    yield `${pending}]}`;
  }
}

/**
 * Serialises a COCO instance dataset chunk by chunk while iterating `images` once (see
 * {@link CocoInstanceJsonWriter}). Chunks are about 64 KiB. Warnings are appended to `warnings`.
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
  const writer = new CocoInstanceJsonWriter(categories, warnings, options);
  for await (const image of images) {
    const text = writer.add(image);
    if (text !== "") yield text;
  }
  yield* writer.finish();
}
