/**
 * YOLO detect / segment label files -> Segments labels (the other way is `yolo.ts`), as forgiving as ultralytics,
 * which wrote most of them: see {@link parseYolo}.
 *
 * Unlike FastLabel: an orphan label file or an unknown class is a located error (not a `KeyError`), `classes.txt`
 * inside the label folder is skipped, image extensions match case-insensitively, and polygon vertices are kept exact
 * (not banker's-rounded to whole pixels).
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import { isRecord, kindOf, requireImageSize, stripExtension, toPairs } from "./common.js";
import { yoloLabelStem } from "./yolo-data-yaml.js";

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
 * How far outside [0, 1] a normalised value may be and still be read (clipped, with a warning). Tools round boxes
 * at the image edge a little outside it; ultralytics clips such boxes when training rather than dropping them.
 */
export const YOLO_TOLERANCE = 0.01;

/** Options of {@link parseYolo}. */
export interface ParseYoloOptions {
  /** The label file, named in errors and warnings. */
  file: string;
  width: number;
  height: number;
  /** Number of classes: a class index must be below it. */
  classCount: number;
  /** Category id of each class index (default `index + 1`). */
  classIds?: number[];
  /** Receives the warnings (values clipped, duplicate lines dropped); without it they are not reported. */
  warnings?: WarningCollector;
}

/**
 * Parses one YOLO label file. Lines with 5 values are boxes, lines with an odd number >= 7 of values are polygons.
 * Class index `i` becomes category id `classIds[i]` (default `i + 1`). As forgiving as ultralytics: blank lines and
 * runs of spaces are fine, values up to {@link YOLO_TOLERANCE} outside [0, 1] are clipped and box corners outside the
 * image clipped to it (with a warning), repeated lines are dropped (with a warning); anything else is an error.
 *
 * @example
 * ```ts
 * parseYolo("0 0.5 0.5 0.2 0.4\n", { file: "a.txt", width: 200, height: 100, classCount: 1 });
 * // [{ id: 1, category_id: 1, type: "bbox", points: [[80, 30], [120, 70]] }]
 * ```
 */
export function parseYolo(text: string, options: ParseYoloOptions): ImageVectorAnnotation[] {
  const { file, width: W, height: H, warnings } = options;
  if (typeof text !== "string")
    throw new ConversionError(`label file must be text, got ${kindOf(text)}`, { file });
  requireImageSize(W, H, { file });
  const out: ImageVectorAnnotation[] = [];
  const seen = new Set<string>();
  for (const { item, values } of yoloLines(text, file)) {
    const key = values.join(" ");
    if (seen.has(key)) {
      warnings?.add("duplicate line dropped", { file, item });
      continue;
    }
    seen.add(key);
    const cls = values[0] as number;
    if (!Number.isInteger(cls) || cls < 0 || cls >= options.classCount)
      throw new ConversionError(
        `class index ${cls} is not in the class names (${options.classCount} classes)`,
        {
          file,
          item,
          field: "class",
        },
      );
    const category_id = options.classIds?.[cls] ?? cls + 1;
    const coords = clipNormalised(values.slice(1), { file, item, warnings });
    if (coords.length === 4)
      out.push({
        id: out.length + 1,
        category_id,
        type: "bbox",
        points: boxCorners(coords, W, H, item, options),
      });
    else if (coords.length >= 6 && coords.length % 2 === 0)
      out.push({
        id: out.length + 1,
        category_id,
        type: "polygon",
        points: toPairs(coords.map((v, i) => v * (i % 2 === 0 ? W : H))),
      });
    else
      throw new ConversionError(
        `expected 4 box values or at least 3 x,y pairs, got ${coords.length} values`,
        {
          file,
          item,
        },
      );
  }
  return out;
}

/**
 * The lines of a YOLO label file as numbers, blank lines skipped, each with its `line N` for error messages.
 *
 * @example
 * ```ts
 * yoloLines("0 0.5 0.5 0.2 0.4\r\n\n", "a.txt"); // [{ item: "line 1", values: [0, 0.5, 0.5, 0.2, 0.4] }]
 * ```
 */
export function yoloLines(text: string, file: string): Array<{ item: string; values: number[] }> {
  const lines: Array<{ item: string; values: number[] }> = [];
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, lineIndex) => {
      const line = raw.trim();
      if (line === "") return;
      const item = `line ${lineIndex + 1}`;
      lines.push({ item, values: lineValues(line, file, item) });
    });
  return lines;
}

/**
 * The numbers of one label-file line; anything but a plain decimal number is a located error (`Number` alone
 * would take `0x1A` and `Infinity`).
 *
 * @example
 * ```ts
 * lineValues("0 0.5 0.25 1e-3", "a.txt", "line 1"); // [0, 0.5, 0.25, 0.001]
 * ```
 */
export function lineValues(line: string, file: string, item: string): number[] {
  return line.split(/\s+/).map((t, k) => {
    const v = Number(t);
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) || !Number.isFinite(v))
      throw new ConversionError(`not a number: ${JSON.stringify(t)}`, { file, item, field: `value ${k}` });
    return v;
  });
}

