/**
 * Pascal VOC XML (one file per image), read and written with fast-xml-parser.
 *
 * Unlike FastLabel: decimal coordinates are accepted, a file without `<object>` is an empty label, `bndbox` children
 * are read by name (not document order), `difficult` / `truncated` / `occluded` are kept as attributes, coordinates
 * are rounded (not floored) on export and the XML has a declaration.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { ConversionError, type ConversionResult, type ProblemLocation, WarningCollector } from "../errors.js";
import { instanceBounds, ringsBbox } from "../geometry/index.js";
import type { Category, ImageVectorAnnotation, LabeledImage, ObjectAttributes } from "../types.js";
import { categoryIdFor, categoryLookup, flattenPoints, requireImageSize } from "./common.js";

/** Options of {@link toVoc}. */
export interface ToVocOptions {
  /** `round` (default): integer pixel coordinates; `none`: write the exact values. */
  rounding?: "round" | "none";
  /** `<depth>` (default 3). */
  depth?: number;
  /** `<folder>`; omitted by default. */
  folder?: string;
}

const FLAGS = ["truncated", "difficult", "occluded"] as const;

function flag(attributes: ObjectAttributes | null | undefined, key: string): number {
  const v = attributes?.[key];
  return v === true || v === 1 || v === "1" || v === "true" ? 1 : 0;
}

/**
 * Converts one labeled image to a VOC XML document. Polygons and bitmap instances are written as their bounding box;
 * points and polylines are skipped with a warning.
 *
 * @example
 * ```ts
 * const { value: xml } = toVoc({ name: "a.jpg", width: 200, height: 100, vector: { annotations: [
 *   { id: 1, category_id: 1, type: "bbox", points: [[10, 20], [50, 60]] }] } }, [{ id: 1, name: "cat" }]);
 * ```
 */
