/**
 * The per-dataset formats, both ways (see {@link DatasetFormat}): `coco`, `yolo`, `voc` and `labelme`, built on the
 * per-format converters of this folder, and the PNG ones of `png-dataset-formats.ts`. The CLI's `convert` and the docs list them from {@link DATASET_FORMATS}.
 */
import { ConversionError, type ConversionResult, type ConversionWarning } from "../errors.js";
import { imageSize } from "../image-size.js";
import { UniqueNames } from "../names.js";
import type { Category, LabeledImage } from "../types.js";
import { type FromCocoOptions, fromCocoInstance, type ToCocoOptions, toCocoInstance } from "./coco/index.js";
import { stripExtension } from "./common.js";
import {
  type DatasetFiles,
  defineDatasetFormat,
  type LabeledDataset,
  namesWith,
  textOf,
  type WrittenFiles,
} from "./dataset-format.js";
import { fromLabelme, toLabelme } from "./labelme.js";
import { cocoPanopticFormat, indexPngFormat } from "./png-dataset-formats.js";
import { fromVoc, type ToVocOptions, toVoc } from "./voc.js";
import { type ToYoloOptions, toYolo } from "./yolo.js";
import { normalizeRelative, parseYoloDataYaml, splitOfImages, type YoloDataYaml } from "./yolo-data-yaml.js";
import { fromYolo } from "./yolo-import.js";
import { type ToYoloPoseOptions, toYoloPose } from "./yolo-pose.js";
import { fromYoloPose } from "./yolo-pose-import.js";

const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"];

/** `file` of the options, or the only file with one of `extensions`: what a one-file format reads. */
function theFile(
  files: DatasetFiles,
  file: string | undefined,
  extensions: string[],
  format: string,
): string {
  if (file !== undefined) {
    if (!files.has(file))
      throw new ConversionError(`no file ${JSON.stringify(file)} among the ${format} files`, { file });
    return file;
  }
  const names = namesWith(files, ...extensions);
  if (names.length !== 1)
    throw new ConversionError(
      `expected one ${extensions.join(" / ")} file for ${format}, found ${names.length}${names.length > 1 ? ` (${names.slice(0, 5).join(", ")}): pass options.file` : ""}`,
      { field: "file" },
    );
  return names[0] as string;
}

/** One file per image, named after it (`a/b.jpg` -> `a/b<extension>`), made safe and unique. */
function perImageFiles(
  images: readonly LabeledImage[],
  extension: string,
  convert: (image: LabeledImage) => ConversionResult<string>,
): ConversionResult<WrittenFiles> {
  const names = new UniqueNames();
  const files: WrittenFiles = new Map();
  const warnings: ConversionWarning[] = [];
  for (const image of images) {
    const { path, changed } = names.claim(`${stripExtension(image.name)}${extension}`, { directories: true });
    if (changed)
      warnings.push({ message: `file name made safe or unique: ${path}`, item: `image ${image.name}` });
    const result = convert(image);
    warnings.push(...result.warnings);
    files.set(path, result.value);
  }
  return { value: files, warnings };
}

/** Every file with `extension` read by `parse` into one image, with category ids shared across the files. */
function perImageRead(
  files: DatasetFiles,
  extension: string,
  parse: (
    text: string,
    file: string,
    categoryIds: Map<string, number>,
  ) => ConversionResult<{ image: LabeledImage }>,
): ConversionResult<LabeledDataset> {
  const categoryIds = new Map<string, number>();
  const images: LabeledImage[] = [];
  const warnings: ConversionWarning[] = [];
  for (const file of namesWith(files, extension)) {
    const result = parse(textOf(files.get(file) as string | Uint8Array), file, categoryIds);
    images.push(result.value.image);
    warnings.push(...result.warnings);
  }
  const categories: Category[] = [...categoryIds].map(([name, id]) => ({ id, name }));
  return { value: { images, categories }, warnings };
}

export const cocoFormat = defineDatasetFormat<
  "coco",
  ToCocoOptions & { file?: string },
  FromCocoOptions & { file?: string }
>({
  name: "coco",
  description: "one COCO instance JSON (instances.json)",
  write(dataset, options = {}) {
    const { value, warnings } = toCocoInstance(dataset.images, dataset.categories, options);
    return { value: new Map([[options.file ?? "instances.json", JSON.stringify(value)]]), warnings };
  },
  read(files, options = {}) {
    const file = theFile(files, options.file, [".json"], "coco");
    let json: unknown;
    try {
      json = JSON.parse(textOf(files.get(file) as string | Uint8Array));
    } catch (error) {
      throw new ConversionError(`invalid JSON: ${(error as Error).message}`, { file }, { cause: error });
    }
    return fromCocoInstance(json, { ...options, file });
  },
});

export const yoloFormat = defineDatasetFormat<
  "yolo",
  ToYoloOptions,
  { images?: ReadonlyArray<{ name: string; width: number; height: number }> }
