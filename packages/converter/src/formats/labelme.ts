/**
 * labelme JSON (one file per image): every shape type labelme draws is read; rectangle, polygon, point, line and
 * linestrip shapes are written.
 *
 * Unlike FastLabel: circles, masks and multi-point shapes are converted (FastLabel emits `type: None` for them) and an
 * unknown shape type raises a {@link ConversionError} naming the file and shape; rectangle corners are normalised; every region of a bitmap instance is exported
 * (holes are reported as warnings, labelme cannot hold them).
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { instanceBounds, traceInstance } from "../geometry/index.js";
import { imageSize } from "../image-size.js";
import { IMAGE_HEADER_BYTES } from "../release/download.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import {
  categoryIdFor,
  categoryLookup,
  flattenPoints,
  isRecord,
  kindOf,
  requireImageSize,
  show,
  toPairs,
} from "./common.js";
import { decodeBase64, shapeGeometries } from "./labelme-shapes.js";

export interface LabelmeShape {
  label: string;
  points: number[][];
  group_id: number | null;
  shape_type: string;
  flags: Record<string, boolean>;
  description?: string;
}

export interface LabelmeFile {
  version: string;
  flags: Record<string, boolean>;
  shapes: LabelmeShape[];
  imagePath: string;
  imageData: string | null;
  imageHeight: number;
  imageWidth: number;
}

/**
 * Converts one labeled image to a labelme document.
 *
 * @example
 * ```ts
 * const { value } = toLabelme({ name: "a.jpg", width: 10, height: 10, vector: { annotations: [
 *   { id: 1, category_id: 1, type: "point", points: [[3, 4]] }] } }, [{ id: 1, name: "eye" }]);
 * value.shapes[0]; // { label: "eye", points: [[3, 4]], group_id: null, shape_type: "point", flags: {} }
 * ```
 */
export function toLabelme(
  image: LabeledImage,
  categories: ReadonlyArray<Category>,
): ConversionResult<LabelmeFile> {
  const warnings = new WarningCollector();
  const lookup = categoryLookup(categories);
  const shapes: LabelmeShape[] = [];
  const shape = (
    label: string,
    points: number[][],
    shape_type: string,
    group_id: number | null = null,
  ): LabelmeShape => ({ label, points, group_id, shape_type, flags: {} });
  for (const a of image.vector?.annotations ?? []) {
    const item = `image ${image.name}, annotation ${a.id}`;
    const label = lookup(a.category_id, { item }).name;
    const points = toPairs(flattenPoints(a.points, { item }));
    const type =
      a.type === "bbox"
        ? "rectangle"
        : a.type === "polyline"
          ? points.length === 2
            ? "line"
            : "linestrip"
          : a.type;
    shapes.push(shape(label, points, type));
  }
  if (image.segmentation) {
    const { bitmap, annotations } = image.segmentation;
    const bounds = instanceBounds(bitmap.data, bitmap.width, bitmap.height);
    for (const a of annotations) {
      const item = `image ${image.name}, instance ${a.id}`;
      const label = lookup(a.category_id, { item }).name;
      const b = bounds.get(a.id);
      if (b === undefined) {
        warnings.add("instance has no pixels (skipped)", { item });
        continue;
      }
      const regions = traceInstance(bitmap, a.id, b);
      const holes = regions.reduce((n, r) => n + r.length - 1, 0);
      if (holes > 0)
        warnings.add(`${holes} hole(s) cannot be represented in labelme (outer rings written)`, { item });
      for (const r of regions)
        shapes.push(shape(label, toPairs(r[0] as number[]), "polygon", regions.length > 1 ? a.id : null));
    }
  }
  return {
    value: {
      version: "5.0.1",
      flags: {},
      shapes,
      imagePath: image.name,
      imageData: null,
      imageHeight: image.height,
      imageWidth: image.width,
    },
    warnings: warnings.list,
  };
}

