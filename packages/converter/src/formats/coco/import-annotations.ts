/**
 * The annotations of one COCO image -> its Segments label: vector annotations (boxes, polygons, points; RLE masks
 * traced into polygons) or one instance bitmap that keeps every pixel.
 *
 * Box segmentations are recognised so that our own export round-trips (unlike FastLabel, which ignores `bbox`),
 * crowd RLE annotations are kept (`attributes.iscrowd`), and every part of a multi-part polygon is kept or reported.
 */
import { ConversionError, requireFinite, type WarningCollector, withLocation } from "../../errors.js";
import { maskToPolygons, regionsToRle } from "../../geometry/index.js";
import { checkPixels } from "../../limits.js";
import {
  decode,
  decodeCropped,
  frBbox,
  type Rle,
  area as rleArea,
  segmentationToRle,
  type UncompressedRle,
} from "../../rle/index.js";
import type {
  ImageVectorAnnotation,
  LabeledImage,
  ObjectAttributes,
  SegmentationAnnotation,
} from "../../types.js";
import { show } from "../common.js";
import { keypointNames } from "../keypoints.js";
import type { CocoCategory } from "./types.js";

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function isObject(value: unknown): value is Record<string, unknown> {
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

/** Where an annotation is, for errors and warnings. */
type Location = { file: string | undefined; item: string };

/** The vector annotations of one image as they are imported: ids 1, 2, ... in order. */
class VectorAnnotations {
  readonly list: ImageVectorAnnotation[] = [];
  /** The `instance` attribute of the keypoint annotation being imported (see `../keypoints.ts`), if any. */
  instance: number | undefined;
  #instances = 0;

  /** Starts the annotations of `a`: a keypoint instance when it has keypoints and its category names them. */
  begin(a: Record<string, unknown>, category: CocoCategory | undefined): void {
    this.instance = Array.isArray(a.keypoints) && keypointNames(category) ? ++this.#instances : undefined;
  }

  push(
    a: Record<string, unknown>,
    type: ImageVectorAnnotation["type"],
    points: number[][],
    attributes = attributesFrom(a),
  ): void {
    const annotation: ImageVectorAnnotation = {
      id: this.list.length + 1,
      category_id: a.category_id as number,
      type,
      points,
    };
    if (this.instance !== undefined) attributes = { ...attributes, instance: this.instance };
    if (attributes !== undefined) annotation.attributes = attributes;
    this.list.push(annotation);
  }
}

const pairs = (flat: number[]): number[][] => {
  const points: number[][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i] as number, flat[i + 1] as number]);
  return points;
};

/** The two corners of a COCO `[x, y, width, height]` box. */
const corners = (bbox: number[]): number[][] => [
  [bbox[0] as number, bbox[1] as number],
  [(bbox[0] as number) + (bbox[2] as number), (bbox[1] as number) + (bbox[3] as number)],
];

/**
 * Converts the annotations of one image into its vector label (`image.vector`): polygons (a box-shaped one with a
 * matching `bbox` back to a box), RLE masks traced into polygons, keypoints as points, or else the `bbox`.
 */
export function importAsVector(
  image: LabeledImage,
  annotations: Record<string, unknown>[],
  categories: Map<number, CocoCategory>,
  file: string | undefined,
  warnings: WarningCollector,
  maxPixels: number,
): void {
  const out = new VectorAnnotations();
  for (const a of annotations) {
    const loc = { file, item: `image ${image.name}, annotation ${show(a.id)}` };
    const bbox = readBbox(a, loc);
    const seg = a.segmentation;
    out.begin(a, categories.get(a.category_id as number));
    let shaped = true;
    if (Array.isArray(seg) && seg.length > 0)
      importPolygons(out, a, readPolygons(seg, loc), bbox, image, loc, warnings);
    else if (isRle(seg)) importRle(out, a, seg, image, loc, warnings, maxPixels);
    else if (seg !== undefined && !(Array.isArray(seg) && seg.length === 0))
      throw new ConversionError("segmentation must be a list of polygons or an RLE object", {
        ...loc,
        field: "segmentation",
      });
    else shaped = false;
    const keypoints = importKeypoints(a, categories.get(a.category_id as number), loc);
    // A point-only annotation's zero-size bbox is not a box of its own, nor is the box around a keypoint
    // instance's points when it is no more than that (our export writes it so).
    if (!shaped && bbox !== undefined && !isKeypointsBox(bbox, keypoints)) {
      checkInside(corners(bbox).flat(), image, loc, "bbox", warnings);
      out.push(a, "bbox", corners(bbox));
      shaped = true;
    }
    // Points of a category without keypoint names are plain points (our export of a lone point reads back as it
    // was); an occluded one keeps `visible: false`.
    const named = keypointNames(categories.get(a.category_id as number)) !== undefined;
    for (const kp of keypoints) {
      checkInside([kp.x, kp.y], image, loc, "keypoints", warnings);
      const attributes: ObjectAttributes | undefined = named
        ? { keypoint: kp.name, visible: kp.v === 2 }
        : kp.v === 2
          ? undefined
          : { visible: false };
      out.push(a, "point", [[kp.x, kp.y]], attributes);
    }
    if (!shaped && keypoints.length === 0)
      throw new ConversionError("annotation has no bbox, segmentation or keypoints", loc);
  }
  image.vector = { format_version: "0.1", annotations: out.list };
}

