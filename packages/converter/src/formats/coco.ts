/**
 * COCO instance format <-> Segments labels.
 *
 * Differences from FastLabel (see README): rotation-free Segments boxes are exact (no 6-decimal geojson rounding),
 * areas are never negative, holes are kept (RLE), crowd RLE annotations are read and written, box segmentations are
 * recognised on import so our own export round-trips, categories keep their Segments ids and colours.
 */
import {
  ConversionError,
  type ConversionWarning,
  requireFinite,
  WarningCollector,
  withLocation,
} from "../errors.js";
import {
  instanceBounds,
  maskToPolygons,
  regionsArea,
  regionsToRle,
  ringsBbox,
  traceInstance,
} from "../geometry/index.js";
import { checkPixels, resolveMaxPixels } from "../limits.js";
import {
  type CocoSegmentation,
  decode,
  encodeInstance,
  frBbox,
  type Rle,
  area as rleArea,
  segmentationToRle,
  type UncompressedRle,
} from "../rle/index.js";
import type {
  Category,
  ImageVectorAnnotation,
  InstanceBitmap,
  LabeledImage,
  ObjectAttributes,
  SegmentationAnnotation,
} from "../types.js";
import { show } from "./common.js";

export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  [extra: string]: unknown;
}

export interface CocoCategory {
  id: number;
  name: string;
  supercategory?: string;
  color?: number[];
  keypoints?: string[];
  skeleton?: number[][];
  [extra: string]: unknown;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  bbox: number[];
  area: number;
  iscrowd: 0 | 1;
  segmentation?: CocoSegmentation;
  keypoints?: number[];
  num_keypoints?: number;
  attributes?: ObjectAttributes;
  [extra: string]: unknown;
}

export interface CocoInstanceDataset {
  info?: Record<string, unknown>;
  licenses?: unknown[];
  images: CocoImage[];
  categories: CocoCategory[];
  annotations: CocoAnnotation[];
}

/** Options of {@link toCocoInstance}. */
export interface ToCocoOptions {
  /** How bitmap instances are written: `rle` (default, like the Segments SDK) or `polygon` (traced outlines). Instances
   * with holes are always written as RLE, since COCO polygons cannot hold holes. */
  bitmapSegmentation?: "rle" | "polygon";
  /** Douglas-Peucker tolerance for traced polygons, in pixels (default 0: exact pixel outlines). */
  polygonTolerance?: number;
  /** `info` block of the output. */
  info?: Record<string, unknown>;
  /** Output file name, used in warnings and errors. */
  file?: string;
}

/** The result of a conversion: the output plus collected warnings. */
export interface ConversionResult<T> {
  value: T;
  warnings: ConversionWarning[];
}

/** Converts Segments categories to COCO categories (ids kept). */
export function toCocoCategories(categories: ReadonlyArray<Category>): CocoCategory[] {
  return categories.map((c) => {
    const out: CocoCategory = { id: c.id, name: c.name, supercategory: c.name };
    if (c.color) out.color = [...c.color];
    if (Array.isArray(c.keypoints)) out.keypoints = c.keypoints as string[];
    if (Array.isArray(c.skeleton)) out.skeleton = c.skeleton as number[][];
    return out;
  });
}

/**
 * Streams COCO annotations for one labeled image (the building block of {@link toCocoInstance} and of the streaming
 * file writer). `nextId` supplies annotation ids.
 */
