/**
 * COCO panoptic: one RGB PNG per image where `id = R + 256 G + 65536 B`, plus `segments_info` in the JSON.
 *
 * Segment ids are the Segments instance ids (already unique per image and < 2^24), so the PNG is exactly the label
 * bitmap in RGB; the panopticapi colour jitter of the Python SDK is not needed for correctness.
 */
import { encodePng } from "@segments-ts/bitmap";
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import { instanceBounds } from "../geometry/index.js";
import { resolveMaxPixels } from "../limits.js";
import type { Category, InstanceBitmap, LabeledImage, SegmentationAnnotation } from "../types.js";
import { decodeInputPng, isRecord, kindOf } from "./common.js";

export interface PanopticSegmentInfo {
  id: number;
  category_id: number;
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0 | 1;
  attributes?: Record<string, unknown>;
}

export interface PanopticAnnotation {
  image_id: number;
  file_name: string;
  segments_info: PanopticSegmentInfo[];
}

export interface PanopticCategory {
  id: number;
  name: string;
  color: number[];
  isthing: 0 | 1;
}

/** Converts categories to panoptic categories (`isthing` from `has_instances`). */
export function toPanopticCategories(categories: ReadonlyArray<Category>): PanopticCategory[] {
  return categories.map((c) => ({
    id: c.id,
    name: c.name,
    color: c.color ? [...c.color].slice(0, 3) : [],
    isthing: c.has_instances ? 1 : 0,
  }));
}

/**
 * Converts one segmentation label into its panoptic PNG and annotation entry. Instances with no pixels are skipped
 * with a warning; pixels whose id has no annotation are reported and left as 0 (void).
 *
 * @example
 * ```ts
 * const { value } = toCocoPanoptic(image, 1, "a_panoptic.png", categories);
 * value.png; // RGB PNG bytes
 * value.annotation.segments_info;
 * ```
 */
export function toCocoPanoptic(
  image: LabeledImage,
  imageId: number,
  fileName: string,
  categories: ReadonlyArray<Category>,
): ConversionResult<{ png: Uint8Array; annotation: PanopticAnnotation }> {
  const warnings = new WarningCollector();
  const seg = image.segmentation;
  if (!seg)
    throw new ConversionError("panoptic export needs a segmentation label", {
      item: `image ${image.name}`,
      field: "segmentation",
    });
  const { bitmap, annotations } = seg;
  const known = new Set(categories.map((c) => c.id));
  const bounds = instanceBounds(bitmap.data, bitmap.width, bitmap.height);
  const annotated = new Set<number>();
  const segments: PanopticSegmentInfo[] = [];
  for (const a of annotations) {
    const item = `image ${image.name}, instance ${a.id}`;
    if (!known.has(a.category_id))
      throw new ConversionError(`unknown category id ${a.category_id}`, { item, field: "category_id" });
    if (a.id <= 0 || a.id >= 2 ** 24)
      throw new ConversionError(`instance id ${a.id} does not fit in 24 bits`, { item, field: "id" });
    const b = bounds.get(a.id);
    if (b === undefined) {
      warnings.add("instance has no pixels (skipped)", { item });
      continue;
    }
    annotated.add(a.id);
    const info: PanopticSegmentInfo = {
      id: a.id,
      category_id: a.category_id,
      bbox: [b.x0, b.y0, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1],
      area: b.pixels,
      iscrowd: a.attributes?.iscrowd === true ? 1 : 0,
    };
    segments.push(info);
  }
  const rgb = new Uint8Array(bitmap.width * bitmap.height * 3);
  const unannotated = new Set<number>();
  for (let i = 0; i < bitmap.data.length; i++) {
    const id = bitmap.data[i] as number;
    if (id === 0) continue;
    if (!annotated.has(id)) {
      unannotated.add(id);
      continue;
    }
    rgb[3 * i] = id & 0xff;
    rgb[3 * i + 1] = (id >> 8) & 0xff;
    rgb[3 * i + 2] = (id >> 16) & 0xff;
  }
  for (const id of unannotated)
    warnings.add(`bitmap id ${id} has no annotation (written as void)`, { item: `image ${image.name}` });
  const png = encodePng({ width: bitmap.width, height: bitmap.height, data: rgb, colorType: "rgb" });
  return {
    value: { png, annotation: { image_id: imageId, file_name: fileName, segments_info: segments } },
    warnings: warnings.list,
  };
}

