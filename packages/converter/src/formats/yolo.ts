/**
 * YOLO detect (`cls cx cy w h`) and segment (`cls x1 y1 x2 y2 ...`) text files, normalised by the image size.
 *
 * Unlike FastLabel: `classes.txt` is always written in the order of the indices used in the files; every ring is its
 * own line (holes are reported, never exported as polygons); numbers are fixed-point (no `5e-05`) and rounded, not
 * truncated; zero-sized images raise a {@link ConversionError} naming the image instead of `ZeroDivisionError`.
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { instanceBounds, ringsBbox, traceInstance } from "../geometry/index.js";
import { UniqueNames } from "../names.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import {
  categoryLookup,
  flattenPoints,
  isRecord,
  kindOf,
  requireImageSize,
  stripExtension,
  toPairs,
} from "./common.js";

/** Options of {@link toYolo}. */
export interface ToYoloOptions {
  /** `detect` (boxes, default) or `segment` (polygons). */
  mode?: "detect" | "segment";
  /** Category ids in class-index order; default: the order of `categories`. */
  classes?: number[];
  /** Decimal places (default 6). */
  precision?: number;
  /** Douglas-Peucker tolerance for polygons traced from bitmaps (default 0). */
  polygonTolerance?: number;
}

/**
 * YOLO output: one text per image, keyed by `<name without extension>.txt` made safe and unique (see `UniqueNames`:
 * never outside the output directory, never `classes.txt`, a warning when changed), plus `classes.txt`.
 */
export interface YoloExport {
  files: Map<string, string>;
  classesTxt: string;
  /** Category id per class index. */
  classes: number[];
}

/**
 * Converts Segments labels to YOLO text files.
 *
 * @example
 * ```ts
 * const { value } = toYolo([{ name: "a.jpg", width: 200, height: 100, vector: { annotations: [
 *   { id: 1, category_id: 5, type: "bbox", points: [[80, 30], [120, 70]] }] } }], [{ id: 5, name: "dog" }]);
 * value.files.get("a.txt"); // "0 0.500000 0.500000 0.200000 0.400000\n"
 * value.classesTxt; // "dog\n"
 * ```
 */
export function toYolo(
  images: Iterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  options: ToYoloOptions = {},
): ConversionResult<YoloExport> {
  const warnings = new WarningCollector();
  const classes = options.classes ?? categories.map((c) => c.id);
  const lookup = categoryLookup(categories);
  const index = new Map<number, number>();
  classes.forEach((id, i) => {
    lookup(id, { item: `classes[${i}]` });
    if (index.has(id))
      throw new ConversionError(`category id ${id} listed twice`, { field: `classes[${i}]` });
    index.set(id, i);
  });
  const files = new Map<string, string>();
  // Image names are the input's: the label files' names are made safe and unique (classes.txt is written beside).
  const fileNames = new UniqueNames();
  fileNames.claim("classes.txt");
  for (const image of images) {
    const asked = `${stripExtension(image.name)}.txt`;
    const { path: file, changed } = fileNames.claim(asked, { directories: true });
    if (changed)
      warnings.add(`label file name ${JSON.stringify(asked)} is unsafe or taken: written as ${file}`, {
        item: `image ${image.name}`,
      });
    requireImageSize(image.width, image.height, { file, item: `image ${image.name}` });
    const classOf = (categoryId: number, item: string): number | undefined => {
      lookup(categoryId, { file, item });
      const i = index.get(categoryId);
      if (i === undefined)
        warnings.add(`category ${categoryId} is not in classes (annotation skipped)`, {
          file,
          item,
          field: "category_id",
        });
      return i;
    };
    const lines = new YoloLines(image, file, options, warnings);
    vectorLines(lines, image, classOf);
    bitmapLines(lines, image, classOf);
    files.set(file, lines.text);
  }
  const names = classes.map((id) => lookup(id, {}).name);
  return {
    value: { files, classesTxt: names.map((n) => `${n}\n`).join(""), classes },
    warnings: warnings.list,
  };
}

/** The lines of one image's label file: boxes (`cls cx cy w h`) or polygons (`cls x1 y1 ...`), normalised. */
class YoloLines {
  readonly #lines: string[] = [];
  readonly #digits: number;

  constructor(
    readonly image: LabeledImage,
    readonly file: string,
    readonly options: ToYoloOptions,
    readonly warnings: WarningCollector,
  ) {
    this.#digits = options.precision ?? 6;
  }

