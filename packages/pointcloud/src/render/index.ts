// renderLabel: a picture of an image label (what the Python SDK's show_polygons draws with matplotlib), for every
// image label type, drawn in memory on RGBA and encoded with the bitmap package's PNG encoder.
import {
  type BitmapInput,
  encodePng,
  instanceColor,
  instanceStats,
  overlay,
  type RgbaImage,
} from "@segments-ts/bitmap";
import type {
  ImageSegmentationLabelAttributes,
  ImageSequenceSegmentationLabelAttributes,
  ImageSequenceVectorLabelAttributes,
  ImageVectorLabelAttributes,
  Label,
  LabelAttributes,
  TaskAttributeCategory,
} from "@segments-ts/client";
import { describe, PointcloudInputError } from "../errors.js";
import { type Canvas, drawPath, drawTag, fillCircle, fillPolygon, type Rgb, textSize } from "./raster.js";

/** The label attributes of every image task type. */
export type ImageLabelAttributes =
  | ImageVectorLabelAttributes
  | ImageSegmentationLabelAttributes
  | ImageSequenceVectorLabelAttributes
  | ImageSequenceSegmentationLabelAttributes;

/** A category as `dataset.task_attributes.categories` lists it (only `id`, `name` and `color` are used). */
export type RenderCategory = Pick<TaskAttributeCategory, "id" | "name" | "color">;

/** Options of {@link renderLabel}. */
export interface RenderOptions {
  /** The decoded segmentation bitmap of a segmentation label (e.g. from `loadLabelBitmapFromUrl`). */
  bitmap?: BitmapInput;
  /** Which frame of an image sequence label to draw (default 0). */
  frame?: number;
  /** Opacity of filled areas: polygons and segments (default 0.5). */
  alpha?: number;
  /** Outline width in pixels (default: 1 per 250 pixels of the shorter side, at least 1). */
  lineWidth?: number;
  /** Draw each object's category name (default true). */
  names?: boolean;
}

interface Style {
  alpha: number;
  line: number;
  text: number;
  names: boolean;
  colorOf: (categoryId: number) => Rgb;
  nameOf: (categoryId: number) => string;
}

/**
 * Draws a label over its image: boxes, polygons (filled), polylines and points/keypoints in their category's colour
 * with the category's name, and segmentation bitmaps blended in the categories' colours with a name on each segment
 * (pass the decoded bitmap as `options.bitmap`). Takes a `Label` or its `attributes` of any image task type
 * (segmentation-bitmap, -highres, bboxes, vector, keypoints, image sequences: `options.frame`). Categories without
 * a colour get `instanceColor(id)`; unknown categories are named `#<id>`. Returns a new RGBA image; the input is not
 * changed. Names are drawn in capitals with a small built-in font.
 *
 * @example
 * ```ts
 * const image = await decodeImage(imageBytes);
 * const picture = renderLabel(image, label, dataset.task_attributes.categories);
 * await writeFile("label.png", encodePng({ ...picture, colorType: "rgba" }));
 * ```
 */
export function renderLabel(
  image: RgbaImage,
  label: Label | LabelAttributes,
  categories: readonly RenderCategory[],
  options: RenderOptions = {},
): RgbaImage & { data: Uint8Array } {
  checkImage(image);
  const attributes = frameOf(attributesOf(label), options.frame ?? 0);
  const style = styleOf(image, categories, options);
  const annotations = attributes.annotations as readonly Record<string, unknown>[];
  if ("segmentation_bitmap" in attributes) return drawSegments(image, annotations, options.bitmap, style);
  const canvas: Canvas = { width: image.width, height: image.height, data: Uint8Array.from(image.data) };
  const tags: (() => void)[] = [];
  annotations.forEach((annotation, i) => {
    const tag = drawVector(canvas, annotation, `annotations[${i}]`, style);
    if (tag && style.names) tags.push(tag);
  });
  for (const tag of tags) tag(); // names last, on top of every shape
  return canvas;
}

