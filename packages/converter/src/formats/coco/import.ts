/**
 * COCO instance JSON -> Segments labels: the document's three arrays are checked element by element, annotations
 * are grouped per image, and each image is converted (`import-annotations.ts`) and released in turn.
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../../errors.js";
import { checkPixels, resolveMaxPixels } from "../../limits.js";
import type { Category, LabeledImage } from "../../types.js";
import { show } from "../common.js";
import { importAsBitmap, importAsVector, isObject } from "./import-annotations.js";
import type { CocoCategory, CocoImport, FromCocoOptions } from "./types.js";

/**
 * Converts a COCO instance dataset into Segments labels. Every problem is either a {@link ConversionError} naming the
 * file, image / annotation and field (missing image, unknown category, malformed numbers) or a collected warning.
 * Crowd RLE annotations are kept (`attributes.iscrowd = true`).
 *
 * @example
 * ```ts
 * const { value } = fromCocoInstance(JSON.parse(text), { file: "instances.json" });
 * value.images[0].vector?.annotations;
 * ```
 */
export function fromCocoInstance(coco: unknown, options: FromCocoOptions = {}): ConversionResult<CocoImport> {
  const file = options.file;
  const warnings = new WarningCollector();
  if (!isObject(coco)) throw new ConversionError("COCO file must be a JSON object", { file });
  for (const key of ["images", "annotations", "categories"] as const) {
    if (!Array.isArray(coco[key]))
      throw new ConversionError(`missing or non-array "${key}"`, { file, field: key });
  }
  const reader = new CocoReader(options);
  (coco.categories as unknown[]).forEach((c, i) => {
    reader.addCategory(c, i);
  });
  (coco.images as unknown[]).forEach((img, i) => {
    reader.addImage(img, i);
  });
  reader.finish("categories");
  reader.finish("images");
  (coco.annotations as unknown[]).forEach((a, i) => {
    reader.addAnnotation(a, i);
  });
  reader.checkReferences();
  const images: LabeledImage[] = [];
  for (const image of reader.convertImages(warnings)) images.push(image);
  return { value: { images, categories: reader.categories }, warnings: warnings.list };
}

/**
 * The steps of a COCO import, shared by {@link fromCocoInstance} (whole document in memory) and the streaming
 * importer (elements arrive one at a time, in any order of the three arrays). Each element is validated as it is
 * added; checks that need another array (an annotation's image and category) run in {@link checkReferences}.
 * Annotations are grouped per image as they arrive (the parsed objects are kept once, never copied) and each group
 * is released as soon as its image has been converted.
 * @internal
 */
export class CocoReader {
  readonly categories: Category[] = [];
  readonly #categoryById = new Map<number, CocoCategory>();
  /** Image entries only: the output objects are created while converting, so none is kept after being yielded. */
  readonly #images: Array<{ id: number | string; name: string; width: number; height: number }> = [];
  readonly #imageIds = new Set<number | string>();
  /** Annotations per `image_id`, in input order. */
  readonly #groups = new Map<unknown, Array<Record<string, unknown>>>();
  /** Input position of annotations without an `id`, to name them in errors. */
  readonly #indexOfIdless = new Map<object, number>();
  #imagesDone = false;
  #categoriesDone = false;
  #deferred = false;
  readonly #file: string | undefined;
  readonly #target: FromCocoOptions["target"];
  readonly #maxPixels: number;

  constructor(options: FromCocoOptions = {}) {
    this.#file = options.file;
    this.#target = options.target;
    this.#maxPixels = resolveMaxPixels(options.maxPixels);
  }