  /** The file's text: one line per object. */
  get text(): string {
    return this.#lines.map((l) => `${l}\n`).join("");
  }

  /** The box around `flat` (any points), as a box line, or as a 4-point polygon in `segment` mode. */
  box(c: number, flat: number[], item: string): void {
    const [x, y, w, h] = ringsBbox([flat]);
    if (this.options.mode === "segment") this.polygon(c, [x, y, x + w, y, x + w, y + h, x, y + h], item);
    else {
      const { width: W, height: H } = this.image;
      this.#lines.push(
        `${c} ${this.#fmt(x + w / 2, W, item)} ${this.#fmt(y + h / 2, H, item)} ${this.#fmt(w, W, item)} ${this.#fmt(h, H, item)}`,
      );
    }
  }

  /** A polygon line (`segment` mode), or the polygon's box (`detect` mode). */
  polygon(c: number, flat: number[], item: string): void {
    if (this.options.mode !== "segment") {
      this.box(c, flat, item);
      return;
    }
    const { width: W, height: H } = this.image;
    this.#lines.push(`${c} ${flat.map((v, i) => this.#fmt(v, i % 2 === 0 ? W : H, item)).join(" ")}`);
  }

  #fmt(v: number, size: number, item: string): string {
    let n = v / size;
    if (n < 0 || n > 1) {
      this.warnings.add("coordinate outside the image clipped to [0, 1]", { file: this.file, item });
      n = Math.min(1, Math.max(0, n));
    }
    return n.toFixed(this.#digits);
  }
}

type ClassOf = (categoryId: number, item: string) => number | undefined;

/** Boxes and polygons of a vector label; other annotation types are skipped with a warning. */
function vectorLines(lines: YoloLines, image: LabeledImage, classOf: ClassOf): void {
  for (const a of image.vector?.annotations ?? []) {
    const item = `image ${image.name}, annotation ${a.id}`;
    const c = classOf(a.category_id, item);
    if (c === undefined) continue;
    const flat = flattenPoints(a.points, { file: lines.file, item });
    if (a.type === "bbox") lines.box(c, flat, item);
    else if (a.type === "polygon") lines.polygon(c, flat, item);
    else
      lines.warnings.add(`${a.type} skipped: YOLO holds boxes and polygons only`, {
        file: lines.file,
        item,
        field: "type",
      });
  }
}

/** The instances of a segmentation label: their boxes, or their outlines in `segment` mode (holes reported). */
function bitmapLines(lines: YoloLines, image: LabeledImage, classOf: ClassOf): void {
  if (!image.segmentation) return;
  const { bitmap, annotations } = image.segmentation;
  const { file, options, warnings } = lines;
  const bounds = instanceBounds(bitmap.data, bitmap.width, bitmap.height);
  for (const a of annotations) {
    const item = `image ${image.name}, instance ${a.id}`;
    const c = classOf(a.category_id, item);
    const b = bounds.get(a.id);
    if (c === undefined) continue;
    if (b === undefined) {
      warnings.add("instance has no pixels (skipped)", { file, item });
      continue;
    }
    if (options.mode !== "segment") {
      lines.box(c, [b.x0, b.y0, b.x1 + 1, b.y1 + 1], item);
      continue;
    }
    const regions = traceInstance(bitmap, a.id, b, { tolerance: options.polygonTolerance ?? 0 });
    const holes = regions.reduce((n, r) => n + r.length - 1, 0);
    if (holes > 0)
      warnings.add(`${holes} hole(s) cannot be represented in YOLO-seg (outer rings written)`, {
        file,
        item,
      });
    for (const r of regions) lines.polygon(c, r[0] as number[], item);
  }
}

/**
 * Parses `classes.txt` (one name per line; trailing blank lines ignored).
 *
 * @example
 * ```ts
 * parseClassesTxt("dog\ncat\n"); // ["dog", "cat"]
 * ```
 */