/**
 * Reads a panoptic PNG plus its `segments_info` back into a segmentation label. A segment id present in the PNG but
 * not in `segments_info` (or the reverse), a malformed annotation entry or a PNG larger than `maxPixels` (default
 * 2^28, checked from its header before decoding) is a {@link ConversionError}.
 *
 * @example
 * ```ts
 * const image = fromCocoPanoptic(pngBytes, annotation, { name: "a.jpg" });
 * ```
 */
export function fromCocoPanoptic(
  png: Uint8Array,
  annotation: PanopticAnnotation,
  options: { name: string; maxPixels?: number },
): LabeledImage {
  // The annotation comes from a user's JSON file: check what is read below before trusting its type.
  if (!isRecord(annotation))
    throw new ConversionError(`panoptic annotation must be an object, got ${kindOf(annotation)}`, {
      item: `image ${options.name}`,
    });
  const file = typeof annotation.file_name === "string" ? annotation.file_name : options.name;
  if (!Array.isArray(annotation.segments_info))
    throw new ConversionError(`segments_info must be a list, got ${kindOf(annotation.segments_info)}`, {
      file,
      field: "segments_info",
    });
  const segments = annotation.segments_info.map((s: unknown, i) => {
    const item = `segment #${i}`;
    if (!isRecord(s))
      throw new ConversionError(`segment must be an object, got ${kindOf(s)}`, {
        file,
        item,
        field: `segments_info[${i}]`,
      });
    if (typeof s.id !== "number" || !Number.isInteger(s.id) || s.id <= 0 || s.id >= 2 ** 24)
      throw new ConversionError(`segment id must be an integer in 1..2^24-1, got ${JSON.stringify(s.id)}`, {
        file,
        item,
        field: "id",
      });
    if (typeof s.category_id !== "number" || !Number.isInteger(s.category_id))
      throw new ConversionError(`category_id must be an integer, got ${JSON.stringify(s.category_id)}`, {
        file,
        item: `segment ${s.id}`,
        field: "category_id",
      });
    return s as unknown as PanopticSegmentInfo;
  });
  const decoded = decodeInputPng(png, resolveMaxPixels(options.maxPixels), { file });
  if (decoded.channels < 3 || decoded.bitDepth !== 8)
    throw new ConversionError("panoptic PNG must be 8-bit RGB(A)", { file, field: "colorType" });
  const { width, height, channels } = decoded;
  const data = new Uint32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const o = i * channels;
    data[i] =
      (decoded.data[o] as number) +
      256 * (decoded.data[o + 1] as number) +
      65536 * (decoded.data[o + 2] as number);
  }
  const ids = new Set(data);
  ids.delete(0);
  const annotations: SegmentationAnnotation[] = [];
  const listed = new Set<number>();
  for (const s of segments) {
    if (listed.has(s.id))
      throw new ConversionError(`segment ${s.id} is listed twice`, {
        file,
        item: `segment ${s.id}`,
        field: "id",
      });
    listed.add(s.id);
    if (!ids.has(s.id))
      throw new ConversionError(`segment ${s.id} is not in the PNG`, { file, item: `segment ${s.id}` });
    ids.delete(s.id);
    const a: SegmentationAnnotation = { id: s.id, category_id: s.category_id };
    if (s.iscrowd === 1) a.attributes = { iscrowd: true };
    annotations.push(a);
  }
  if (ids.size > 0)
    throw new ConversionError(
      `PNG has segment ids without segments_info: ${[...ids].slice(0, 5).join(", ")}`,
      { file },
    );
  const bitmap: InstanceBitmap = { width, height, data };
  return { name: options.name, width, height, segmentation: { annotations, bitmap } };
}
