/**
 * Instance and semantic index PNGs (the FastLabel `export_instance_segmentation` / `export_semantic_segmentation`
 * style): one index per pixel, 0 = background.
 *
 * Unlike FastLabel: later annotations overwrite earlier ones (no bitwise OR of overlapping indices), the PNG is always
 * 8-bit palette (never a corrupting 1/2/4-bit one), the default palette has no duplicate colours, non-drawable
 * categories do not shift semantic indices, and more than 255 indices switch to a 16-bit grayscale PNG (reported as a
 * warning) instead of saturating at 255.
 */
import { encodePng, instanceColor } from "@segments-ts/bitmap";
import { ConversionError, type ConversionResult, WarningCollector, withLocation } from "../errors.js";
import { ringsBbox } from "../geometry/index.js";
import { checkPixels, resolveMaxPixels } from "../limits.js";
import { frBbox, frPoly, decode as rleDecode } from "../rle/index.js";
import type { Category, LabeledImage, SegmentationAnnotation } from "../types.js";
import { categoryLookup, decodeInputPng, flattenPoints, requireImageSize } from "./common.js";

/** Options of {@link toIndexPng}. */
export interface IndexPngOptions {
  /** `instance` (default): a running index per drawn annotation; `semantic`: the class index. */
  mode?: "instance" | "semantic";
  /** Semantic mode: category ids in class order (default: `categories` order). */
  classes?: number[];
  /** First index (default 1; 0 would collide with the background). */
  startIndex?: number;
  /** Palette colours by index (default: index 0 black, then distinct generated colours). */
  palette?: ReadonlyArray<readonly [number, number, number]>;
  /**
   * Largest image, in pixels, rendered (default {@link DEFAULT_MAX_PIXELS}, 2^28): the index image is allocated from
   * the declared `width` and `height`, so a bogus size fails fast with a {@link ConversionError}.
   */
  maxPixels?: number;
}

/** An index image before PNG encoding, and what each index means. */
export interface IndexImage {
  width: number;
  height: number;
  data: Uint16Array;
  /** Index -> category id (instance mode: also the annotation id in `annotationIds`). */
  categoryOf: Map<number, number>;
  /** Instance mode: index -> source annotation id. */
  annotationIds: Map<number, number>;
}

/**
 * Renders a labeled image into an index image. Vector bboxes and polygons are rasterised with the pycocotools
 * pixel-centre rule, in annotation order, later ones on top; points and polylines are skipped with a warning.
 *
 * @example
 * ```ts
 * const { value } = renderIndexImage(image, categories, { mode: "semantic" });
 * ```
 */
export function renderIndexImage(
  image: LabeledImage,
  categories: ReadonlyArray<Category>,
  options: IndexPngOptions = {},
): ConversionResult<IndexImage> {
  const warnings = new WarningCollector();
  requireImageSize(image.width, image.height, { item: `image ${image.name}` });
  const { width, height } = image;
  checkPixels("image", width, height, resolveMaxPixels(options.maxPixels), {
    item: `image ${image.name}`,
    field: "width, height",
  });
  const lookup = categoryLookup(categories);
  const classes = options.classes ?? categories.map((c) => c.id);
  const classIndex = new Map(classes.map((id, i) => [id, i]));
  const start = options.startIndex ?? 1;
  const data = new Uint16Array(width * height);
  const categoryOf = new Map<number, number>();
  const annotationIds = new Map<number, number>();
  let next = start;
  const indexFor = (categoryId: number, annotationId: number, item: string): number => {
    lookup(categoryId, { item });
    let value: number;
    if (options.mode === "semantic") {
      const i = classIndex.get(categoryId);
      if (i === undefined)
        throw new ConversionError(`category ${categoryId} is not in classes`, { item, field: "category_id" });
      value = i + start;
    } else value = next++;
    if (value > 65535)
      throw new ConversionError("more than 65535 indices cannot be stored in a PNG", { item });
    categoryOf.set(value, categoryId);
    if (options.mode !== "semantic") annotationIds.set(value, annotationId);
    return value;
  };
  for (const a of image.vector?.annotations ?? []) {
    const item = `image ${image.name}, annotation ${a.id}`;
    if (a.type !== "bbox" && a.type !== "polygon") {
      warnings.add(`${a.type} skipped: not an area`, { item, field: "type" });
      continue;
    }
    const flat = flattenPoints(a.points, { item });
    const value = indexFor(a.category_id, a.id, item);
    const mask = withLocation({ item, field: "points" }, () => {
      const rle = a.type === "bbox" ? frBbox(ringsBbox([flat]), height, width) : frPoly(flat, height, width);
      // The image size passed the maxPixels check above.
      return rleDecode(rle, { maxPixels: Number.POSITIVE_INFINITY }).data;
    });
    for (let i = 0; i < mask.length; i++) if (mask[i]) data[i] = value;
  }
  if (image.segmentation) {
    const { bitmap, annotations } = image.segmentation;
    if (bitmap.width !== width || bitmap.height !== height) {
      throw new ConversionError(`bitmap is ${bitmap.width}x${bitmap.height}, image is ${width}x${height}`, {
        item: `image ${image.name}`,
        field: "segmentation_bitmap",
      });
    }
    const lut = new Map<number, number>();
    for (const a of annotations as SegmentationAnnotation[])
      lut.set(a.id, indexFor(a.category_id, a.id, `image ${image.name}, instance ${a.id}`));
    const missing = new Set<number>();
    for (let i = 0; i < bitmap.data.length; i++) {
      const id = bitmap.data[i] as number;
      if (id === 0) continue;
      const v = lut.get(id);
      if (v === undefined) missing.add(id);
      else data[i] = v;
    }
    for (const id of missing)
      warnings.add(`bitmap id ${id} has no annotation (left as background)`, { item: `image ${image.name}` });
  }
  return { value: { width, height, data, categoryOf, annotationIds }, warnings: warnings.list };
}

