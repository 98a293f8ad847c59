/**
 * YOLO pose (ultralytics): one line per object, `cls cx cy w h px1 py1 v1 ... pxk pyk vk` (or `px py` pairs when
 * `kpt_shape` is `[k, 2]`), normalised by the image size, and a `data.yaml` with `kpt_shape` and the class names.
 * Visibility is COCO's: 0 not labeled (written `0 0 0`), 1 labeled but not visible, 2 visible.
 *
 * Keypoint instances are those of `./keypoints.ts`: a Segments keypoint label (points sharing an `instance`
 * attribute, named after the category's `keypoints`) converts both ways. An instance's box is its `bbox`
 * annotation, else the bounds of its polygons, else the bounds of its placed keypoints.
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { ringsBbox } from "../geometry/index.js";
import { UniqueNames } from "../names.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import { categoryLookup, flattenPoints } from "./common.js";
import { groupKeypoints, type KeypointTriple, keypointNames, keypointsBbox } from "./keypoints.js";
import { claimLabelFile } from "./yolo.js";

/** `kpt_shape` of a YOLO pose dataset: keypoints per object, and 2 (x y) or 3 (x y visibility) values each. */
export type KptShape = [keypoints: number, dims: 2 | 3];

/** Options of {@link toYoloPose}. */
export interface ToYoloPoseOptions {
  /** Category ids in class-index order; default: the order of `categories`. */
  classes?: number[];
  /** Values per keypoint: 3 (x y visibility, default) or 2 (x y; unlabeled keypoints written `0 0`). */
  dims?: 2 | 3;
  /** Decimal places (default 6). */
  precision?: number;
}

/** YOLO pose output: one label file per image (safe, unique names), and `data.yaml`. */
export interface YoloPoseExport {
  files: Map<string, string>;
  dataYaml: string;
  kptShape: KptShape;
  /** Category id per class index. */
  classes: number[];
}

/** The keypoint count shared by the classes (those that name keypoints); all must agree. */
function sharedKeypointNames(classes: ReadonlyArray<Category>): string[] {
  let shared: string[] | undefined;
  for (const c of classes) {
    const names = keypointNames(c);
    if (names === undefined) continue;
    if (shared !== undefined && names.length !== shared.length)
      throw new ConversionError(
        `category ${JSON.stringify(c.name)} has ${names.length} keypoints, another class ${shared.length}: a YOLO pose dataset has one kpt_shape`,
        { item: `category ${c.id}`, field: "keypoints" },
      );
    shared ??= names;
  }
  if (shared === undefined || shared.length === 0)
    throw new ConversionError(
      "no category names its keypoints (category.keypoints): nothing to write as YOLO pose",
      {
        field: "keypoints",
      },
    );
  return shared;
}

/**
 * Converts Segments labels to YOLO pose label files. Boxes and polygons outside keypoint instances are written as
 * objects with every keypoint unlabeled; lone points and polylines are skipped with a warning.
 *
 * @example
 * ```ts
 * const categories = [{ id: 1, name: "person", keypoints: ["nose", "neck"] }];
 * const { value } = toYoloPose([{ name: "a.jpg", width: 100, height: 100, vector: { annotations: [
 *   { id: 1, category_id: 1, type: "bbox", points: [[10, 10], [50, 90]], attributes: { instance: 1 } },
 *   { id: 2, category_id: 1, type: "point", points: [[30, 20]], attributes: { instance: 1, keypoint: "nose", visible: true } },
 * ] } }], categories);
 * value.files.get("a.txt"); // "0 0.300000 0.500000 0.400000 0.800000 0.300000 0.200000 2 0.000000 0.000000 0\n"
 * value.kptShape; // [2, 3]
 * ```
 */
export function toYoloPose(
  images: Iterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  options: ToYoloPoseOptions = {},
): ConversionResult<YoloPoseExport> {
  const warnings = new WarningCollector();
  const lookup = categoryLookup(categories);
  const classes = options.classes ?? categories.map((c) => c.id);
  const classOf = new Map(classes.map((id, i) => [id, i]));
  const classCategories = classes.map((id, i) => lookup(id, { item: `classes[${i}]` }));
  const names = sharedKeypointNames(classCategories);
  const kptShape: KptShape = [names.length, options.dims ?? 3];
  const writer = new PoseLines(kptShape, options.precision ?? 6, warnings);
  const files = new Map<string, string>();
  const fileNames = new UniqueNames();
  fileNames.claim("data.yaml");
  for (const image of images) {
    const file = claimLabelFile(fileNames, image, warnings);
    files.set(file, imageLines(image, file, categories, classOf, writer));
  }
  return {
    value: { files, dataYaml: yoloPoseDataYaml(classCategories, kptShape), kptShape, classes },
    warnings: warnings.list,
  };
}