  addCategory(c: unknown, i: number): void {
    const file = this.#file;
    if (!isObject(c) || typeof c.id !== "number" || !Number.isInteger(c.id)) {
      throw new ConversionError("category needs an integer id", { file, item: `category ${i}`, field: "id" });
    }
    const name =
      typeof c.name === "string" && c.name !== ""
        ? c.name
        : typeof c.supercategory === "string"
          ? c.supercategory
          : "";
    if (name === "")
      throw new ConversionError("category has no name", { file, item: `category ${c.id}`, field: "name" });
    if (this.#categoryById.has(c.id))
      throw new ConversionError(`duplicate category id ${c.id}: category ids must be unique`, {
        file,
        item: `category ${i} (${name})`,
        field: "id",
      });
    this.#categoryById.set(c.id, c as CocoCategory);
    const category: Category = { id: c.id, name };
    if (Array.isArray(c.color)) category.color = c.color as number[];
    if (Array.isArray(c.keypoints)) category.keypoints = c.keypoints;
    if (Array.isArray(c.skeleton)) category.skeleton = c.skeleton;
    if (typeof c.supercategory === "string") category.supercategory = c.supercategory;
    this.categories.push(category);
  }

  addImage(img: unknown, i: number): void {
    const file = this.#file;
    const item = `image ${i}`;
    if (!isObject(img)) throw new ConversionError("image must be an object", { file, item });
    // COCO allows any JSON id; pycocotools keys a dict by it, so ids 1 and "1" are different images.
    if (
      !(typeof img.id === "number" && Number.isFinite(img.id)) &&
      !(typeof img.id === "string" && img.id !== "")
    )
      throw new ConversionError("image needs an id (a number or a non-empty string)", {
        file,
        item,
        field: "id",
      });
    if (typeof img.file_name !== "string")
      throw new ConversionError("image needs a file_name", { file, item, field: "file_name" });
    for (const f of ["width", "height"] as const) {
      const v = img[f];
      // A zero size has no pixel to label, and would divide by zero in exporters normalising by it.
      if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
        throw new ConversionError(`image ${f} must be a positive integer, got ${JSON.stringify(v)}`, {
          file,
          item: `image ${img.file_name}`,
          field: f,
        });
      }
    }
    // Target segmentation allocates a bitmap of the image size: refuse a huge one before reading any annotation.
    if (this.#target === "segmentation")
      checkPixels("image", img.width as number, img.height as number, this.#maxPixels, {
        file,
        item: `image ${img.file_name} (id ${img.id})`,
        field: "width, height",
      });
    if (this.#imageIds.has(img.id))
      throw new ConversionError(`duplicate image id ${show(img.id)}`, {
        file,
        item: `image ${img.file_name}`,
        field: "id",
      });
    this.#imageIds.add(img.id);
    this.#images.push({
      id: img.id,
      name: img.file_name,
      width: img.width as number,
      height: img.height as number,
    });
  }

  /** Throws the error for a missing or non-array `images` / `annotations` / `categories` member. */
  notAnArray(key: string): never {
    throw new ConversionError(`missing or non-array "${key}"`, { file: this.#file, field: key });
  }

  /** Marks the end of the `images` or `categories` array: from then on annotations are checked as they arrive. */
  finish(key: "images" | "categories"): void {
    if (key === "images") this.#imagesDone = true;
    else this.#categoriesDone = true;
  }

  addAnnotation(a: unknown, i: number): void {
    if (!isObject(a))
      throw new ConversionError("annotation must be an object", {
        file: this.#file,
        item: `annotation #${i}`,
      });
    if (a.id === undefined) this.#indexOfIdless.set(a, i);
    if (this.#imagesDone && this.#categoriesDone) this.#checkReference(a);
    else this.#deferred = true;
    const group = this.#groups.get(a.image_id);
    if (group === undefined) this.#groups.set(a.image_id, [a]);
    else group.push(a);
  }

  /**
   * Throws for an annotation whose image or category does not exist. Annotations that arrived before the images and
   * categories were complete are checked here (per image, in input order).
   */
  checkReferences(): void {
    if (!this.#deferred) return;
    for (const group of this.#groups.values()) for (const a of group) this.#checkReference(a);
  }

  #checkReference(a: Record<string, unknown>): void {
    const file = this.#file;
    const item = `annotation ${show(a.id ?? `#${this.#indexOfIdless.get(a)}`)}`;
    if (!this.#imageIds.has(a.image_id as number | string)) {
      throw new ConversionError(`annotation refers to missing image id ${show(a.image_id)}`, {
        file,
        item,
        field: "image_id",
      });
    }
    if (!this.#categoryById.has(a.category_id as number)) {
      throw new ConversionError(`unknown category id ${show(a.category_id)}`, {
        file,
        item,
        field: "category_id",
      });
    }
  }

  /** Converts image by image in input order, releasing each image's annotations once converted. */
  *convertImages(warnings: WarningCollector): Generator<LabeledImage> {
    for (const { id, name, width, height } of this.#images) {
      const image: LabeledImage = { name, width, height };
      const annotations = this.#groups.get(id) ?? [];
      this.#groups.delete(id);
      if (this.#target === "segmentation")
        importAsBitmap(image, annotations, this.#categoryById, this.#file, warnings);
      else importAsVector(image, annotations, this.#categoryById, this.#file, warnings, this.#maxPixels);
      yield image;
    }
  }
}