>({
  name: "yolo",
  description:
    "one YOLO text file per image, with classes.txt or an ultralytics data.yaml (images/ + labels/ folders, splits)",
  write(dataset, options = {}) {
    const { value, warnings } = toYolo(dataset.images, dataset.categories, options);
    const files: WrittenFiles = new Map(value.files);
    files.set("classes.txt", value.classesTxt);
    return { value: files, warnings };
  },
  read(files, options = {}) {
    const yamlFile = dataYamlOf(files);
    const data =
      yamlFile === undefined ? undefined : parseYoloDataYaml(textOf(files.get(yamlFile) as string), yamlFile);
    const classesFile = data === undefined ? theFile(files, undefined, ["classes.txt"], "yolo") : undefined;
    const text = (name: string) => {
      const content = files.get(name);
      return content === undefined ? undefined : textOf(content);
    };
    const images = options.images ?? imageSizesOf(files);
    // Split lists (`train.txt` naming the images of a split) are not label files.
    const splits =
      data === undefined
        ? new Map<string, string>()
        : splitOfImages(
            data,
            images.map((i) => i.name),
            text,
          );
    const lists = new Set(data === undefined ? [] : splitListFiles(data, files));
    const labels = new Map<string, string>();
    for (const name of namesWith(files, ".txt"))
      if (name !== classesFile && !lists.has(name)) labels.set(name, text(name) as string);
    const result = fromYolo(labels, images, data?.names ?? (text(classesFile as string) as string));
    for (const image of result.value.images) {
      const split = splits.get(image.name);
      if (split !== undefined) image.metadata = { ...image.metadata, split };
    }
    return result;
  },
});

/** The dataset's `data.yaml`: that name (at the shallowest level), or the only YAML file. */
function dataYamlOf(files: DatasetFiles): string | undefined {
  const yamls = namesWith(files, ".yaml", ".yml");
  const named = yamls
    .filter((name) => /(^|\/)(data|dataset)\.ya?ml$/i.test(name))
    .sort((a, b) => a.split("/").length - b.split("/").length);
  return named[0] ?? (yamls.length === 1 ? yamls[0] : undefined);
}

/** The `.txt` files a `data.yaml` names as a split's image list. */
function splitListFiles(data: YoloDataYaml, files: DatasetFiles): string[] {
  const out: string[] = [];
  for (const entries of Object.values(data.splits))
    for (const entry of entries) {
      const name = normalizeRelative(entry);
      for (const candidate of [name, name.split("/").slice(-1).join("/")])
        if (candidate.toLowerCase().endsWith(".txt") && files.has(candidate)) out.push(candidate);
    }
  return out;
}

export const yoloPoseFormat = defineDatasetFormat<
  "yolo-pose",
  ToYoloPoseOptions,
  { images?: ReadonlyArray<{ name: string; width: number; height: number }> }
>({
  name: "yolo-pose",
  description: "one YOLO pose text file per image and data.yaml (kpt_shape, names, keypoint names)",
  write(dataset, options = {}) {
    const { value, warnings } = toYoloPose(dataset.images, dataset.categories, options);
    const files: WrittenFiles = new Map(value.files);
    files.set("data.yaml", value.dataYaml);
    return { value: files, warnings };
  },
  read(files, options = {}) {
    const dataYaml = dataYamlOf(files);
    if (dataYaml === undefined)
      throw new ConversionError("a YOLO pose dataset needs its data.yaml (kpt_shape, names)", {
        field: "data.yaml",
      });
    const labels = new Map<string, string>();
    for (const name of namesWith(files, ".txt"))
      labels.set(name, textOf(files.get(name) as string | Uint8Array));
    const images = options.images ?? imageSizesOf(files);
    return fromYoloPose(labels, images, textOf(files.get(dataYaml) as string | Uint8Array));
  },
});

/** The size of every image among `files`, from its header. */
function imageSizesOf(files: DatasetFiles): Array<{ name: string; width: number; height: number }> {
  return namesWith(files, ...IMAGE_EXTENSIONS).map((name) => {
    const content = files.get(name);
    const size = content instanceof Uint8Array ? imageSize(content) : undefined;
    if (!size)
      throw new ConversionError("cannot read the image size (unknown format or truncated)", { file: name });
    return { name, ...size };
  });
}

export const vocFormat = defineDatasetFormat<"voc", ToVocOptions, object>({
  name: "voc",
  description: "one Pascal VOC XML file per image",
  write: (dataset, options = {}) =>
    perImageFiles(dataset.images, ".xml", (image) => toVoc(image, dataset.categories, options)),
  read: (files) =>
    perImageRead(files, ".xml", (text, file, categoryIds) => fromVoc(text, { file, categoryIds })),
});

export const labelmeFormat = defineDatasetFormat<"labelme", object, object>({
  name: "labelme",
  description: "one labelme JSON file per image",
  write: (dataset) =>
    perImageFiles(dataset.images, ".json", (image) => {
      const { value, warnings } = toLabelme(image, dataset.categories);
      return { value: JSON.stringify(value, null, 2), warnings };
    }),
  read: (files) =>
    perImageRead(files, ".json", (text, file, categoryIds) => fromLabelme(text, { file, categoryIds })),
});

/** The registered dataset formats, in the order the CLI and docs list them. */
export const DATASET_FORMATS = [
  cocoFormat,
  yoloFormat,
  vocFormat,
  labelmeFormat,
  cocoPanopticFormat,
  indexPngFormat,
  yoloPoseFormat,
] as const;

/** A dataset format name: `coco`, `yolo`, `voc`, `labelme`, `coco-panoptic`, `index-png`, `yolo-pose`. */
export type DatasetFormatName = (typeof DATASET_FORMATS)[number]["name"];

/** Every dataset format name, in registry order. */
export const DATASET_FORMAT_NAMES: readonly DatasetFormatName[] = DATASET_FORMATS.map((f) => f.name);

/**
 * The dataset format called `name`, or a `ConversionError` listing them.
 *
 * @example
 * ```ts
 * const { value } = datasetFormat("voc").read(files);
 * const { value: out } = datasetFormat("yolo").write(value);
 * ```
 */
export function datasetFormat(name: string): (typeof DATASET_FORMATS)[number] {
  const format = DATASET_FORMATS.find((f) => f.name === name);
  if (format === undefined)
    throw new ConversionError(
      `unknown dataset format ${JSON.stringify(name)} (formats: ${DATASET_FORMAT_NAMES.join(", ")})`,
      { field: "format" },
    );
  return format;
}
