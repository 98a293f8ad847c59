/**
 * Segments labels -> COCO instance annotations.
 *
 * Differences from FastLabel (see README): rotation-free Segments boxes are exact (no 6-decimal geojson rounding),
 * areas are never negative, holes are kept (RLE), crowd RLE annotations are written, categories keep their Segments
 * ids and colours.
 */
import { ConversionError, type ConversionResult, requireFinite, WarningCollector } from "../../errors.js";
import { instanceBounds, regionsArea, ringsBbox, traceInstance } from "../../geometry/index.js";
import { type CocoSegmentation, encodeInstance } from "../../rle/index.js";
import type {
  Category,
  ImageVectorAnnotation,
  InstanceBitmap,
  LabeledImage,
  ObjectAttributes,
  SegmentationAnnotation,
} from "../../types.js";
import { requireUniqueCategoryIds } from "../common.js";
import { groupKeypoints } from "../keypoints.js";
import { cocoKeypointAnnotation } from "./keypoints.js";
import type { CocoAnnotation, CocoCategory, CocoInstanceDataset, ToCocoOptions } from "./types.js";

/** Converts Segments categories to COCO categories (ids kept; two categories with one id are an error). */
export function toCocoCategories(categories: ReadonlyArray<Category>): CocoCategory[] {
  requireUniqueCategoryIds(categories, {});
  return categories.map((c) => {
    const out: CocoCategory = { id: c.id, name: c.name, supercategory: c.name };
    if (c.color) out.color = [...c.color];
    if (Array.isArray(c.keypoints)) out.keypoints = c.keypoints as string[];
    if (Array.isArray(c.skeleton)) out.skeleton = c.skeleton as number[][];
    return out;
  });
}

/** What converting the annotations of one image needs. */
interface ImageContext {
  image: LabeledImage;
  imageId: number;
  categoryIds: ReadonlySet<number>;
  /** The categories, when known: their `keypoints` names group keypoint instances into one annotation. */
  categories: ReadonlyArray<Category>;
  nextId: () => number;
  warnings: WarningCollector;
  options: ToCocoOptions;
}

const where = (ctx: ImageContext, annotationId: number, field?: string) => ({
  file: ctx.options.file,
  item: `image ${ctx.image.name}, annotation ${annotationId}`,
  field,
});

function checkCategory(ctx: ImageContext, categoryId: number, annotationId: number): void {
  if (!ctx.categoryIds.has(categoryId))
    throw new ConversionError(`unknown category id ${categoryId}`, where(ctx, annotationId, "category_id"));
}

const attributesOf = (attributes: ObjectAttributes | null | undefined) =>
  attributes && Object.keys(attributes).length > 0 ? { attributes: { ...attributes } } : {};

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * Streams COCO annotations for one labeled image (the building block of {@link toCocoInstance} and of the streaming
 * file writer). `nextId` supplies annotation ids. Given the categories rather than their ids, the points of a keypoint
 * instance (see `groupKeypoints`) become one COCO keypoint annotation.
 *
 * @example
 * ```ts
 * let id = 0;
 * const annotations = [...cocoAnnotationsForImage(image, 1, new Set([1]), () => ++id, new WarningCollector())];
 * ```
 */
export function* cocoAnnotationsForImage(
  image: LabeledImage,
  imageId: number,
  categories: ReadonlySet<number> | ReadonlyArray<Category>,
  nextId: () => number,
  warnings: WarningCollector,
  options: ToCocoOptions = {},
): Generator<CocoAnnotation> {
  const known = "has" in categories ? { categoryIds: categories, categories: [] } : idsOf(categories);
  const ctx: ImageContext = { image, imageId, ...known, nextId, warnings, options };
  const location = { file: options.file, item: `image ${image.name}, ` };
  for (const item of groupKeypoints(image.vector?.annotations ?? [], ctx.categories, location)) {
    if (item.kind === "keypoints") {
      const { instance } = item;
      const members = [...(instance.box ? [instance.box] : []), ...instance.polygons];
      const flat = (a: { points: number[][] }) => flatPoints(ctx, a as ImageVectorAnnotation);
      const id = members[0]?.id ?? instance.instance;
      checkCategory(ctx, instance.categoryId, id);
      yield requireFiniteOutput(
        ctx,
        id,
        cocoKeypointAnnotation(instance, { id: ctx.nextId(), imageId }, flat),
      );
      continue;
    }
    const out = vectorAnnotation(ctx, item.annotation);
    if (out !== undefined) yield requireFiniteOutput(ctx, item.annotation.id, out);
  }
  if (image.segmentation) yield* bitmapAnnotations(ctx, image.segmentation);
}

/** Category ids per categories array, computed once per export rather than once per image. */
const idSets = new WeakMap<ReadonlyArray<Category>, ReadonlySet<number>>();
function idsOf(categories: ReadonlyArray<Category>) {
  let categoryIds = idSets.get(categories);
  if (categoryIds === undefined) {
    categoryIds = new Set(categories.map((c) => c.id));
    idSets.set(categories, categoryIds);
  }
  return { categoryIds, categories };
}

/** The points of a vector annotation, flat, each checked finite. */
function flatPoints(ctx: ImageContext, a: ImageVectorAnnotation): number[] {
  const flat: number[] = [];
  a.points.forEach((p, i) => {
    flat.push(
      isFiniteNumber(p[0]) ? p[0] : requireFinite(p[0], where(ctx, a.id, `points[${i}][0]`)),
      isFiniteNumber(p[1]) ? p[1] : requireFinite(p[1], where(ctx, a.id, `points[${i}][1]`)),
    );
  });
  const { width, height } = ctx.image;
  if (flat.some((v, i) => v < 0 || v > (i % 2 === 0 ? width : height)))
    ctx.warnings.add("coordinates outside the image (kept as is)", where(ctx, a.id, "points"));
  return flat;
}