/**
 * {@link renderLabel}, encoded as an RGBA PNG.
 *
 * @example
 * ```ts
 * await writeFile("label.png", renderLabelPng(image, label.attributes, categories, { bitmap }));
 * ```
 */
export function renderLabelPng(
  image: RgbaImage,
  label: Label | LabelAttributes,
  categories: readonly RenderCategory[],
  options: RenderOptions = {},
): Uint8Array {
  return encodePng({ ...renderLabel(image, label, categories, options), colorType: "rgba" });
}

function checkImage(image: RgbaImage): void {
  const ok =
    typeof image === "object" &&
    image !== null &&
    Number.isInteger(image.width) &&
    Number.isInteger(image.height) &&
    (ArrayBuffer.isView(image.data) || Array.isArray(image.data)) &&
    image.data.length === image.width * image.height * 4;
  if (!ok)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: image",
      `is ${describe(image)}: expected { width, height, data } with width * height * 4 RGBA bytes (decodeImage gives one)`,
    );
}

function attributesOf(label: Label | LabelAttributes): ImageLabelAttributes {
  const notImage = (what: string) =>
    new PointcloudInputError(
      "WRONG_TYPE",
      "renderLabel: label",
      `is ${what}: only image labels can be drawn`,
    );
  if (label !== null && typeof label === "object" && "label_type" in label) {
    const type = String(label.label_type);
    if (type.startsWith("pointcloud") || type.startsWith("multisensor")) throw notImage(`a ${type} label`);
    if (!label.attributes) throw notImage(`a ${type} label without attributes`);
    return label.attributes as ImageLabelAttributes;
  }
  if (label === null || typeof label !== "object" || !("annotations" in label || "frames" in label))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: label",
      `is ${describe(label)}, not an image label`,
    );
  // Point cloud label attributes: per-point ids, or cuboids and 3-D shapes (in single frames or sequences).
  const first = "frames" in label ? label.frames.find((f) => f.annotations.length > 0) : label;
  const annotation = first?.annotations[0] as Record<string, unknown> | undefined;
  if ("point_annotations" in label || (first && "point_annotations" in first) || annotation?.position)
    throw notImage("point cloud label attributes");
  const points = annotation?.points as unknown[][] | undefined;
  if (points?.[0]?.length === 3) throw notImage("point cloud vector label attributes");
  return label as ImageLabelAttributes;
}

function frameOf(
  attributes: ImageLabelAttributes,
  frame: number,
): ImageVectorLabelAttributes | ImageSegmentationLabelAttributes {
  if (!("frames" in attributes)) return attributes;
  const chosen = attributes.frames[frame];
  if (!Number.isInteger(frame) || !chosen)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: options.frame",
      `is ${describe(frame)}: the label has frames 0 to ${attributes.frames.length - 1}`,
    );
  return chosen as ImageVectorLabelAttributes | ImageSegmentationLabelAttributes;
}

function styleOf(image: RgbaImage, categories: readonly RenderCategory[], options: RenderOptions): Style {
  if (!Array.isArray(categories))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: categories",
      `is ${describe(categories)}: pass dataset.task_attributes.categories`,
    );
  const alpha = options.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1))
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: options.alpha",
      `is ${describe(alpha)}: 0 to 1`,
    );
  const short = Math.min(image.width, image.height);
  const line = options.lineWidth ?? Math.max(1, Math.round(short / 250));
  if (!(line > 0))
    throw new PointcloudInputError("INVALID_VALUE", "renderLabel: options.lineWidth", `is ${describe(line)}`);
  const byId = new Map(categories.map((c) => [c.id, c]));
  return {
    alpha,
    line,
    text: Math.max(1, Math.round(short / 160)),
    names: options.names ?? true,
    colorOf: (id) => {
      const color = byId.get(id)?.color;
      return color ? [color[0], color[1], color[2]] : (instanceColor(id).slice(0, 3) as unknown as Rgb);
    },
    nameOf: (id) => byId.get(id)?.name ?? `#${id}`,
  };
}

type Point = readonly [number, number];
type Points = readonly Point[];

