/**
 * Label files for `samples upload --labels`: reading them, checking them against the dataset, and matching them to
 * samples. Three sources are understood:
 *
 * - a directory of segmentation bitmap PNGs (id = R + 256*G + 65536*B) with an `annotations.json` sidecar (the
 *   layout `segments convert --to segments` writes for segmentation labels, see {@link BITMAP_SIDECAR});
 * - a COCO instance JSON, imported as vector labels or as segmentation bitmaps depending on the dataset;
 * - the `segments-labels` JSON of `segments convert --to segments` (vector labels).
 *
 * Labels are matched to samples by name without extension (`night/rose.png` labels the sample `night/rose.jpg`).
 *
 * The file is longer than most because the three sources, their checks against the dataset and the matching share
 * one set of types and error helpers; each section below is one of those parts.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { decodeLabelBitmap } from "@segments-ts/bitmap";
import {
  type Category,
  fromCocoInstance,
  type ImageVectorLabelAttributes,
  type InstanceBitmap,
  type LabeledImage,
  SEGMENTATION_TASK_TYPES,
  type SegmentationAnnotation,
} from "@segments-ts/converter";
import type { TaskType } from "@segments-ts/sdk";
import type { Context } from "./context.js";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";

/** File name of the sidecar next to the bitmap PNGs. */
export const BITMAP_SIDECAR = "annotations.json";

/** The `annotations.json` sidecar of a bitmap directory. */
export interface BitmapSidecar {
  format: "segments-bitmaps";
  version: 1;
  /** The categories the annotations refer to (informational; the dataset's own categories are used on upload). */
  categories?: Category[];
  /** Annotations per bitmap, keyed by the PNG's path relative to the directory (`night/rose.png`). */
  annotations: Record<string, SegmentationAnnotation[]>;
}

/** Whether a dataset of this task type takes segmentation bitmap labels. */
const takesBitmaps = (taskType: string): boolean =>
  (SEGMENTATION_TASK_TYPES as readonly string[]).includes(taskType);

/** Vector annotation types each vector task type accepts. */
const VECTOR_TYPES: Partial<Record<string, readonly string[]>> = {
  bboxes: ["bbox"],
  vector: ["bbox", "polygon", "polyline", "point"],
  keypoints: ["point"],
} satisfies Partial<Record<TaskType, readonly string[]>>;

/** What a label file holds. */
export type LabelKind = "vector" | "segmentation";

/** One label to upload, for the image named `name`. */
export type LabelItem =
  | { kind: "vector"; name: string; source: string; attributes: ImageVectorLabelAttributes }
  | {
      kind: "segmentation";
      name: string;
      source: string;
      annotations: SegmentationAnnotation[];
      /** Reads (or returns) the instance bitmap. */
      bitmap: () => Promise<InstanceBitmap>;
    };

/** The labels of one `--labels` path. */
export interface LabelSource {
  kind: LabelKind;
  /** The path given, for messages. */
  path: string;
  /** A short description, e.g. `COCO file` or `bitmap directory`. */
  description: string;
  items: LabelItem[];
}

/** The dataset facts the labels are checked against. */
export interface DatasetFacts {
  fullName: string;
  taskType: string;
  /** Category ids of the dataset, or `undefined` when it defines none. */
  categoryIds: Set<number> | undefined;
}

