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
    if (![x, y, x + w, y + h].every(Number.isFinite))
      throw new ConversionError("box overflows to a non-finite number (coordinates too large)", {
        item,
        field: "points",
      });
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
  const names = new Set<string>();
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
      category_id: categoryIdFor(name, categoryIds, names, { file, item }),
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
      names: [...names],
    },
    warnings: warnings.list,
  };
}

/** The five entities XML predefines (XML 1.0 section 4.6). */
const PREDEFINED_ENTITIES = new Set(["lt", "gt", "amp", "apos", "quot"]);

/**
 * Checks every entity reference before parsing: character references (`&#65;`, `&#x41;`) must name a character XML
 * allows (XML 1.0 section 4.1, production [2]), named ones must be predefined or declared in the document's DTD. The
 * parser would otherwise keep `&nbsp;` or `&#xD800;` as literal text in a class name.
 */
function checkEntityReferences(xml: string, file: string | undefined): void {
  const declared = new Set<string>();
  for (const m of xml.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s/g)) declared.add(m[1] as string);
  // CDATA sections and comments hold no references.
  const text = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, "");
  for (const m of text.matchAll(/&([^;&<\s]*)(;?)/g)) {
    const [ref, body = "", semicolon] = m;
    const bad = (why: string): never => {
      throw new ConversionError(`${why}: ${JSON.stringify(ref)}`, { file, field: "entity reference" });
    };
    if (semicolon !== ";") bad("unterminated entity reference (write & as &amp;)");
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (numeric !== null) {
      const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) bad("character reference to a character XML does not allow");
    } else if (!PREDEFINED_ENTITIES.has(body) && !declared.has(body)) bad("undeclared entity");
  }
}

/** The `<annotation>` element of a VOC document. */
function parseRoot(xml: string, file: string | undefined): Record<string, unknown> {
  if (typeof xml !== "string") throw new ConversionError("VOC document must be text", { file });
  checkEntityReferences(xml, file);
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    // Decodes character references; named entities other than XML's five and the DTD's were refused above.
    htmlEntities: true,
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

/**
 * A number of the document: decimal text (`12`, `-3.5`, `1e2`), surrounding spaces allowed. `Number()` alone would
 * also take `0x1A`, `0b11` and `Infinity`, which no VOC writer means.
 */
function vocNumber(v: unknown, location: ProblemLocation): number {
  const text = typeof v === "string" ? v.trim() : "";
  const n = Number(text);
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) || !Number.isFinite(n))
    throw new ConversionError(`expected a decimal number, got ${JSON.stringify(v)}`, location);
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
