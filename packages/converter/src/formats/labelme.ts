/**
 * labelme JSON (one file per image): rectangle, polygon, point, line and linestrip shapes.
 *
 * Unlike FastLabel: unsupported shapes (circle, mask, ...) raise a {@link ConversionError} naming the file and shape
 * instead of producing `type: None`; rectangle corners are normalised; every region of a bitmap instance is exported
 * (holes are reported as warnings, labelme cannot hold them).
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { instanceBounds, traceInstance } from "../geometry/index.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import { categoryIdFor, categoryLookup, flattenPoints, isRecord, kindOf, toPairs } from "./common.js";

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

const SUPPORTED: Record<string, ImageVectorAnnotation["type"]> = {
  rectangle: "bbox",
  polygon: "polygon",
  point: "point",
  line: "polyline",
  linestrip: "polyline",
};

/**
 * Parses a labelme document (already-parsed JSON or its text). Labels are mapped to category ids through
 * `categoryIds`; unknown labels get new ids.
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
  const d = doc as Record<string, unknown>;
  for (const f of ["imageWidth", "imageHeight"] as const) {
    if (typeof d[f] !== "number" || !Number.isInteger(d[f]) || (d[f] as number) <= 0)
      throw new ConversionError(`${f} must be a positive integer`, { file, field: f });
  }
  if (typeof d.imagePath !== "string")
    throw new ConversionError("imagePath must be a string", { file, field: "imagePath" });
  if (!Array.isArray(d.shapes)) throw new ConversionError("shapes must be a list", { file, field: "shapes" });
  const width = d.imageWidth as number;
  const height = d.imageHeight as number;
  const categoryIds = options.categoryIds ?? new Map<string, number>();
  const names: string[] = [];
  const annotations: ImageVectorAnnotation[] = [];
  d.shapes.forEach((s, i) => {
    const item = `shape ${i}`;
    const { label, type, flat, groupId } = readShape(s, i, { file, item });
    if (flat.some((v, k) => v < 0 || v > (k % 2 === 0 ? width : height)))
      warnings.add("coordinates outside the image (kept as is)", { file, item, field: "points" });
    let points = toPairs(flat);
    if (type === "bbox") {
      const [x0, y0, x1, y1] = flat as [number, number, number, number];
      points = [
        [Math.min(x0, x1), Math.min(y0, y1)],
        [Math.max(x0, x1), Math.max(y0, y1)],
      ];
    }
    const annotation: ImageVectorAnnotation = {
      id: annotations.length + 1,
      category_id: categoryIdFor(label, categoryIds, names),
      type,
      points,
    };
    if (groupId !== undefined) annotation.attributes = { group_id: groupId };
    annotations.push(annotation);
  });
  return {
    value: {
      image: { name: d.imagePath, width, height, vector: { format_version: "0.1", annotations } },
      names,
    },
    warnings: warnings.list,
  };
}

/** One shape of `shapes` (user input: anything, null included), checked: label, type, points, group. */
function readShape(
  s: unknown,
  i: number,
  location: { file: string | undefined; item: string },
): { label: string; type: ImageVectorAnnotation["type"]; flat: number[]; groupId: number | undefined } {
  if (!isRecord(s))
    throw new ConversionError(`shape must be an object, got ${kindOf(s)}`, {
      ...location,
      field: `shapes[${i}]`,
    });
  const label = typeof s.label === "string" ? s.label.trim() : "";
  if (label === "") throw new ConversionError("shape has no label", { ...location, field: "label" });
  const shapeType = typeof s.shape_type === "string" ? s.shape_type : "polygon";
  const type = SUPPORTED[shapeType];
  if (type === undefined) {
    throw new ConversionError(
      `unsupported shape_type ${JSON.stringify(shapeType)} (supported: ${Object.keys(SUPPORTED).join(", ")})`,
      { ...location, field: "shape_type" },
    );
  }
  const flat = flattenPoints(s.points, location);
  const n = flat.length / 2;
  if (
    (type === "bbox" && n !== 2) ||
    (type === "point" && n !== 1) ||
    (type === "polygon" && n < 3) ||
    (type === "polyline" && n < 2)
  )
    throw new ConversionError(`${shapeType} with ${n} points`, { ...location, field: "points" });
  return { label, type, flat, groupId: typeof s.group_id === "number" ? s.group_id : undefined };
}