function rejected(message: string): CliError {
  return new CliError(message, ExitCode.Rejected);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a JSON file, with an error naming it when it is not JSON. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    // readFile of a folder reports EISDIR without the path.
    throw error.code === "EISDIR" ? Object.assign(error, { path: file }) : error;
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}.`, ExitCode.Rejected, {
      cause: error,
    });
  }
}

/** `night/rose.jpg` -> `night/rose` (only the last extension of the file name goes). */
export function stripExtension(name: string): string {
  return name.replace(/\.[^./]*$/, "");
}

// --------------------------------------------------------------------------------------------- segments-labels

/** Labels in the form `segments` reads and writes: vector labels by sample name, plus the categories. */
export interface SegmentsLabelsFile {
  format: "segments-labels";
  version: 1;
  task_attributes: { format_version: "0.1"; categories: Category[] };
  samples: Array<{
    name: string;
    width: number;
    height: number;
    attributes: ImageVectorLabelAttributes;
  }>;
}

/** The converter's common form: images with labels, plus the categories. */
export interface Labels {
  images: LabeledImage[];
  categories: Category[];
}

/** True for the JSON of a `segments-labels` file. */
export function isSegmentsLabels(json: unknown): boolean {
  return isObject(json) && json.format === "segments-labels";
}

/** Reads a labels JSON written by `convert --to segments`. */
export function parseSegmentsLabels(json: unknown, file: string): Labels {
  const data = json as Partial<SegmentsLabelsFile> | null;
  if (data?.format !== "segments-labels" || !Array.isArray(data.samples))
    throw rejected(
      `${file} is not a segments labels file (expected "format": "segments-labels"). Make one with segments convert --to segments.`,
    );
  data.samples.forEach((s, i) => {
    if (
      !isObject(s) ||
      typeof s.name !== "string" ||
      !isObject(s.attributes) ||
      !Array.isArray(s.attributes.annotations)
    )
      throw rejected(`${file}: samples[${i}] needs a "name" and "attributes" with an "annotations" list.`);
  });
  return {
    categories: data.task_attributes?.categories ?? [],
    images: data.samples.map((s) => ({
      name: s.name,
      width: s.width,
      height: s.height,
      vector: s.attributes,
    })),
  };
}

// ------------------------------------------------------------------------------------------- bitmap directories

/** A bitmap directory as read from disk: the PNG paths (relative) with their annotations. */
export interface BitmapDirectory {
  dir: string;
  categories: Category[];
  entries: Array<{ png: string; annotations: SegmentationAnnotation[] }>;
}

async function listPngs(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".png")) continue;
    const parent = (entry as { parentPath?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    const rel = relative(dir, join(parent, entry.name)).split(sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    names.push(rel);
  }
  return names.sort();
}

function parseAnnotationList(value: unknown, where: string): SegmentationAnnotation[] {
  if (!Array.isArray(value)) throw rejected(`${where} must be a list of {"id", "category_id"} objects.`);
  const seen = new Set<number>();
  return value.map((a, i) => {
    if (
      !isObject(a) ||
      !Number.isInteger(a.id) ||
      (a.id as number) < 1 ||
      (a.id as number) > 0xffffff ||
      !Number.isInteger(a.category_id)
    )
      throw rejected(
        `${where}[${i}] needs an integer "id" (1..16777215, the bitmap's pixel value) and an integer "category_id".`,
      );
    if (seen.has(a.id as number)) throw rejected(`${where}[${i}]: id ${String(a.id)} is listed twice.`);
    seen.add(a.id as number);
    const annotation: SegmentationAnnotation = { id: a.id as number, category_id: a.category_id as number };
    if (isObject(a.attributes)) annotation.attributes = a.attributes as SegmentationAnnotation["attributes"];
    return annotation;
  });
}

/**
 * Reads a bitmap directory: every PNG under `dir` and the `annotations.json` sidecar, which must list each of them
 * (and nothing else).
 */
export async function readBitmapDirectory(dir: string): Promise<BitmapDirectory> {
  const sidecarPath = join(dir, BITMAP_SIDECAR);
  const sidecar = await readJson(sidecarPath).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw rejected(
        `${sidecarPath} is missing: a bitmap directory needs ${BITMAP_SIDECAR} with the annotations of each PNG ` +
          `({"annotations": {"rose.png": [{"id": 1, "category_id": 1}]}}).`,
      );
    throw error;
  });
  if (!isObject(sidecar) || !isObject(sidecar.annotations))
    throw rejected(
      `${sidecarPath} must be an object with "annotations": {"<png path>": [{"id", "category_id"}, ...]}.`,
    );
  if (sidecar.format !== undefined && sidecar.format !== "segments-bitmaps")
    throw rejected(
      `${sidecarPath}: "format" must be "segments-bitmaps", not ${JSON.stringify(sidecar.format)}.`,
    );
  const pngs = await listPngs(dir);
  const listed = sidecar.annotations;
  const onDisk = new Set(pngs);
  for (const key of Object.keys(listed))
    if (!onDisk.has(key)) throw rejected(`${sidecarPath} lists "${key}", but there is no ${join(dir, key)}.`);
  const entries = pngs.map((png) => {
    if (!(png in listed))
      throw rejected(`${sidecarPath} has no annotations for "${png}" (add "${png}": [] if it has none).`);
    return { png, annotations: parseAnnotationList(listed[png], `${sidecarPath}: "${png}"`) };
  });
  const categories = Array.isArray(sidecar.categories) ? (sidecar.categories as Category[]) : [];
  return { dir, categories, entries };
}

