/**
 * The per-dataset formats made of PNGs, both ways (see `DatasetFormat`): `coco-panoptic` (a panoptic JSON plus one
 * RGB PNG per image) and `index-png` (one semantic index PNG per image plus `classes.txt`). Both hold segmentation
 * labels; their folder readers read PNGs whole (`wholeFiles`).
 */
import { ConversionError, type ConversionResult, type ConversionWarning } from "../errors.js";
import { UniqueNames } from "../names.js";
import type { Category, LabeledImage } from "../types.js";
import {
  fromCocoPanoptic,
  type PanopticAnnotation,
  toCocoPanoptic,
  toPanopticCategories,
} from "./coco-panoptic.js";
import { isRecord, kindOf, stripExtension } from "./common.js";
import {
  type DatasetFiles,
  defineDatasetFormat,
  namesWith,
  textOf,
  type WrittenFiles,
} from "./dataset-format.js";
import { fromIndexPng, toIndexPng } from "./index-png.js";
import { parseClassesTxt } from "./yolo-import.js";

/** The bytes of `name`, which must be a whole file (not a header) read as bytes. */
function bytesOf(files: DatasetFiles, name: string): Uint8Array {
  const content = files.get(name);
  if (!(content instanceof Uint8Array)) throw new ConversionError("expected a PNG file", { file: name });
  return content;
}

/** One PNG per labeled image, named `<prefix><stem>.png`, made safe and unique; unlabeled images are skipped. */
function eachSegmentation(
  images: readonly LabeledImage[],
  prefix: string,
  names: UniqueNames,
  warnings: ConversionWarning[],
  write: (image: LabeledImage, png: string) => void,
): void {
  for (const image of images) {
    if (!image.segmentation) {
      if (image.vector?.annotations.length)
        warnings.push({
          message: "vector label skipped: this format holds segmentation bitmaps",
          item: `image ${image.name}`,
        });
      continue;
    }
    const { path, changed } = names.claim(`${prefix}${stripExtension(image.name)}.png`, {
      directories: true,
    });
    if (changed)
      warnings.push({ message: `file name made safe or unique: ${path}`, item: `image ${image.name}` });
    write(image, path);
  }
}

export const cocoPanopticFormat = defineDatasetFormat<"coco-panoptic", { file?: string }, { file?: string }>({
  name: "coco-panoptic",
  description: "a COCO panoptic JSON and one RGB PNG per image (segmentation labels)",
  wholeFiles: [".png"],
  holds: "segmentation",
  write(dataset, options = {}) {
    const files: WrittenFiles = new Map();
    const warnings: ConversionWarning[] = [];
    const names = new UniqueNames();
    const jsonName = names.claim(options.file ?? "panoptic.json").path;
    const images: Array<{ id: number; file_name: string; width: number; height: number }> = [];
    const annotations: PanopticAnnotation[] = [];
    eachSegmentation(dataset.images, "panoptic/", names, warnings, (image, png) => {
      const id = images.length + 1;
      const result = toCocoPanoptic(image, id, png.slice("panoptic/".length), dataset.categories);
      warnings.push(...result.warnings);
      images.push({ id, file_name: image.name, width: image.width, height: image.height });
      annotations.push(result.value.annotation);
      files.set(png, result.value.png);
    });
    const categories = toPanopticCategories(dataset.categories);
    files.set(jsonName, JSON.stringify({ images, annotations, categories }));
    return { value: files, warnings };
  },
  read(files, options = {}) {
    const jsons = namesWith(files, ".json");
    const file = options.file ?? (jsons.length === 1 ? jsons[0] : undefined);
    if (file === undefined || !files.has(file))
      throw new ConversionError(`expected one panoptic .json, found ${jsons.length}: pass options.file`, {
        field: "file",
      });
    const doc = parseJson(textOf(files.get(file) as string), file);
    const pngs = new Map<string, string>();
    for (const name of namesWith(files, ".png")) pngs.set(name.split("/").pop() as string, name);
    const imageNames = new Map<unknown, string>();
    for (const img of doc.images as unknown[])
      if (isRecord(img) && typeof img.file_name === "string") imageNames.set(img.id, img.file_name);
    const images = (doc.annotations as unknown[]).map((a, i) => {
      if (!isRecord(a) || typeof a.file_name !== "string")
        throw new ConversionError("annotation needs a file_name", {
          file,
          item: `annotation ${i}`,
          field: "file_name",
        });
      const png = files.has(a.file_name) ? a.file_name : pngs.get(a.file_name.split("/").pop() as string);
      if (png === undefined)
        throw new ConversionError(`no PNG ${JSON.stringify(a.file_name)} among the files`, {
          file,
          item: `annotation ${i}`,
          field: "file_name",
        });
      const name = imageNames.get(a.image_id) ?? a.file_name;
      return fromCocoPanoptic(bytesOf(files, png), a as unknown as PanopticAnnotation, { name });
    });
    const categories = (doc.categories as unknown[]).map((c, i): Category => {
      if (!isRecord(c) || typeof c.id !== "number" || typeof c.name !== "string")
        throw new ConversionError("category needs an id and a name", { file, item: `category ${i}` });
      const category: Category = { id: c.id, name: c.name, has_instances: c.isthing === 1 };
      if (Array.isArray(c.color) && c.color.length >= 3) category.color = c.color as number[];
      return category;
    });
    return { value: { images, categories }, warnings: [] };
  },
});

/** A panoptic document, with its three arrays checked. */
function parseJson(text: string, file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConversionError(`invalid JSON: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (!isRecord(doc))
    throw new ConversionError(`panoptic file must be a JSON object, got ${kindOf(doc)}`, { file });
  for (const key of ["images", "annotations", "categories"])
    if (!Array.isArray(doc[key]))
      throw new ConversionError(`missing or non-array "${key}"`, { file, field: key });
  return doc;
}

export const indexPngFormat = defineDatasetFormat<"index-png", object, object>({
  name: "index-png",
  description: "one semantic index PNG per image (index = line of classes.txt, 1-based) and classes.txt",
  wholeFiles: [".png"],
  holds: "segmentation",
  write(dataset) {
    const files: WrittenFiles = new Map();
    const warnings: ConversionWarning[] = [];
    const names = new UniqueNames();
    const classesTxt = names.claim("classes.txt").path;
    eachSegmentation(dataset.images, "", names, warnings, (image, png) => {
      const result = toIndexPng(image, dataset.categories, { mode: "semantic", startIndex: 1 });
      warnings.push(...result.warnings);
      files.set(png, result.value);
    });
    files.set(classesTxt, dataset.categories.map((c) => `${c.name}\n`).join(""));
    return { value: files, warnings };
  },
  read(files): ConversionResult<{ images: LabeledImage[]; categories: Category[] }> {
    if (!files.has("classes.txt"))
      throw new ConversionError("index-png needs classes.txt (the class name of each index)", {
        file: "classes.txt",
      });
    const classes = parseClassesTxt(textOf(files.get("classes.txt") as string));
    const categories = classes.map((name, i) => ({ id: i + 1, name }));
    const images = namesWith(files, ".png").map((name) =>
      fromIndexPng(bytesOf(files, name), {
        name,
        categoryOf: (index) => (index >= 1 && index <= classes.length ? index : undefined),
      }),
    );
    return { value: { images, categories }, warnings: [] };
  },
});