/** Normalised values clipped to [0, 1] when within {@link YOLO_TOLERANCE} of it; an error further out. */
function clipNormalised(
  coords: number[],
  where: { file: string; item: string; warnings: WarningCollector | undefined },
): number[] {
  const { file, item, warnings } = where;
  const far = coords.findIndex((v) => v < -YOLO_TOLERANCE || v > 1 + YOLO_TOLERANCE);
  if (far >= 0)
    throw new ConversionError(`normalised coordinate ${coords[far]} is outside [0, 1]`, {
      file,
      item,
      field: `value ${far + 1}`,
    });
  if (coords.every((v) => v >= 0 && v <= 1)) return coords;
  warnings?.add(`values slightly outside [0, 1] clipped (up to ${YOLO_TOLERANCE} is read)`, { file, item });
  return coords.map((v) => Math.min(1, Math.max(0, v)));
}

/** A box line's corners in pixels, clipped to the image (ultralytics clips boxes that overhang the edge). */
function boxCorners(
  [cx, cy, w, h]: number[],
  W: number,
  H: number,
  item: string,
  options: ParseYoloOptions,
): number[][] {
  const [x, y, bw, bh] = [cx, cy, w, h] as [number, number, number, number];
  const corners = [(x - bw / 2) * W, (y - bh / 2) * H, (x + bw / 2) * W, (y + bh / 2) * H];
  const clipped = corners.map((v, i) => Math.min(i % 2 === 0 ? W : H, Math.max(0, v)));
  if (clipped.some((v, i) => v !== corners[i]))
    options.warnings?.add("box overhangs the image: clipped to it", { file: options.file, item });
  const [x0, y0, x1, y1] = clipped as [number, number, number, number];
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** An image a YOLO label file is paired with: its name and size (YOLO files do not record the size). */
export interface YoloImage {
  name: string;
  width: number;
  height: number;
}

/**
 * Imports a YOLO dataset held in memory: `labels` maps a label file (`a/b.txt`) to its text; `images` lists the
 * images with their sizes. A label file pairs with the image of the same stem (`a/b.txt` with `a/b.jpg`), or, in
 * the ultralytics layout, with the image whose last `images` folder is its `labels` folder (`labels/train/b.txt`
 * with `images/train/b.jpg`). A label file without an image, or an unknown class, is a {@link ConversionError}; an
 * image without a label file gets an empty label. `classes` is the text of `classes.txt` or the list of names
 * (`data.yaml`'s `names`).
 *
 * @example
 * ```ts
 * const { value } = fromYolo(new Map([["a.txt", "0 0.5 0.5 1 1\n"]]), [{ name: "a.jpg", width: 10, height: 10 }], "cat\n");
 * value.categories; // [{ id: 1, name: "cat" }]
 * ```
 */
export function fromYolo(
  labels: ReadonlyMap<string, string>,
  images: ReadonlyArray<YoloImage>,
  classes: string | readonly string[],
): ConversionResult<{ images: LabeledImage[]; categories: Category[] }> {
  const warnings = new WarningCollector();
  if (typeof classes !== "string" && !Array.isArray(classes))
    throw new ConversionError(`classes.txt must be text, got ${kindOf(classes)}`, { file: "classes.txt" });
  const names = typeof classes === "string" ? parseClassesTxt(classes) : [...classes];
  const categories = names.map((name, i) => ({ id: i + 1, name }));
  const out = pairYoloLabels(labels, images, (text, file, image) =>
    parseYolo(text, { file, width: image.width, height: image.height, classCount: names.length, warnings }),
  );
  return { value: { images: out, categories }, warnings: warnings.list };
}

/**
 * The images of a YOLO dataset, each with the annotations `parse` reads from its label file (an empty label when it
 * has none). Each entry of `images` is checked; a label file pairs with the image of the same stem (`a/b.txt` with
 * `a/b.jpg`) or, in the ultralytics layout, with the image whose last `images` folder is its `labels` folder; one
 * without an image is a {@link ConversionError}; `classes.txt` is skipped. Shared by the detect / segment and pose
 * importers.
 *
 * @example
 * ```ts
 * const images = pairYoloLabels(new Map([["labels/a.txt", "0 0.5 0.5 1 1\n"]]), [{ name: "images/a.jpg", width: 8, height: 8 }],
 *   (text, file, image) => parseYolo(text, { file, width: image.width, height: image.height, classCount: 1 }));
 * ```
 */
export function pairYoloLabels(
  labels: ReadonlyMap<string, string>,
  images: ReadonlyArray<YoloImage>,
  parse: (text: string, file: string, image: YoloImage) => ImageVectorAnnotation[],
): LabeledImage[] {
  // `images` often comes from a user's JSON listing: check each entry before reading its name.
  images.forEach((img: unknown, i) => {
    if (!isRecord(img) || typeof img.name !== "string")
      throw new ConversionError("image must be an object with a name", {
        item: `images[${i}]`,
        field: "name",
      });
    requireImageSize(img.width, img.height, { item: `image ${img.name}` });
  });
  const byStem = new Map<string, YoloImage>();
  for (const img of images) {
    byStem.set(stripExtension(img.name).toLowerCase(), img);
    const stem = yoloLabelStem(img.name);
    if (stem !== undefined) byStem.set(stem.toLowerCase(), img);
  }
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
    const target = out.get(image.name) as LabeledImage;
    target.vector = { format_version: "0.1", annotations: parse(text, file, image) };
  }
  return [...out.values()];
}