export function* cocoAnnotationsForImage(
  image: LabeledImage,
  imageId: number,
  categoryIds: ReadonlySet<number>,
  nextId: () => number,
  warnings: WarningCollector,
  options: ToCocoOptions = {},
): Generator<CocoAnnotation> {
  const where = (annotationId: number, field?: string) => ({
    file: options.file,
    item: `image ${image.name}, annotation ${annotationId}`,
    field,
  });
  const checkCategory = (categoryId: number, annotationId: number) => {
    if (!categoryIds.has(categoryId)) {
      throw new ConversionError(`unknown category id ${categoryId}`, where(annotationId, "category_id"));
    }
  };
  const attributesOf = (attributes: ObjectAttributes | null | undefined) =>
    attributes && Object.keys(attributes).length > 0 ? { attributes: { ...attributes } } : {};
  if (image.vector) {
    for (const a of image.vector.annotations) {
      checkCategory(a.category_id, a.id);
      const flat: number[] = [];
      a.points.forEach((p, i) => {
        flat.push(
          isFiniteNumber(p[0]) ? p[0] : requireFinite(p[0], where(a.id, `points[${i}][0]`)),
          isFiniteNumber(p[1]) ? p[1] : requireFinite(p[1], where(a.id, `points[${i}][1]`)),
        );
      });
      if (flat.some((v, i) => v < 0 || v > (i % 2 === 0 ? image.width : image.height))) {
        warnings.add("coordinates outside the image (kept as is)", where(a.id, "points"));
      }
      const common = {
        image_id: imageId,
        category_id: a.category_id,
        iscrowd: 0 as const,
        ...attributesOf(a.attributes),
      };
      switch (a.type) {
        case "bbox": {
          if (flat.length !== 4) throw new ConversionError("a bbox needs 2 points", where(a.id, "points"));
          const x0 = Math.min(flat[0] as number, flat[2] as number);
          const x1 = Math.max(flat[0] as number, flat[2] as number);
          const y0 = Math.min(flat[1] as number, flat[3] as number);
          const y1 = Math.max(flat[1] as number, flat[3] as number);
          if (x1 - x0 === 0 || y1 - y0 === 0)
            warnings.add("degenerate bbox with zero width or height (kept)", where(a.id, "points"));
          yield {
            id: nextId(),
            ...common,
            bbox: [x0, y0, x1 - x0, y1 - y0],
            area: (x1 - x0) * (y1 - y0),
            segmentation: [[x0, y0, x1, y0, x1, y1, x0, y1]],
          };
          break;
        }
        case "polygon": {
          if (flat.length < 6)
            throw new ConversionError("a polygon needs at least 3 points", where(a.id, "points"));
          yield {
            id: nextId(),
            ...common,
            bbox: ringsBbox([flat]),
            area: regionsArea([[flat]]),
            segmentation: [flat],
          };
          break;
        }
        case "point": {
          if (flat.length !== 2)
            throw new ConversionError("a point needs exactly 1 point", where(a.id, "points"));
          yield {
            id: nextId(),
            ...common,
            bbox: [flat[0] as number, flat[1] as number, 0, 0],
            area: 0,
            keypoints: [flat[0] as number, flat[1] as number, 2],
            num_keypoints: 1,
          };
          break;
        }
        case "polyline":
          warnings.add("polyline skipped: COCO instance has no polylines", where(a.id, "type"));
          break;
        default:
          throw new ConversionError(
            `unknown annotation type ${JSON.stringify((a as { type: unknown }).type)}`,
            where(a.id, "type"),
          );
      }
    }
  }
  if (image.segmentation) {
    const { bitmap, annotations } = image.segmentation;
    checkBitmap(bitmap, image, options.file);
    const bounds = instanceBounds(bitmap.data, bitmap.width, bitmap.height);
    for (const a of annotations) {
      checkCategory(a.category_id, a.id);
      const b = bounds.get(a.id);
      if (b === undefined) {
        warnings.add("instance has no pixels in the bitmap (skipped)", where(a.id));
        continue;
      }
      bounds.delete(a.id);
      const crowd = a.attributes?.iscrowd === true || a.attributes?.iscrowd === 1;
      const bbox = [b.x0, b.y0, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1];
      let segmentation: CocoSegmentation | undefined;
      if (options.bitmapSegmentation === "polygon" && !crowd) {
        const regions = traceInstance(bitmap, a.id, b, { tolerance: options.polygonTolerance ?? 0 });
        if (regions.every((r) => r.length === 1)) segmentation = regions.map((r) => r[0] as number[]);
      }
      segmentation ??= encodeInstance(bitmap.data, bitmap.width, bitmap.height, a.id, b);
      yield {
        id: nextId(),
        image_id: imageId,
        category_id: a.category_id,
        iscrowd: crowd ? 1 : 0,
        bbox,
        area: b.pixels,
        segmentation,
        ...attributesOf(a.attributes),
      };
    }
    for (const id of bounds.keys()) {
      warnings.add(`bitmap contains instance id ${id} with no annotation (not exported)`, {
        file: options.file,
        item: `image ${image.name}`,
        field: "segmentation_bitmap",
      });
    }
  }
}