/**
 * Parses a labelme document (already-parsed JSON or its text). Labels are mapped to category ids through
 * `categoryIds`; unknown labels get new ids. Every shape type labelme draws is read (see `labelme-shapes.ts`: circles
 * and masks become polygons, with a warning). The image size is `imageWidth` / `imageHeight`, or, when they are
 * missing, read from the embedded `imageData`; when both are there and disagree, the embedded image wins, as in
 * labelme itself.
 *
 * @example
 * ```ts
 * const { value } = fromLabelme(text, { file: "a.json" });
 * value.image.vector?.annotations;
 * ```
 */
export function fromLabelme(
  input: string | unknown,
  options: { file?: string; categoryIds?: Map<string, number> } = {},
): ConversionResult<{ image: LabeledImage; names: string[] }> {
  const file = options.file;
  const warnings = new WarningCollector();
  let doc: unknown = input;
  if (typeof input === "string") {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new ConversionError(`invalid JSON: ${(error as Error).message}`, { file }, { cause: error });
    }
  }
  if (!isRecord(doc))
    throw new ConversionError(`labelme file must be a JSON object, got ${kindOf(doc)}`, { file });
  if (typeof doc.imagePath !== "string")
    throw new ConversionError("imagePath must be a string", { file, field: "imagePath" });
  if (!Array.isArray(doc.shapes))
    throw new ConversionError("shapes must be a list", { file, field: "shapes" });
  const { width, height } = labelmeImageSize(doc, file, warnings);
  const categoryIds = options.categoryIds ?? new Map<string, number>();
  const names = new Set<string>();
  const annotations: ImageVectorAnnotation[] = [];
  doc.shapes.forEach((s: unknown, i) => {
    const item = `shape ${i}`;
    if (!isRecord(s))
      throw new ConversionError(`shape must be an object, got ${kindOf(s)}`, {
        file,
        item,
        field: `shapes[${i}]`,
      });
    const label = typeof s.label === "string" ? s.label.trim() : "";
    if (label === "") throw new ConversionError("shape has no label", { file, item, field: "label" });
    const categoryId = categoryIdFor(label, categoryIds, names, { file, item });
    const groupId = typeof s.group_id === "number" ? s.group_id : undefined;
    for (const { type, points } of shapeGeometries(s, { file, item }, warnings)) {
      if (
        points.some(
          ([x, y]) =>
            (x as number) < 0 || (y as number) < 0 || (x as number) > width || (y as number) > height,
        )
      )
        warnings.add("coordinates outside the image (kept as is)", { file, item, field: "points" });
      const annotation: ImageVectorAnnotation = {
        id: annotations.length + 1,
        category_id: categoryId,
        type,
        points,
      };
      if (groupId !== undefined) annotation.attributes = { group_id: groupId };
      annotations.push(annotation);
    }
  });
  return {
    value: {
      image: { name: doc.imagePath, width, height, vector: { format_version: "0.1", annotations } },
      names: [...names],
    },
    warnings: warnings.list,
  };
}

/** `imageWidth` / `imageHeight`, or the size of the embedded `imageData` (which wins when both are there). */
function labelmeImageSize(
  doc: Record<string, unknown>,
  file: string | undefined,
  warnings: WarningCollector,
): { width: number; height: number } {
  const declared = { width: doc.imageWidth, height: doc.imageHeight };
  const hasDeclared = declared.width !== undefined && declared.width !== null;
  if (typeof doc.imageData === "string" && doc.imageData !== "") {
    const location = { file, field: "imageData" };
    const size = imageSize(decodeBase64(doc.imageData, location, IMAGE_HEADER_BYTES));
    if (size === undefined)
      throw new ConversionError(
        "imageData is not an image whose size can be read (PNG, JPEG, ...)",
        location,
      );
    if (hasDeclared && (declared.width !== size.width || declared.height !== size.height))
      warnings.add(
        `imageWidth x imageHeight (${show(declared.width)}x${show(declared.height)}) differ from the embedded image (${size.width}x${size.height}): the image's size is used`,
        location,
      );
    return size;
  }
  requireImageSize(declared.width, declared.height, { file });
  return declared as { width: number; height: number };
}