/** Reads and decodes one bitmap PNG, with an error naming the file when it is not a PNG. */
export async function readBitmap(file: string): Promise<InstanceBitmap> {
  const bytes = await readFile(file);
  try {
    const { width, height, data } = decodeLabelBitmap(bytes);
    return { width, height, data };
  } catch (error) {
    throw new CliError(`${file} is not a valid bitmap PNG: ${(error as Error).message}.`, ExitCode.Rejected, {
      cause: error,
    });
  }
}

/** Throws when the bitmap holds an instance id that `annotations` does not describe. */
export function checkBitmapIds(
  bitmap: InstanceBitmap,
  annotations: SegmentationAnnotation[],
  file: string,
): void {
  const known = new Set(annotations.map((a) => a.id));
  let previous = 0;
  for (const id of bitmap.data) {
    if (id === previous || id === 0) continue;
    previous = id;
    if (!known.has(id))
      throw rejected(
        `${file} has pixels of instance id ${id}, which ${BITMAP_SIDECAR} does not list for it.`,
      );
  }
}

// ------------------------------------------------------------------------------------------- loading for upload

function cocoForTaskType(json: Record<string, unknown>, taskType: string): Record<string, unknown> {
  // A bboxes dataset holds boxes only: the COCO `bbox` of each annotation, not its polygon or mask.
  if (taskType !== "bboxes" || !Array.isArray(json.annotations)) return json;
  return {
    ...json,
    annotations: json.annotations.map((a: unknown) => {
      if (!isObject(a)) return a;
      const { segmentation: _ignored, ...rest } = a;
      return rest;
    }),
  };
}

function fromImages(images: LabeledImage[], kind: LabelKind, source: string): LabelItem[] {
  const items: LabelItem[] = [];
  for (const image of images) {
    if (kind === "segmentation") {
      const segmentation = image.segmentation;
      if (!segmentation) continue;
      items.push({
        kind,
        name: image.name,
        source,
        annotations: segmentation.annotations,
        bitmap: async () => segmentation.bitmap,
      });
    } else if (image.vector) {
      items.push({
        kind,
        name: image.name,
        source,
        attributes: { format_version: "0.1", ...image.vector },
      });
    }
  }
  return items;
}

async function loadSource(ctx: Context, path: string, taskType: string): Promise<LabelSource> {
  if ((await stat(path)).isDirectory()) {
    const bitmaps = await readBitmapDirectory(path);
    return {
      kind: "segmentation",
      path,
      description: "bitmap directory",
      items: bitmaps.entries.map(({ png, annotations }) => {
        const file = join(path, png);
        return {
          kind: "segmentation",
          name: png,
          source: file,
          annotations,
          bitmap: async () => {
            const bitmap = await readBitmap(file);
            checkBitmapIds(bitmap, annotations, file);
            return bitmap;
          },
        };
      }),
    };
  }
  const json = await readJson(path);
  if (isSegmentsLabels(json)) {
    const labels = parseSegmentsLabels(json, path);
    return {
      kind: "vector",
      path,
      description: "segments labels file",
      items: fromImages(labels.images, "vector", path),
    };
  }
  if (isObject(json) && Array.isArray(json.images) && Array.isArray(json.annotations)) {
    const kind: LabelKind = takesBitmaps(taskType) ? "segmentation" : "vector";
    const result = fromCocoInstance(cocoForTaskType(json, taskType), { file: path, target: kind });
    reportLabelWarnings(ctx, result.warnings);
    return { kind, path, description: "COCO file", items: fromImages(result.value.images, kind, path) };
  }
  throw rejected(
    `${path} is neither a COCO instance file nor a segments labels file ("format": "segments-labels"); ` +
      `for segmentation bitmaps, pass their directory.`,
  );
}