/** The default palette colour of an index: black for 0, distinct generated colours otherwise. */
export function defaultPaletteColor(index: number): [number, number, number] {
  const [r, g, b] = instanceColor(index);
  return index === 0 ? [0, 0, 0] : [r, g, b];
}

/**
 * Renders and encodes an index PNG: 8-bit palette when all indices fit in 0..255, else 16-bit grayscale (warning).
 *
 * @example
 * ```ts
 * const { value: png } = toIndexPng(image, categories, { mode: "instance" });
 * ```
 */
export function toIndexPng(
  image: LabeledImage,
  categories: ReadonlyArray<Category>,
  options: IndexPngOptions = {},
): ConversionResult<Uint8Array> {
  const { value, warnings } = renderIndexImage(image, categories, options);
  let max = 0;
  for (const v of value.data) if (v > max) max = v;
  if (max > 255) {
    warnings.push({
      message: `${max} indices exceed a palette PNG: written as 16-bit grayscale`,
      item: `image ${image.name}`,
    });
    return {
      value: encodePng({
        width: value.width,
        height: value.height,
        data: value.data,
        colorType: "gray",
        bitDepth: 16,
      }),
      warnings,
    };
  }
  const palette: number[][] = [];
  for (let i = 0; i <= Math.max(max, 1); i++)
    palette.push([...(options.palette?.[i] ?? defaultPaletteColor(i))]);
  return {
    value: encodePng({
      width: value.width,
      height: value.height,
      data: Uint8Array.from(value.data),
      colorType: "palette",
      bitDepth: 8,
      palette,
    }),
    warnings,
  };
}

/**
 * Reads an index PNG (palette, 8/16-bit gray) back into a segmentation label: each non-zero index becomes one
 * instance (id = index) whose category is `categoryOf(index)`; an index without a category, or a PNG larger than
 * `maxPixels` (default 2^28, checked from its header before decoding), is a {@link ConversionError}.
 *
 * @example
 * ```ts
 * const label = fromIndexPng(png, { name: "a.png", categoryOf: (i) => i }); // semantic PNG with index = category id
 * ```
 */
export function fromIndexPng(
  png: Uint8Array,
  options: { name: string; categoryOf: (index: number) => number | undefined; maxPixels?: number },
): LabeledImage {
  const decoded = decodeInputPng(png, resolveMaxPixels(options.maxPixels), { file: options.name });
  if (decoded.channels !== 1)
    throw new ConversionError("index PNG must be palette or grayscale", {
      file: options.name,
      field: "colorType",
    });
  const data = new Uint32Array(decoded.width * decoded.height);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i++) {
    const v = decoded.data[i] as number;
    data[i] = v;
    if (v !== 0) seen.add(v);
  }
  const annotations: SegmentationAnnotation[] = [...seen]
    .sort((a, b) => a - b)
    .map((index) => {
      const categoryId = options.categoryOf(index);
      if (categoryId === undefined)
        throw new ConversionError(`index ${index} has no category`, {
          file: options.name,
          item: `index ${index}`,
        });
      return { id: index, category_id: categoryId };
    });
  return {
    name: options.name,
    width: decoded.width,
    height: decoded.height,
    segmentation: { annotations, bitmap: { width: decoded.width, height: decoded.height, data } },
  };
}
