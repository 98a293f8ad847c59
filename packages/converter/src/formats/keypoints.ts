/**
 * Keypoint instances in Segments vector labels (task type `keypoints`, also `vector`): each placed keypoint is a
 * `point` annotation, and the annotations of one instance (its points, and optionally its box and polygons) share
 * three object attributes:
 *
 * | attribute | value |
 * | --- | --- |
 * | `instance` | a number, the same for every annotation of the instance (unique per category in the image) |
 * | `keypoint` | on a point: its name, one of the category's `keypoints` (as in COCO's `categories[].keypoints`) |
 * | `visible` | on a point: `false` for a labeled but occluded keypoint (COCO / YOLO `v = 1`), else visible (`v = 2`) |
 *
 * The keypoint names and skeleton are the category's `keypoints` / `skeleton` members (kept by the COCO importer,
 * written back by the exporters). COCO and YOLO pose both convert through {@link groupKeypoints} and
 * {@link keypointAnnotations}, so the three agree on what an instance is.
 */
import { ConversionError, type ProblemLocation } from "../errors.js";
import type { Category, ImageVectorAnnotation, ObjectAttributes } from "../types.js";

/** A keypoint as COCO and YOLO store it: `v` 0 = not labeled, 1 = labeled but not visible, 2 = visible. */
export type KeypointTriple = [x: number, y: number, v: 0 | 1 | 2];

/** One keypoint instance of an image, gathered from its annotations. */
export interface KeypointInstance {
  categoryId: number;
  /** The `instance` attribute shared by its annotations. */
  instance: number;
  /** One triple per name of the category's `keypoints`, in that order; `[0, 0, 0]` where no point is placed. */
  keypoints: KeypointTriple[];
  /** The instance's `bbox` annotation, if it has one. */
  box: ImageVectorAnnotation | undefined;
  /** The instance's polygons (COCO segmentation parts). */
  polygons: ImageVectorAnnotation[];
  /** Attributes of the instance's box or first polygon, without the three keypoint attributes. */
  attributes: ObjectAttributes | undefined;
}

/** An image's vector annotations in order, with each keypoint instance in the place of its first annotation. */
export type GroupedAnnotation =
  | { kind: "annotation"; annotation: ImageVectorAnnotation }
  | { kind: "keypoints"; instance: KeypointInstance };

/** The keypoint names of a category (its `keypoints` member), or `undefined` when it has none. */
export function keypointNames(category: Category | undefined): string[] | undefined {
  const names = category?.keypoints;
  return Array.isArray(names) && names.every((n) => typeof n === "string") ? (names as string[]) : undefined;
}

const KEYPOINT_ATTRIBUTES = new Set(["instance", "keypoint", "visible"]);