/**
 * `out`, once its computed numbers are checked: finite points can still give an infinite width or area (`1e308`
 * minus `-1e308`), which `JSON.stringify` would write as `null`.
 */
function requireFiniteOutput(ctx: ImageContext, annotationId: number, out: CocoAnnotation): CocoAnnotation {
  const fields: Array<[string, readonly number[]]> = [
    ["bbox", out.bbox],
    ["area", [out.area]],
  ];
  for (const [field, values] of fields)
    if (!values.every(isFiniteNumber))
      throw new ConversionError(
        `${field} overflows to a non-finite number (coordinates too large)`,
        where(ctx, annotationId, field),
      );
  return out;
}

/** One vector annotation as a COCO annotation; `undefined` for a polyline (COCO has none: a warning). */
function vectorAnnotation(ctx: ImageContext, a: ImageVectorAnnotation): CocoAnnotation | undefined {
  checkCategory(ctx, a.category_id, a.id);
  const flat = flatPoints(ctx, a);
  const common = {
    image_id: ctx.imageId,
    category_id: a.category_id,
    iscrowd: 0 as const,
    ...attributesOf(a.attributes),
  };
  switch (a.type) {
    case "bbox": {
      if (flat.length !== 4) throw new ConversionError("a bbox needs 2 points", where(ctx, a.id, "points"));
      const x0 = Math.min(flat[0] as number, flat[2] as number);
      const x1 = Math.max(flat[0] as number, flat[2] as number);
      const y0 = Math.min(flat[1] as number, flat[3] as number);
      const y1 = Math.max(flat[1] as number, flat[3] as number);
      if (x1 - x0 === 0 || y1 - y0 === 0)
        ctx.warnings.add("degenerate bbox with zero width or height (kept)", where(ctx, a.id, "points"));
      return {
        id: ctx.nextId(),
        ...common,
        bbox: [x0, y0, x1 - x0, y1 - y0],
        area: (x1 - x0) * (y1 - y0),
        segmentation: [[x0, y0, x1, y0, x1, y1, x0, y1]],
      };
    }
    case "polygon":
      if (flat.length < 6)
        throw new ConversionError("a polygon needs at least 3 points", where(ctx, a.id, "points"));
      return {
        id: ctx.nextId(),
        ...common,
        bbox: ringsBbox([flat]),
        area: regionsArea([[flat]]),
        segmentation: [flat],
      };
    case "point": {
      if (flat.length !== 2)
        throw new ConversionError("a point needs exactly 1 point", where(ctx, a.id, "points"));
      const [x, y] = flat as [number, number];
      return {
        id: ctx.nextId(),
        ...common,
        bbox: [x, y, 0, 0],
        area: 0,
        // COCO tools read `segmentation` of every annotation (pycocotools' showAnns, annToRLE)
        segmentation: [],
        keypoints: [x, y, 2],
        num_keypoints: 1,
      };
    }
    case "polyline":
      ctx.warnings.add("polyline skipped: COCO instance has no polylines", where(ctx, a.id, "type"));
      return undefined;
    default:
      throw new ConversionError(
        `unknown annotation type ${JSON.stringify((a as { type: unknown }).type)}`,
        where(ctx, a.id, "type"),
      );
  }
}

/**
 * The instances of a segmentation label: RLE (or traced polygons with `bitmapSegmentation: "polygon"`, unless the
 * instance has holes or is a crowd), bbox and area from one scan of the bitmap.
 */
function* bitmapAnnotations(
  ctx: ImageContext,
  segmentation: { annotations: SegmentationAnnotation[]; bitmap: InstanceBitmap },
): Generator<CocoAnnotation> {
  const { bitmap, annotations } = segmentation;
  const { image, options } = ctx;
  checkBitmap(bitmap, image, options.file);
  const bounds = instanceBounds(bitmap.data, bitmap.width, bitmap.height);
  for (const a of annotations) {
    checkCategory(ctx, a.category_id, a.id);
    const b = bounds.get(a.id);
    if (b === undefined) {
      ctx.warnings.add("instance has no pixels in the bitmap (skipped)", where(ctx, a.id));
      continue;
    }
    bounds.delete(a.id);
    const crowd = a.attributes?.iscrowd === true || a.attributes?.iscrowd === 1;
    let segmentation: CocoSegmentation | undefined;
    if (options.bitmapSegmentation === "polygon" && !crowd) {
      const regions = traceInstance(bitmap, a.id, b, { tolerance: options.polygonTolerance ?? 0 });
      if (regions.every((r) => r.length === 1)) segmentation = regions.map((r) => r[0] as number[]);
    }
    segmentation ??= encodeInstance(bitmap.data, bitmap.width, bitmap.height, a.id, b);
    yield {
      id: ctx.nextId(),
      image_id: ctx.imageId,
      category_id: a.category_id,
      iscrowd: crowd ? 1 : 0,
      bbox: [b.x0, b.y0, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1],
      area: b.pixels,
      segmentation,
      ...attributesOf(a.attributes),
    };
  }
  for (const id of bounds.keys()) {
    ctx.warnings.add(`bitmap contains instance id ${id} with no annotation (not exported)`, {
      file: options.file,
      item: `image ${image.name}`,
      field: "segmentation_bitmap",
    });
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
    for (const a of cocoAnnotationsForImage(image, imageId, categories, nextId, warnings, options))
      out.annotations.push(a);
  }
  return { value: out, warnings: warnings.list };
}