function reportLabelWarnings(
  ctx: Context,
  warnings: ReadonlyArray<{ message: string; file?: string | undefined; item?: string | undefined }>,
): void {
  for (const w of warnings.slice(0, 5))
    ctx.out.note(`warning: ${w.message}${w.item ? ` (${[w.file, w.item].filter(Boolean).join(", ")})` : ""}`);
  if (warnings.length > 5) ctx.out.note(`... and ${warnings.length - 5} more warnings.`);
}

function checkAgainstDataset(labels: LabelSource, dataset: DatasetFacts): void {
  const { taskType, fullName } = dataset;
  if (labels.kind === "segmentation" && !takesBitmaps(taskType))
    throw rejected(
      `--labels: ${labels.path} holds segmentation bitmaps, but ${fullName} is a ${taskType || "no-task-type"} dataset ` +
        `(bitmaps need ${SEGMENTATION_TASK_TYPES.join(" or ")}).`,
    );
  const allowed = VECTOR_TYPES[taskType];
  if (labels.kind === "vector" && allowed === undefined)
    throw rejected(
      `--labels: ${labels.path} holds vector labels (boxes, polygons, points), but ${fullName} is a ` +
        `${taskType || "no-task-type"} dataset (vector labels need ${Object.keys(VECTOR_TYPES).join(", ")}).`,
    );
  const checkCategory = (item: LabelItem, categoryId: number) => {
    if (dataset.categoryIds && !dataset.categoryIds.has(categoryId))
      throw rejected(
        `--labels: ${item.source}: "${item.name}" uses category_id ${categoryId}, which ${fullName} does not ` +
          `define (its ids: ${[...dataset.categoryIds].join(", ")}).`,
      );
  };
  for (const item of labels.items) {
    if (item.kind === "segmentation") {
      for (const annotation of item.annotations) checkCategory(item, annotation.category_id);
      continue;
    }
    for (const annotation of item.attributes.annotations) {
      if (allowed && !allowed.includes(annotation.type))
        throw rejected(
          `--labels: ${item.source}: "${item.name}" has a ${annotation.type} annotation, which a ${taskType} ` +
            `dataset cannot hold (only ${allowed.join(", ")}).`,
        );
      checkCategory(item, annotation.category_id);
    }
  }
}

/**
 * Reads the labels at `path` and checks them against the dataset: the label kind must suit its task type, vector
 * annotation types must be ones it holds, and category ids must be its own. Throws a one-line {@link CliError}
 * (exit 5) otherwise.
 */
export async function loadLabels(ctx: Context, path: string, dataset: DatasetFacts): Promise<LabelSource> {
  const labels = await loadSource(ctx, path, dataset.taskType);
  checkAgainstDataset(labels, dataset);
  return labels;
}

// ---------------------------------------------------------------------------------------------------- matching

/**
 * Finds the sample each label is for: the sample with exactly that name, else the one with the same name without
 * extension. Labels for no sample come back in `unmatched`; a label whose name matches several samples
 * (`rose.jpg` and `rose.png`) is an error.
 */
export function matchLabels(
  items: readonly LabelItem[],
  sampleNames: Iterable<string>,
): { matched: Array<{ item: LabelItem; sample: string }>; unmatched: LabelItem[] } {
  const names = new Set(sampleNames);
  const byStem = new Map<string, string[]>();
  for (const name of names) {
    const key = stripExtension(name);
    byStem.set(key, [...(byStem.get(key) ?? []), name]);
  }
  const matched: Array<{ item: LabelItem; sample: string }> = [];
  const unmatched: LabelItem[] = [];
  const taken = new Map<string, LabelItem>();
  for (const item of items) {
    const candidates = names.has(item.name) ? [item.name] : (byStem.get(stripExtension(item.name)) ?? []);
    if (candidates.length > 1)
      throw rejected(
        `--labels: "${item.name}" (${item.source}) could label any of ${candidates.join(", ")}; rename one of them.`,
      );
    const sample = candidates[0];
    if (sample === undefined) {
      unmatched.push(item);
      continue;
    }
    const other = taken.get(sample);
    if (other)
      throw rejected(`--labels: both "${other.name}" and "${item.name}" are labels for sample "${sample}".`);
    taken.set(sample, item);
    matched.push({ item, sample });
  }
  return { matched, unmatched };
}