function otherAttributes(attributes: ObjectAttributes | null | undefined): ObjectAttributes | undefined {
  if (!attributes) return undefined;
  const rest = Object.fromEntries(Object.entries(attributes).filter(([k]) => !KEYPOINT_ATTRIBUTES.has(k)));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Groups an image's vector annotations into keypoint instances: annotations with a numeric `instance` attribute
 * whose category has `keypoints` names. Everything else comes back as it is, in order. A point without a known
 * `keypoint` name, or a name placed twice in one instance, is a {@link ConversionError} (it has no slot in COCO's or
 * YOLO's keypoint list).
 *
 * @example
 * ```ts
 * const categories = [{ id: 1, name: "person", keypoints: ["nose", "neck"] }];
 * const [item] = groupKeypoints([
 *   { id: 1, category_id: 1, type: "point", points: [[5, 6]], attributes: { instance: 1, keypoint: "neck", visible: true } },
 * ], categories, {});
 * // item.kind === "keypoints", item.instance.keypoints: [[0, 0, 0], [5, 6, 2]]
 * ```
 */
export function groupKeypoints(
  annotations: ReadonlyArray<ImageVectorAnnotation>,
  categories: ReadonlyArray<Category>,
  location: ProblemLocation,
): GroupedAnnotation[] {
  const namesOf = new Map(categories.map((c) => [c.id, keypointNames(c)]));
  const out: GroupedAnnotation[] = [];
  const instances = new Map<string, KeypointInstance>();
  for (const a of annotations) {
    const instance = a.attributes?.instance;
    const names = namesOf.get(a.category_id);
    if (typeof instance !== "number" || names === undefined) {
      out.push({ kind: "annotation", annotation: a });
      continue;
    }
    const key = `${a.category_id}:${instance}`;
    let group = instances.get(key);
    if (group === undefined) {
      group = {
        categoryId: a.category_id,
        instance,
        keypoints: names.map((): KeypointTriple => [0, 0, 0]),
        box: undefined,
        polygons: [],
        attributes: undefined,
      };
      instances.set(key, group);
      out.push({ kind: "keypoints", instance: group });
    }
    addMember(group, a, names, { ...location, item: `${location.item ?? ""}annotation ${a.id}` });
  }
  return out;
}

function addMember(
  group: KeypointInstance,
  a: ImageVectorAnnotation,
  names: string[],
  where: ProblemLocation,
): void {
  if (a.type === "point") {
    const name = a.attributes?.keypoint;
    const slot = typeof name === "string" ? names.indexOf(name) : -1;
    if (slot < 0)
      throw new ConversionError(
        `keypoint ${JSON.stringify(name)} is not one of the category's keypoints (${names.join(", ")})`,
        { ...where, field: "attributes.keypoint" },
      );
    const triple = group.keypoints[slot] as KeypointTriple;
    if (triple[2] !== 0)
      throw new ConversionError(
        `keypoint ${JSON.stringify(name)} placed twice in instance ${group.instance}`,
        {
          ...where,
          field: "attributes.keypoint",
        },
      );
    const [x, y] = a.points[0] as [number, number];
    group.keypoints[slot] = [x, y, a.attributes?.visible === false ? 1 : 2];
    return;
  }
  if (a.type === "bbox" && group.box === undefined) group.box = a;
  else if (a.type === "polygon") group.polygons.push(a);
  else if (a.type === "bbox")
    throw new ConversionError(`keypoint instance ${group.instance} has a second bbox`, {
      ...where,
      field: "attributes.instance",
    });
  else
    throw new ConversionError(`a ${a.type} cannot be part of keypoint instance ${group.instance}`, {
      ...where,
      field: "attributes.instance",
    });
  group.attributes ??= otherAttributes(a.attributes);
}

/**
 * The point annotations of one keypoint instance (one per labeled keypoint, `v > 0`), with the `instance`,
 * `keypoint` and `visible` attributes. `names[i]` names keypoint `i` (its index as a string when missing).
 *
 * @example
 * ```ts
 * let id = 0;
 * keypointAnnotations({ categoryId: 1, instance: 1, keypoints: [5, 6, 2, 0, 0, 0], names: ["nose", "neck"] }, () => ++id);
 * // [{ id: 1, category_id: 1, type: "point", points: [[5, 6]], attributes: { instance: 1, keypoint: "nose", visible: true } }]
 * ```
 */
export function keypointAnnotations(
  spec: { categoryId: number; instance: number; keypoints: ArrayLike<number>; names: ReadonlyArray<string> },
  nextId: () => number,
): ImageVectorAnnotation[] {
  const out: ImageVectorAnnotation[] = [];
  for (let k = 0; 3 * k + 2 < spec.keypoints.length; k++) {
    const v = spec.keypoints[3 * k + 2] as number;
    if (v === 0) continue;
    out.push({
      id: nextId(),
      category_id: spec.categoryId,
      type: "point",
      points: [[spec.keypoints[3 * k] as number, spec.keypoints[3 * k + 1] as number]],
      attributes: { instance: spec.instance, keypoint: spec.names[k] ?? String(k), visible: v === 2 },
    });
  }
  return out;
}

/** The placed keypoints' bounding box `[x, y, w, h]` (`[0, 0, 0, 0]` when none is placed). */
export function keypointsBbox(keypoints: ReadonlyArray<KeypointTriple>): [number, number, number, number] {
  const placed = keypoints.filter((k) => k[2] > 0);
  if (placed.length === 0) return [0, 0, 0, 0];
  const xs = placed.map((k) => k[0]);
  const ys = placed.map((k) => k[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  return [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0];
}