export function toVoc(
  image: LabeledImage,
  categories: ReadonlyArray<Category>,
  options: ToVocOptions = {},
): ConversionResult<string> {
  const warnings = new WarningCollector();
  const lookup = categoryLookup(categories);
  const objects: Record<string, unknown>[] = [];
  const round = (v: number) => (options.rounding === "none" ? v : Math.round(v));
  const push = (
    categoryId: number,
    box: [number, number, number, number],
    attributes: ObjectAttributes | null | undefined,
    item: string,
  ) => {
    const [x, y, w, h] = box;
    if (x < 0 || y < 0 || x + w > image.width || y + h > image.height)
      warnings.add("box outside the image (kept as is)", { item });
    objects.push({
      name: lookup(categoryId, { item }).name,
      pose: typeof attributes?.pose === "string" ? attributes.pose : "Unspecified",
      truncated: flag(attributes, "truncated"),
      difficult: flag(attributes, "difficult"),
      occluded: flag(attributes, "occluded"),
      bndbox: { xmin: round(x), ymin: round(y), xmax: round(x + w), ymax: round(y + h) },
    });
  };
  for (const a of image.vector?.annotations ?? []) {
    const item = `image ${image.name}, annotation ${a.id}`;
    const flat = flattenPoints(a.points, { item });
    if (a.type === "bbox" || a.type === "polygon") push(a.category_id, ringsBbox([flat]), a.attributes, item);
    else warnings.add(`${a.type} skipped: VOC holds boxes only`, { item, field: "type" });
  }
  if (image.segmentation) {
    const bounds = instanceBounds(
      image.segmentation.bitmap.data,
      image.segmentation.bitmap.width,
      image.segmentation.bitmap.height,
    );
    for (const a of image.segmentation.annotations) {
      const b = bounds.get(a.id);
      const item = `image ${image.name}, instance ${a.id}`;
      if (b === undefined) warnings.add("instance has no pixels (skipped)", { item });
      else push(a.category_id, [b.x0, b.y0, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1], a.attributes, item);
    }
  }
  const annotation: Record<string, unknown> = {};
  if (options.folder !== undefined) annotation.folder = options.folder;
  annotation.filename = image.name;
  annotation.size = { width: image.width, height: image.height, depth: options.depth ?? 3 };
  annotation.segmented = 0;
  if (objects.length > 0) annotation.object = objects;
  const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: false });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ annotation }) as string}`;
  return { value: xml, warnings: warnings.list };
}

/** A parsed VOC file. */
export interface VocImport {
  image: LabeledImage;
  /** Class names met, in order of first appearance. */
  names: string[];
}

/**
 * Parses a VOC XML document. Object names are mapped to category ids through `categoryIds`; unknown names get new
 * ids (after the largest given) and are listed in `names`.
 *
 * @example
 * ```ts
 * const { value } = fromVoc(xml, { file: "a.xml", categoryIds: new Map([["cat", 1]]) });
 * value.image.vector?.annotations[0]?.points; // [[10, 20], [50, 60]]
 * ```
 */
export function fromVoc(
  xml: string,
  options: { file?: string; categoryIds?: Map<string, number> } = {},
): ConversionResult<VocImport> {
  const file = options.file;
  const warnings = new WarningCollector();
  const root = parseRoot(xml, file);
  const size = root.size as Record<string, unknown> | undefined;
  if (typeof size !== "object" || size === null)
    throw new ConversionError("missing <size>", { file, field: "size" });
  const width = vocNumber(size.width, { file, field: "size.width" });
  const height = vocNumber(size.height, { file, field: "size.height" });
  // Some labeling tools write <width>0</width><height>0</height> when they did not know the size. The boxes are
  // still good, so such a file imports with a warning and size 0 (an exporter that needs the size then names this
  // image); any other impossible size is refused, since exporters divide by or allocate from it.
  const sizeUnknown = width === 0 && height === 0;
  if (sizeUnknown)
    warnings.add("<size> is 0x0 (unknown): boxes are not checked against the image bounds", {
      file,
      field: "size",
    });
  else requireImageSize(width, height, { file });
  const filename = typeof root.filename === "string" ? root.filename : "";
  if (filename === "") warnings.add("missing <filename>", { file, field: "filename" });
  const names: string[] = [];
  const categoryIds = options.categoryIds ?? new Map<string, number>();
  const annotations: ImageVectorAnnotation[] = [];
  ((root.object as unknown[] | undefined) ?? []).forEach((o, i) => {
    const item = `object ${i + 1}`;
    const { name, box, attributes } = readObject(o as Record<string, unknown>, { file, item });
    const [xmin, ymin, xmax, ymax] = box;
    if (!sizeUnknown && (xmin < 0 || ymin < 0 || xmax > width || ymax > height))
      warnings.add("box outside the image (kept as is)", { file, item, field: "bndbox" });
    const annotation: ImageVectorAnnotation = {
      id: annotations.length + 1,
      category_id: categoryIdFor(name, categoryIds, names),
      type: "bbox",
      points: [
        [xmin, ymin],
        [xmax, ymax],
      ],
    };
    if (Object.keys(attributes).length > 0) annotation.attributes = attributes;
    annotations.push(annotation);
  });
  return {
    value: {
      image: { name: filename, width, height, vector: { format_version: "0.1", annotations } },
      names,
    },
    warnings: warnings.list,
  };
}

/** The `<annotation>` element of a VOC document. */
function parseRoot(xml: string, file: string | undefined): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === "object",
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new ConversionError(`invalid XML: ${(error as Error).message}`, { file }, { cause: error });
  }
  const root = doc.annotation as Record<string, unknown> | undefined;
  if (typeof root !== "object" || root === null)
    throw new ConversionError("missing <annotation> root element", { file });
  return root;
}

/** A number of the document: decimal text, surrounding spaces allowed. */
function vocNumber(v: unknown, location: ProblemLocation): number {
  const n = typeof v === "string" ? Number(v.trim()) : Number.NaN;
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n))
    throw new ConversionError(`expected a number, got ${JSON.stringify(v)}`, location);
  return n;
}

/** One `<object>`: its class name, its box (children read by name) and its flags as attributes. */
function readObject(
  obj: Record<string, unknown>,
  location: { file: string | undefined; item: string },
): { name: string; box: [number, number, number, number]; attributes: ObjectAttributes } {
  const name = typeof obj.name === "string" ? obj.name.trim() : "";
  if (name === "") throw new ConversionError("object has no <name>", { ...location, field: "name" });
  const bndbox = obj.bndbox as Record<string, unknown> | undefined;
  if (typeof bndbox !== "object" || bndbox === null)
    throw new ConversionError("object has no <bndbox>", { ...location, field: "bndbox" });
  const box = (["xmin", "ymin", "xmax", "ymax"] as const).map((k) =>
    vocNumber(bndbox[k], { ...location, field: `bndbox.${k}` }),
  ) as [number, number, number, number];
  if (box[2] < box[0] || box[3] < box[1])
    throw new ConversionError("xmax/ymax smaller than xmin/ymin", { ...location, field: "bndbox" });
  const attributes: ObjectAttributes = {};
  for (const f of FLAGS) if (obj[f] !== undefined) attributes[f] = String(obj[f]).trim() === "1";
  if (typeof obj.pose === "string" && obj.pose !== "Unspecified") attributes.pose = obj.pose;
  return { name, box, attributes };
}
