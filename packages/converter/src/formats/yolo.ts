/**
 * YOLO detect (`cls cx cy w h`) and segment (`cls x1 y1 x2 y2 ...`) text files, normalised by the image size.
 *
 * Unlike FastLabel: `classes.txt` is always written in the order of the indices used in the files; every ring is its
 * own line (holes are reported, never exported as polygons); numbers are fixed-point (no `5e-05`) and rounded, not
 * truncated; zero-sized images raise a {@link ConversionError} naming the image instead of `ZeroDivisionError`.
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { instanceBounds, ringsBounds, traceInstance } from "../geometry/index.js";
import { UniqueNames } from "../names.js";
import type { Category, LabeledImage } from "../types.js";
import { categoryLookup, flattenPoints, requireImageSize, stripExtension } from "./common.js";

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
    const file = claimLabelFile(fileNames, image, warnings);
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

/**
 * The label file of `image` (`<name without extension>.txt`), claimed safe and unique in `fileNames` (a warning when
 * it had to change), after checking the image's size. Shared by the YOLO detect / segment and pose writers.
 *
 * @example
 * ```ts
 * claimLabelFile(new UniqueNames(), { name: "train/a.jpg", width: 8, height: 8 }, new WarningCollector()); // "train/a.txt"
 * ```
 */
export function claimLabelFile(
  fileNames: UniqueNames,
  image: LabeledImage,
  warnings: WarningCollector,
): string {
  const asked = `${stripExtension(image.name)}.txt`;
  const { path: file, changed } = fileNames.claim(asked, { directories: true });
  if (changed)
    warnings.add(`label file name ${JSON.stringify(asked)} is unsafe or taken: written as ${file}`, {
      item: `image ${image.name}`,
    });
  requireImageSize(image.width, image.height, { file, item: `image ${image.name}` });
  return file;
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
    // toFixed takes 0..100 digits; more than 17 only prints noise of the double.
    if (!Number.isInteger(this.#digits) || this.#digits < 0 || this.#digits > 17)
      throw new ConversionError(
        `precision must be an integer from 0 to 17, got ${String(options.precision)}`,
        {
          field: "precision",
        },
      );
  }

  /** The file's text: one line per object. */
  get text(): string {
    return this.#lines.map((l) => `${l}\n`).join("");
  }

  /**
   * The box around `flat` (any points), as a box line, or as a 4-point polygon in `segment` mode. The corners are
   * clipped to the image first and the centre and size computed from the clipped corners (clipping centre and size
   * separately would move the box); a box wholly outside the image is skipped.
   */
  box(c: number, flat: number[], item: string): void {
    const { width: W, height: H } = this.image;
    const [x0, y0, x1, y1] = ringsBounds([flat]);
    const clip = (v: number, size: number) => Math.min(size, Math.max(0, v));
    const [cx0, cy0, cx1, cy1] = [clip(x0, W), clip(y0, H), clip(x1, W), clip(y1, H)];
    if (cx0 !== x0 || cy0 !== y0 || cx1 !== x1 || cy1 !== y1) {
      if (cx1 <= cx0 || cy1 <= cy0) {
        this.warnings.add("box wholly outside the image (skipped)", {
          file: this.file,
          item,
          field: "points",
        });
        return;
      }
      this.warnings.add("box clipped to the image", { file: this.file, item, field: "points" });
    }
    if (this.options.mode === "segment") {
      this.polygon(c, [cx0, cy0, cx1, cy0, cx1, cy1, cx0, cy1], item);
      return;
    }
    const values = [(cx0 + cx1) / 2 / W, (cy0 + cy1) / 2 / H, (cx1 - cx0) / W, (cy1 - cy0) / H];
    this.#lines.push(`${c} ${values.map((v) => this.#fmt(v, item)).join(" ")}`);
  }

  /** A polygon line (`segment` mode, every vertex clipped to the image), or the polygon's box (`detect` mode). */
  polygon(c: number, flat: number[], item: string): void {
    if (this.options.mode !== "segment") {
      this.box(c, flat, item);
      return;
    }
    const { width: W, height: H } = this.image;
    let clipped = false;
    const values = flat.map((v, i) => {
      const n = v / (i % 2 === 0 ? W : H);
      if (n >= 0 && n <= 1) return n;
      clipped = true;
      return Math.min(1, Math.max(0, n));
    });
    if (clipped)
      this.warnings.add("polygon vertices outside the image clipped to it", {
        file: this.file,
        item,
        field: "points",
      });
    this.#lines.push(`${c} ${values.map((v) => this.#fmt(v, item)).join(" ")}`);
  }

  /** A normalised value, fixed-point; never `NaN` or `Infinity` in a file. */
  #fmt(n: number, item: string): string {
    if (!Number.isFinite(n))
      throw new ConversionError(`coordinate is not a finite number (${n})`, {
        file: this.file,
        item,
        field: "points",
      });
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