function checkBitmap(bitmap: InstanceBitmap, image: LabeledImage, file: string | undefined): void {
  if (
    bitmap.width !== image.width ||
    bitmap.height !== image.height ||
    bitmap.data.length !== bitmap.width * bitmap.height
  ) {
    throw new ConversionError(
      `bitmap is ${bitmap.width}x${bitmap.height} (${bitmap.data.length} pixels) but the image is ${image.width}x${image.height}`,
      { file, item: `image ${image.name}`, field: "segmentation_bitmap" },
    );
  }
}

/**
 * Converts Segments labels to a COCO instance dataset. Image ids are 1-based in input order, annotation ids 1-based
 * in output order, category ids are the Segments ids.
 *
 * @example
 * ```ts
 * const { value: coco, warnings } = toCocoInstance(
 *   [{ name: "a.jpg", width: 100, height: 80, vector: { annotations: [
 *     { id: 1, category_id: 1, type: "bbox", points: [[10, 10], [50, 40]] },
 *   ] } }],
 *   [{ id: 1, name: "car" }],
 * );
 * coco.annotations[0].bbox; // [10, 10, 40, 30]
 * ```
 */
export function toCocoInstance(
  images: Iterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  options: ToCocoOptions = {},
): ConversionResult<CocoInstanceDataset> {
  const warnings = new WarningCollector();
  const categoryIds = new Set(categories.map((c) => c.id));
  const out: CocoInstanceDataset = {
    info: options.info ?? {},
    images: [],
    categories: toCocoCategories(categories),
    annotations: [],
  };
  let annotationId = 0;
  const nextId = () => ++annotationId;
  let imageId = 0;
  for (const image of images) {
    imageId++;
    out.images.push({ id: imageId, file_name: image.name, width: image.width, height: image.height });
    for (const a of cocoAnnotationsForImage(image, imageId, categoryIds, nextId, warnings, options))
      out.annotations.push(a);
  }
  return { value: out, warnings: warnings.list };
}

/** Options of {@link fromCocoInstance}. */
export interface FromCocoOptions {
  /**
   * `vector` (default): bbox / polygon / point annotations. Polygons with several parts become several polygon
   * annotations and RLE masks are traced into polygons; each of these cases is reported as a warning (vector labels
   * cannot hold holes or multi-part shapes). `segmentation`: an instance bitmap per image that keeps every pixel.
   */
  target?: "vector" | "segmentation";
  /** Source file name, used in errors and warnings. */
  file?: string;
  /**
   * Largest mask, in pixels, the import may allocate (default {@link DEFAULT_MAX_PIXELS}, 2^28): with target
   * `segmentation` the size of every image, with target `vector` the size of every RLE mask (traced into polygons).
   * Checked from the sizes declared in the file, before anything is allocated, so a small file claiming a huge image
   * fails fast with a {@link ConversionError}. Raise it to convert larger images.
   */
  maxPixels?: number;
}