/** The text of one image's label file. */
function imageLines(
  image: LabeledImage,
  file: string,
  categories: ReadonlyArray<Category>,
  classOf: ReadonlyMap<number, number>,
  writer: PoseLines,
): string {
  const lines: string[] = [];
  const unlabeled = Array.from({ length: writer.kptShape[0] }, (): KeypointTriple => [0, 0, 0]);
  const where = (id: number) => ({ file, item: `image ${image.name}, annotation ${id}` });
  const flat = (a: ImageVectorAnnotation) => flattenPoints(a.points, where(a.id));
  const classFor = (categoryId: number, id: number) => {
    const c = classOf.get(categoryId);
    if (c === undefined)
      writer.warnings.add(`category ${categoryId} is not in classes (skipped)`, {
        ...where(id),
        field: "category_id",
      });
    return c;
  };
  for (const item of groupKeypoints(image.vector?.annotations ?? [], categories, { file, item: "" })) {
    if (item.kind === "keypoints") {
      const { instance } = item;
      const c = classFor(instance.categoryId, instance.instance);
      if (c === undefined) continue;
      const box = instance.box
        ? ringsBbox([flat(instance.box)])
        : instance.polygons.length > 0
          ? ringsBbox(instance.polygons.map(flat))
          : keypointsBbox(instance.keypoints);
      lines.push(writer.line(c, box, instance.keypoints, image, where(instance.instance)));
      continue;
    }
    const a = item.annotation;
    if (a.type !== "bbox" && a.type !== "polygon") {
      writer.warnings.add(`${a.type} outside a keypoint instance skipped: YOLO pose holds objects`, {
        ...where(a.id),
        field: "type",
      });
      continue;
    }
    const c = classFor(a.category_id, a.id);
    if (c !== undefined) lines.push(writer.line(c, ringsBbox([flat(a)]), unlabeled, image, where(a.id)));
  }
  return lines.map((l) => `${l}\n`).join("");
}

/** Formats object lines: the box, then the keypoints, normalised and clipped to [0, 1] (with a warning). */
class PoseLines {
  constructor(
    readonly kptShape: KptShape,
    readonly digits: number,
    readonly warnings: WarningCollector,
  ) {}

  line(
    c: number,
    [x, y, w, h]: number[],
    keypoints: ReadonlyArray<KeypointTriple>,
    image: LabeledImage,
    where: { file: string; item: string },
  ): string {
    const { width: W, height: H } = image;
    const n = (v: number, size: number) => this.#fmt(v, size, where);
    const parts = [
      String(c),
      n((x as number) + (w as number) / 2, W),
      n((y as number) + (h as number) / 2, H),
      n(w as number, W),
      n(h as number, H),
    ];
    for (const [kx, ky, v] of keypoints) {
      const labeled = v > 0;
      parts.push(labeled ? n(kx, W) : this.#zero(), labeled ? n(ky, H) : this.#zero());
      if (this.kptShape[1] === 3) parts.push(String(v));
    }
    return parts.join(" ");
  }

  #zero(): string {
    return (0).toFixed(this.digits);
  }

  #fmt(v: number, size: number, where: { file: string; item: string }): string {
    let n = v / size;
    if (n < 0 || n > 1) {
      this.warnings.add("coordinate outside the image clipped to [0, 1]", where);
      n = Math.min(1, Math.max(0, n));
    }
    return n.toFixed(this.digits);
  }
}

/**
 * The `data.yaml` of a YOLO pose dataset: `kpt_shape`, `flip_idx` (each `left*` keypoint swapped with its `right*`
 * twin, for ultralytics' horizontal-flip augmentation), `names`, and `kpt_names` (the keypoint names per class, which
 * {@link fromYoloPose} reads back). Strings are written as JSON strings, which YAML reads as they are.
 *
 * @example
 * ```ts
 * yoloPoseDataYaml([{ id: 1, name: "person", keypoints: ["left_eye", "right_eye"] }], [2, 3]);
 * // "kpt_shape: [2, 3]\nflip_idx: [1, 0]\nnames:\n  0: \"person\"\nkpt_names:\n  0: [\"left_eye\", \"right_eye\"]\n"
 * ```
 */
export function yoloPoseDataYaml(classes: ReadonlyArray<Category>, kptShape: KptShape): string {
  const names = classes.map(keypointNames).find((n) => n !== undefined) ?? [];
  const flip = names.map((name, i) => {
    const twin = name.replace(/left|right/i, (m) => (m.toLowerCase() === "left" ? "right" : "left"));
    const j = names.findIndex((other) => other.toLowerCase() === twin.toLowerCase());
    return twin === name || j < 0 ? i : j;
  });
  let text = `kpt_shape: [${kptShape[0]}, ${kptShape[1]}]\nflip_idx: [${flip.join(", ")}]\nnames:\n`;
  classes.forEach((c, i) => {
    text += `  ${i}: ${JSON.stringify(c.name)}\n`;
  });
  text += "kpt_names:\n";
  classes.forEach((c, i) => {
    text += `  ${i}: [${(keypointNames(c) ?? names).map((n) => JSON.stringify(n)).join(", ")}]\n`;
  });
  return text;
}