function pointsOf(annotation: Record<string, unknown>, where: string, least: number): Points {
  const points = annotation.points;
  const ok =
    Array.isArray(points) &&
    points.length >= least &&
    points.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (!ok)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      `renderLabel: ${where}.points`,
      `is ${describe(points)}: expected at least ${least} [x, y] points`,
    );
  return (points as number[][]).map((p) => [p[0], p[1]] as Point);
}

/** Draws one vector annotation; returns the drawing of its name tag, to do after every shape. */
function drawVector(
  canvas: Canvas,
  annotation: Record<string, unknown>,
  where: string,
  style: Style,
): () => void {
  const category = annotation.category_id as number;
  const color = style.colorOf(category);
  const name = style.nameOf(category);
  const tagHeight = textSize(name, style.text).height;
  const { line } = style;
  switch (annotation.type) {
    case "bbox": {
      const [a, b] = pointsOf(annotation, where, 2) as [Point, Point];
      const [left, top] = [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
      const [right, bottom] = [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
      const corners: Points = [
        [left, top],
        [right, top],
        [right, bottom],
        [left, bottom],
      ];
      drawPath(canvas, corners, true, color, line);
      return () => drawTag(canvas, left, top - tagHeight, name, color, style.text);
    }
    case "polygon": {
      const points = pointsOf(annotation, where, 3);
      fillPolygon(canvas, points, color, style.alpha);
      drawPath(canvas, points, true, color, line);
      return tagAtTop(canvas, points, name, color, style, tagHeight);
    }
    case "polyline": {
      const points = pointsOf(annotation, where, 2);
      drawPath(canvas, points, false, color, line);
      return tagAtTop(canvas, points, name, color, style, tagHeight);
    }
    case "point": {
      const [x, y] = pointsOf(annotation, where, 1)[0] as Point;
      const radius = 2 * line + 1;
      fillCircle(canvas, x, y, radius + 1, [255, 255, 255]);
      fillCircle(canvas, x, y, radius, color);
      return () => drawTag(canvas, x + radius + 2, y - tagHeight / 2, name, color, style.text);
    }
    default:
      throw new PointcloudInputError(
        "INVALID_VALUE",
        `renderLabel: ${where}.type`,
        `is ${describe(annotation.type)}: bbox, polygon, polyline or point`,
      );
  }
}

function tagAtTop(
  canvas: Canvas,
  points: Points,
  name: string,
  color: Rgb,
  style: Style,
  height: number,
): () => void {
  const top = points.reduce((best, p) => (p[1] < best[1] ? p : best));
  return () => drawTag(canvas, top[0], top[1] - height, name, color, style.text);
}

/** Segments blended in their categories' colours (the bitmap package's overlay), a name on each segment. */
function drawSegments(
  image: RgbaImage,
  annotations: readonly Record<string, unknown>[],
  bitmap: BitmapInput | undefined,
  style: Style,
): RgbaImage & { data: Uint8Array } {
  if (!bitmap)
    throw new PointcloudInputError(
      "INVALID_VALUE",
      "renderLabel: options.bitmap",
      "is missing: a segmentation label needs its decoded bitmap (loadLabelBitmapFromUrl(label.attributes.segmentation_bitmap.url))",
    );
  const categoryOf = new Map(annotations.map((a) => [a.id as number, a.category_id as number]));
  const palette = (id: number): [number, number, number, number] => {
    const category = categoryOf.get(id);
    return category === undefined ? [128, 128, 128, 255] : [...style.colorOf(category), 255];
  };
  const blended = overlay(image, bitmap, { alpha: style.alpha, palette });
  if (!style.names) return blended;
  const canvas: Canvas = blended;
  for (const { id, bbox } of instanceStats(bitmap)) {
    const category = categoryOf.get(id);
    const name = category === undefined ? `#${id}` : style.nameOf(category);
    drawTag(canvas, bbox[0], bbox[1], name, palette(id).slice(0, 3) as unknown as Rgb, style.text);
  }
  return canvas;
}