/** The result of {@link fromCocoInstance}. */
export interface CocoImport {
  images: LabeledImage[];
  categories: Category[];
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRle(value: unknown): value is Rle | UncompressedRle {
  return isObject(value) && "counts" in value && "size" in value;
}

function isBoxRing(ring: number[], bbox: number[]): boolean {
  if (ring.length !== 8 && ring.length !== 10) return false;
  const [bx, by, bw, bh] = bbox as [number, number, number, number];
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (let i = 0; i < 8; i += 2) {
    xs.add(ring[i] as number);
    ys.add(ring[i + 1] as number);
  }
  if (xs.size !== 2 || ys.size !== 2) return false;
  const [r0, r1, r2, r3, r4, r5, r6, r7] = ring as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // consecutive corners must differ in exactly one coordinate (an axis-aligned rectangle, not a bow-tie)
  const edges = [
    [r0, r1, r2, r3],
    [r2, r3, r4, r5],
    [r4, r5, r6, r7],
    [r6, r7, r0, r1],
  ] as const;
  if (!edges.every(([ax, ay, cx, cy]) => (ax === cx) !== (ay === cy))) return false;
  return (
    Math.min(...xs) === bx &&
    Math.min(...ys) === by &&
    Math.max(...xs) - bx === bw &&
    Math.max(...ys) - by === bh
  );
}

/**
 * Converts a COCO instance dataset into Segments labels. Every problem is either a {@link ConversionError} naming the
 * file, image / annotation and field (missing image, unknown category, malformed numbers) or a collected warning.
 * Crowd RLE annotations are kept (`attributes.iscrowd = true`).
 *
 * @example
 * ```ts
 * const { value } = fromCocoInstance(JSON.parse(text), { file: "instances.json" });
 * value.images[0].vector?.annotations;
 * ```
 */
export function fromCocoInstance(coco: unknown, options: FromCocoOptions = {}): ConversionResult<CocoImport> {
  const file = options.file;
  const warnings = new WarningCollector();
  if (!isObject(coco)) throw new ConversionError("COCO file must be a JSON object", { file });
  for (const key of ["images", "annotations", "categories"] as const) {
    if (!Array.isArray(coco[key]))
      throw new ConversionError(`missing or non-array "${key}"`, { file, field: key });
  }
  const reader = new CocoReader(options);
  (coco.categories as unknown[]).forEach((c, i) => {
    reader.addCategory(c, i);
  });
  (coco.images as unknown[]).forEach((img, i) => {
    reader.addImage(img, i);
  });
  reader.finish("categories");
  reader.finish("images");
  (coco.annotations as unknown[]).forEach((a, i) => {
    reader.addAnnotation(a, i);
  });
  reader.checkReferences();
  const images: LabeledImage[] = [];
  for (const image of reader.convertImages(warnings)) images.push(image);
  return { value: { images, categories: reader.categories }, warnings: warnings.list };
}

/**
 * The steps of a COCO import, shared by {@link fromCocoInstance} (whole document in memory) and the streaming
 * importer (elements arrive one at a time, in any order of the three arrays). Each element is validated as it is
 * added; checks that need another array (an annotation's image and category) run in {@link checkReferences}.
 * Annotations are grouped per image as they arrive (the parsed objects are kept once, never copied) and each group
 * is released as soon as its image has been converted.
 * @internal
 */
export class CocoReader {
  readonly categories: Category[] = [];
  readonly #categoryById = new Map<number, CocoCategory>();
  /** Image entries only: the output objects are created while converting, so none is kept after being yielded. */
  readonly #images: Array<{ id: number; name: string; width: number; height: number }> = [];
  readonly #imageIds = new Set<number>();
  /** Annotations per `image_id`, in input order. */
  readonly #groups = new Map<unknown, Array<Record<string, unknown>>>();
  /** Input position of annotations without an `id`, to name them in errors. */
  readonly #indexOfIdless = new Map<object, number>();
  #imagesDone = false;
  #categoriesDone = false;
  #deferred = false;
  readonly #file: string | undefined;
  readonly #target: FromCocoOptions["target"];
  readonly #maxPixels: number;