export function parseClassesTxt(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Parses one YOLO label file. Lines with 5 values are boxes, lines with an odd number >= 7 of values are polygons.
 * Class index `i` becomes category id `classIds[i]` (default `i + 1`).
 *
 * @example
 * ```ts
 * parseYolo("0 0.5 0.5 0.2 0.4\n", { file: "a.txt", width: 200, height: 100, classCount: 1 });
 * // [{ id: 1, category_id: 1, type: "bbox", points: [[80, 30], [120, 70]] }]
 * ```
 */
export function parseYolo(
  text: string,
  options: { file: string; width: number; height: number; classCount: number; classIds?: number[] },
): ImageVectorAnnotation[] {
  const { file, width: W, height: H } = options;
  if (typeof text !== "string")
    throw new ConversionError(`label file must be text, got ${kindOf(text)}`, { file });
  requireImageSize(W, H, { file });
  const out: ImageVectorAnnotation[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (line === "") return;
    const item = `line ${lineIndex + 1}`;
    const tokens = line.split(/\s+/);
    const values = tokens.map((t, k) => {
      const v = Number(t);
      if (t === "" || !Number.isFinite(v))
        throw new ConversionError(`not a number: ${JSON.stringify(t)}`, { file, item, field: `value ${k}` });
      return v;
    });
    const cls = values[0] as number;
    if (!Number.isInteger(cls) || cls < 0 || cls >= options.classCount) {
      throw new ConversionError(
        `class index ${tokens[0]} is not in classes.txt (${options.classCount} classes)`,
        { file, item, field: "class" },
      );
    }
    const categoryId = options.classIds?.[cls] ?? cls + 1;
    const coords = values.slice(1);
    if (coords.some((v) => v < 0 || v > 1))
      throw new ConversionError("normalised coordinate outside [0, 1]", { file, item });
    if (coords.length === 4) {
      const [cx, cy, w, h] = coords as [number, number, number, number];
      out.push({
        id: out.length + 1,
        category_id: categoryId,
        type: "bbox",
        points: [
          [(cx - w / 2) * W, (cy - h / 2) * H],
          [(cx + w / 2) * W, (cy + h / 2) * H],
        ],
      });
    } else if (coords.length >= 6 && coords.length % 2 === 0) {
      out.push({
        id: out.length + 1,
        category_id: categoryId,
        type: "polygon",
        points: toPairs(coords.map((v, i) => v * (i % 2 === 0 ? W : H))),
      });
    } else {
      throw new ConversionError(
        `expected 4 box values or at least 3 x,y pairs, got ${coords.length} values`,
        { file, item },
      );
    }
  });
  return out;
}

/**
 * Imports a YOLO dataset held in memory: `labels` maps a label file (`a/b.txt`) to its text; `images` maps the same
 * stem (`a/b`) to the image name and size. A label file without an image, or an unknown class, is a
 * {@link ConversionError}; an image without a label file gets an empty label.
 *
 * @example
 * ```ts
 * const { value } = fromYolo(new Map([["a.txt", "0 0.5 0.5 1 1\n"]]), [{ name: "a.jpg", width: 10, height: 10 }], "cat\n");
 * value.categories; // [{ id: 1, name: "cat" }]
 * ```
 */
export function fromYolo(
  labels: ReadonlyMap<string, string>,
  images: ReadonlyArray<{ name: string; width: number; height: number }>,
  classesTxt: string,
): ConversionResult<{ images: LabeledImage[]; categories: Category[] }> {
  const warnings = new WarningCollector();
  if (typeof classesTxt !== "string")
    throw new ConversionError(`classes.txt must be text, got ${kindOf(classesTxt)}`, { file: "classes.txt" });
  // `images` often comes from a user's JSON listing: check each entry before reading its name.
  images.forEach((img: unknown, i) => {
    if (!isRecord(img) || typeof img.name !== "string")
      throw new ConversionError("image must be an object with a name", {
        item: `images[${i}]`,
        field: "name",
      });
    requireImageSize(img.width, img.height, { item: `image ${img.name}` });
  });
  const names = parseClassesTxt(classesTxt);
  const categories = names.map((name, i) => ({ id: i + 1, name }));
  const byStem = new Map(images.map((img) => [stripExtension(img.name).toLowerCase(), img]));
  const out = new Map<string, LabeledImage>(
    images.map((img) => [img.name, { ...img, vector: { format_version: "0.1", annotations: [] } }]),
  );
  for (const [file, text] of labels) {
    if (typeof file !== "string")
      throw new ConversionError(`label file name must be a string, got ${kindOf(file)}`, { field: "labels" });
    const base = file.split("/").pop();
    if (base === "classes.txt") continue;
    const image = byStem.get(stripExtension(file).toLowerCase());
    if (image === undefined) throw new ConversionError("label file has no matching image", { file });
    const annotations = parseYolo(text, {
      file,
      width: image.width,
      height: image.height,
      classCount: names.length,
    });
    const target = out.get(image.name) as LabeledImage;
    target.vector = { format_version: "0.1", annotations };
  }
  return { value: { images: [...out.values()], categories }, warnings: warnings.list };
}