/** Polygons of a segmentation: one box when it is the annotation's box, else one polygon annotation per part. */
function importPolygons(
  out: VectorAnnotations,
  a: Record<string, unknown>,
  polygons: number[][],
  bbox: number[] | undefined,
  image: LabeledImage,
  loc: Location,
  warnings: WarningCollector,
): void {
  polygons.forEach((p, k) => {
    checkInside(p, image, loc, `segmentation[${k}]`, warnings);
  });
  if (polygons.length === 1 && bbox !== undefined && isBoxRing(polygons[0] as number[], bbox)) {
    out.push(a, "bbox", corners(bbox));
    return;
  }
  if (polygons.length > 1)
    warnings.add(`polygon with ${polygons.length} parts imported as ${polygons.length} polygon annotations`, {
      ...loc,
      field: "segmentation",
    });
  for (const p of polygons) out.push(a, "polygon", pairs(p));
}

/** An RLE mask traced into one polygon per region (holes reported: a vector label cannot hold them). */
function importRle(
  out: VectorAnnotations,
  a: Record<string, unknown>,
  seg: Rle | UncompressedRle,
  image: LabeledImage,
  loc: Location,
  warnings: WarningCollector,
  maxPixels: number,
): void {
  const where = { ...loc, field: "segmentation" };
  // Tracing decodes the whole mask: refuse a huge declared size before parsing or allocating anything.
  const [h, w] = Array.isArray(seg.size) ? seg.size : [];
  if (typeof h === "number" && typeof w === "number")
    checkPixels("RLE mask", w, h, maxPixels, { ...loc, field: "segmentation.size" });
  const rle = withLocation(where, () => segmentationToRle(seg, image.height, image.width));
  // Only the mask's bounding box is decoded and traced, then moved into place.
  const { mask, x, y } = withLocation(where, () => decodeCropped(rle));
  const regions = mask.data.length === 0 ? [] : maskToPolygons(mask);
  for (const region of regions)
    for (const ring of region)
      for (let i = 0; i < ring.length; i += 2) {
        ring[i] = (ring[i] as number) + x;
        ring[i + 1] = (ring[i + 1] as number) + y;
      }
  const holes = regions.reduce((n, r) => n + r.length - 1, 0);
  warnings.add(
    `RLE mask traced into ${regions.length} polygon(s)${holes > 0 ? `; ${holes} hole(s) cannot be represented in a vector label (use target "segmentation" to keep them)` : ""}`,
    where,
  );
  for (const r of regions) out.push(a, "polygon", pairs(r[0] as number[]));
}

/** True for a zero-size box, or the box around placed keypoints (not a box of its own). */
function isKeypointsBox(bbox: number[], keypoints: ReadonlyArray<{ x: number; y: number }>): boolean {
  if (keypoints.length === 0) return false;
  if (bbox[2] === 0 && bbox[3] === 0) return true;
  const xs = keypoints.map((k) => k.x);
  const ys = keypoints.map((k) => k.y);
  const [x, y, w, h] = bbox as [number, number, number, number];
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  return x === x0 && y === y0 && w === Math.max(...xs) - x0 && h === Math.max(...ys) - y0;
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

export function importAsBitmap(
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