  constructor(options: FromCocoOptions = {}) {
    this.#file = options.file;
    this.#target = options.target;
    this.#maxPixels = resolveMaxPixels(options.maxPixels);
  }

  addCategory(c: unknown, i: number): void {
    const file = this.#file;
    if (!isObject(c) || typeof c.id !== "number" || !Number.isInteger(c.id)) {
      throw new ConversionError("category needs an integer id", { file, item: `category ${i}`, field: "id" });
    }
    const name =
      typeof c.name === "string" && c.name !== ""
        ? c.name
        : typeof c.supercategory === "string"
          ? c.supercategory
          : "";
    if (name === "")
      throw new ConversionError("category has no name", { file, item: `category ${c.id}`, field: "name" });
    this.#categoryById.set(c.id, c as CocoCategory);
    const category: Category = { id: c.id, name };
    if (Array.isArray(c.color)) category.color = c.color as number[];
    if (Array.isArray(c.keypoints)) category.keypoints = c.keypoints;
    if (Array.isArray(c.skeleton)) category.skeleton = c.skeleton;
    if (typeof c.supercategory === "string") category.supercategory = c.supercategory;
    this.categories.push(category);
  }

  addImage(img: unknown, i: number): void {
    const file = this.#file;
    const item = `image ${i}`;
    if (!isObject(img)) throw new ConversionError("image must be an object", { file, item });
    if (typeof img.id !== "number")
      throw new ConversionError("image needs a numeric id", { file, item, field: "id" });
    if (typeof img.file_name !== "string")
      throw new ConversionError("image needs a file_name", { file, item, field: "file_name" });
    for (const f of ["width", "height"] as const) {
      const v = img[f];
      // A zero size has no pixel to label, and would divide by zero in exporters normalising by it.
      if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
        throw new ConversionError(`image ${f} must be a positive integer, got ${JSON.stringify(v)}`, {
          file,
          item: `image ${img.file_name}`,
          field: f,
        });
      }
    }
    // Target segmentation allocates a bitmap of the image size: refuse a huge one before reading any annotation.
    if (this.#target === "segmentation")
      checkPixels("image", img.width as number, img.height as number, this.#maxPixels, {
        file,
        item: `image ${img.file_name} (id ${img.id})`,
        field: "width, height",
      });
    if (this.#imageIds.has(img.id))
      throw new ConversionError(`duplicate image id ${img.id}`, {
        file,
        item: `image ${img.file_name}`,
        field: "id",
      });
    this.#imageIds.add(img.id);
    this.#images.push({
      id: img.id,
      name: img.file_name,
      width: img.width as number,
      height: img.height as number,
    });
  }

  /** Throws the error for a missing or non-array `images` / `annotations` / `categories` member. */
  notAnArray(key: string): never {
    throw new ConversionError(`missing or non-array "${key}"`, { file: this.#file, field: key });
  }

  /** Marks the end of the `images` or `categories` array: from then on annotations are checked as they arrive. */
  finish(key: "images" | "categories"): void {
    if (key === "images") this.#imagesDone = true;
    else this.#categoriesDone = true;
  }

  addAnnotation(a: unknown, i: number): void {
    if (!isObject(a))
      throw new ConversionError("annotation must be an object", {
        file: this.#file,
        item: `annotation #${i}`,
      });
    if (a.id === undefined) this.#indexOfIdless.set(a, i);
    if (this.#imagesDone && this.#categoriesDone) this.#checkReference(a);
    else this.#deferred = true;
    const group = this.#groups.get(a.image_id);
    if (group === undefined) this.#groups.set(a.image_id, [a]);
    else group.push(a);
  }

  /**
   * Throws for an annotation whose image or category does not exist. Annotations that arrived before the images and
   * categories were complete are checked here (per image, in input order).
   */
  checkReferences(): void {
    if (!this.#deferred) return;
    for (const group of this.#groups.values()) for (const a of group) this.#checkReference(a);
  }

  #checkReference(a: Record<string, unknown>): void {
    const file = this.#file;
    const item = `annotation ${show(a.id ?? `#${this.#indexOfIdless.get(a)}`)}`;
    if (!this.#imageIds.has(a.image_id as number)) {
      throw new ConversionError(`annotation refers to missing image id ${show(a.image_id)}`, {
        file,
        item,
        field: "image_id",
      });
    }
    if (!this.#categoryById.has(a.category_id as number)) {
      throw new ConversionError(`unknown category id ${show(a.category_id)}`, {
        file,
        item,
        field: "category_id",
      });
    }
  }

  /** Converts image by image in input order, releasing each image's annotations once converted. */
  *convertImages(warnings: WarningCollector): Generator<LabeledImage> {
    for (const { id, name, width, height } of this.#images) {
      const image: LabeledImage = { name, width, height };
      const annotations = this.#groups.get(id) ?? [];
      this.#groups.delete(id);
      if (this.#target === "segmentation")
        importAsBitmap(image, annotations, this.#categoryById, this.#file, warnings);
      else importAsVector(image, annotations, this.#categoryById, this.#file, warnings, this.#maxPixels);
      yield image;
    }
  }
}

function readBbox(
  a: Record<string, unknown>,
  loc: { file: string | undefined; item: string },
): number[] | undefined {
  if (a.bbox === undefined) return undefined;
  if (!Array.isArray(a.bbox) || a.bbox.length !== 4)
    throw new ConversionError("bbox must be [x, y, width, height]", { ...loc, field: "bbox" });
  const bbox = a.bbox.map((v, k) =>
    isFiniteNumber(v) ? v : requireFinite(v, { ...loc, field: `bbox[${k}]` }),
  );
  if ((bbox[2] as number) < 0 || (bbox[3] as number) < 0)
    throw new ConversionError("bbox width and height must be >= 0", { ...loc, field: "bbox" });
  return bbox;
}

function readPolygons(seg: unknown[], loc: { file: string | undefined; item: string }): number[][] {
  return seg.map((poly, k) => {
    if (!Array.isArray(poly) || poly.length < 6 || poly.length % 2 !== 0) {
      throw new ConversionError("each polygon must be a flat list of at least 3 x,y pairs", {
        ...loc,
        field: `segmentation[${k}]`,
      });
    }
    // the location is only built for a bad value: this runs for every coordinate of large files
    return poly.map((v, j) =>
      isFiniteNumber(v) ? v : requireFinite(v, { ...loc, field: `segmentation[${k}][${j}]` }),
    );
  });
}

function checkInside(
  values: number[],
  image: LabeledImage,
  loc: { file: string | undefined; item: string },
  field: string,
  warnings: WarningCollector,
) {
  if (values.some((v, i) => v < 0 || v > (i % 2 === 0 ? image.width : image.height))) {
    warnings.add("coordinates outside the image (kept as is)", { ...loc, field });
  }
}

function attributesFrom(a: Record<string, unknown>): ObjectAttributes | undefined {
  const attributes: ObjectAttributes = isObject(a.attributes)
    ? { ...(a.attributes as ObjectAttributes) }
    : {};
  if (a.iscrowd === 1 || a.iscrowd === true) attributes.iscrowd = true;
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function importAsVector(
  image: LabeledImage,
  annotations: Record<string, unknown>[],
  categories: Map<number, CocoCategory>,
  file: string | undefined,
  warnings: WarningCollector,
  maxPixels: number,
): void {
  const out: ImageVectorAnnotation[] = [];
  let id = 0;
  const push = (a: Record<string, unknown>, type: ImageVectorAnnotation["type"], points: number[][]) => {
    const annotation: ImageVectorAnnotation = {
      id: ++id,
      category_id: a.category_id as number,
      type,
      points,
    };
    const attributes = attributesFrom(a);
    if (attributes !== undefined) annotation.attributes = attributes;
    out.push(annotation);
  };
  const pairs = (flat: number[]) => {
    const points: number[][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i] as number, flat[i + 1] as number]);
    return points;
  };
  for (const a of annotations) {
    const loc = { file, item: `image ${image.name}, annotation ${show(a.id)}` };
    const bbox = readBbox(a, loc);
    const seg = a.segmentation;
    let shaped = false;
    if (Array.isArray(seg) && seg.length > 0) {
      const polygons = readPolygons(seg, loc);
      polygons.forEach((p, k) => {
        checkInside(p, image, loc, `segmentation[${k}]`, warnings);
      });
      if (polygons.length === 1 && bbox !== undefined && isBoxRing(polygons[0] as number[], bbox)) {
        push(a, "bbox", [
          [bbox[0] as number, bbox[1] as number],
          [(bbox[0] as number) + (bbox[2] as number), (bbox[1] as number) + (bbox[3] as number)],
        ]);
      } else {
        if (polygons.length > 1)
          warnings.add(
            `polygon with ${polygons.length} parts imported as ${polygons.length} polygon annotations`,
            { ...loc, field: "segmentation" },
          );
        for (const p of polygons) push(a, "polygon", pairs(p));
      }
      shaped = true;
    } else if (isRle(seg)) {
      const where = { ...loc, field: "segmentation" };
      // Tracing decodes the whole mask: refuse a huge declared size before parsing or allocating anything.
      const [h, w] = Array.isArray(seg.size) ? seg.size : [];
      if (typeof h === "number" && typeof w === "number")
        checkPixels("RLE mask", w, h, maxPixels, { ...loc, field: "segmentation.size" });
      const rle = withLocation(where, () => segmentationToRle(seg, image.height, image.width));
      const regions = maskToPolygons(withLocation(where, () => decode(rle, { maxPixels })));
      const holes = regions.reduce((n, r) => n + r.length - 1, 0);
      warnings.add(
        `RLE mask traced into ${regions.length} polygon(s)${holes > 0 ? `; ${holes} hole(s) cannot be represented in a vector label (use target "segmentation" to keep them)` : ""}`,
        { ...loc, field: "segmentation" },
      );
      for (const r of regions) push(a, "polygon", pairs(r[0] as number[]));
      shaped = true;
    } else if (seg !== undefined && !(Array.isArray(seg) && seg.length === 0)) {
      throw new ConversionError("segmentation must be a list of polygons or an RLE object", {
        ...loc,
        field: "segmentation",
      });
    }
    const keypoints = importKeypoints(a, categories.get(a.category_id as number), loc);
    for (const kp of keypoints) {
      checkInside([kp.x, kp.y], image, loc, "keypoints", warnings);
      const annotation: ImageVectorAnnotation = {
        id: ++id,
        category_id: a.category_id as number,
        type: "point",
        points: [[kp.x, kp.y]],
        attributes: { keypoint: kp.name, visible: kp.v === 2 },
      };
      out.push(annotation);
    }
    if (!shaped && bbox !== undefined && !(keypoints.length > 0 && bbox[2] === 0 && bbox[3] === 0)) {
      checkInside(
        [
          bbox[0] as number,
          bbox[1] as number,
          (bbox[0] as number) + (bbox[2] as number),
          (bbox[1] as number) + (bbox[3] as number),
        ],
        image,
        loc,
        "bbox",
        warnings,
      );
      push(a, "bbox", [
        [bbox[0] as number, bbox[1] as number],
        [(bbox[0] as number) + (bbox[2] as number), (bbox[1] as number) + (bbox[3] as number)],
      ]);
      shaped = true;
    }
    if (!shaped && keypoints.length === 0)
      throw new ConversionError("annotation has no bbox, segmentation or keypoints", loc);
  }
  image.vector = { format_version: "0.1", annotations: out };
}

function importKeypoints(
  a: Record<string, unknown>,
  category: CocoCategory | undefined,
  loc: { file: string | undefined; item: string },
) {
  const out: Array<{ x: number; y: number; v: number; name: string }> = [];
  if (a.keypoints === undefined) return out;
  if (!Array.isArray(a.keypoints) || a.keypoints.length % 3 !== 0) {
    throw new ConversionError("keypoints must be a flat list of x, y, v triples", {
      ...loc,
      field: "keypoints",
    });
  }
  const names = category?.keypoints ?? [];
  for (let k = 0; k < a.keypoints.length; k += 3) {
    const [x, y, v] = [0, 1, 2].map((j) =>
      requireFinite((a.keypoints as unknown[])[k + j], { ...loc, field: `keypoints[${k + j}]` }),
    ) as [number, number, number];
    if (v !== 0 && v !== 1 && v !== 2)
      throw new ConversionError(`keypoint visibility must be 0, 1 or 2, got ${v}`, {
        ...loc,
        field: `keypoints[${k + 2}]`,
      });
    if (v === 0) continue;
    out.push({ x, y, v, name: names[k / 3] ?? String(k / 3) });
  }
  return out;
}

function importAsBitmap(
  image: LabeledImage,
  annotations: Record<string, unknown>[],
  _categories: Map<number, CocoCategory>,
  file: string | undefined,
  warnings: WarningCollector,
): void {
  const { width, height } = image;
  const data = new Uint32Array(width * height);
  const out: SegmentationAnnotation[] = [];
  const empty = new Set<number>();
  let id = 0;
  for (const a of annotations) {
    const loc = { file, item: `image ${image.name}, annotation ${show(a.id)}` };
    const bbox = readBbox(a, loc);
    const seg = a.segmentation;
    let rle: Rle;
    if (Array.isArray(seg) && seg.length > 0) {
      const polygons = readPolygons(seg, loc);
      rle = withLocation({ ...loc, field: "segmentation" }, () =>
        regionsToRle(
          polygons.map((p) => [p]),
          height,
          width,
        ),
      );
    } else if (isRle(seg)) {
      rle = withLocation({ ...loc, field: "segmentation" }, () => segmentationToRle(seg, height, width));
    } else if (bbox !== undefined) {
      rle = withLocation({ ...loc, field: "bbox" }, () => frBbox(bbox, height, width));
    } else
      throw new ConversionError("annotation has neither segmentation nor bbox", {
        ...loc,
        field: "segmentation",
      });
    const instanceId = ++id;
    if (instanceId >= 2 ** 24)
      throw new ConversionError("more than 2^24-1 instances in one image", { ...loc });
    // The image size passed the maxPixels check in addImage, and the RLE matches it.
    const mask = decode(rle, { maxPixels: Number.POSITIVE_INFINITY }).data;
    for (let i = 0; i < mask.length; i++) if (mask[i]) data[i] = instanceId;
    const annotation: SegmentationAnnotation = { id: instanceId, category_id: a.category_id as number };
    const attributes = attributesFrom(a);
    if (attributes !== undefined) annotation.attributes = attributes;
    out.push(annotation);
    if (rleArea(rle) === 0) {
      empty.add(instanceId);
      warnings.add("annotation covers no pixel centre (kept, empty)", { ...loc, field: "segmentation" });
    }
  }
  // Report instances fully hidden by later ones: they stay in the annotation list but have no pixels left.
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i++) seen.add(data[i] as number);
  for (const a of out) {
    if (!seen.has(a.id) && !empty.has(a.id))
      warnings.add("instance fully covered by later annotations", {
        file,
        item: `image ${image.name}, instance ${a.id}`,
      });
  }
  image.segmentation = { annotations: out, bitmap: { width, height, data } };
}
