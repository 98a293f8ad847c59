/**
 * What a round trip through each dataset format keeps: a Segments dataset with one category per kind of annotation
 * is written with the format and read back, and each kind is compared with what it was. The README's loss table is
 * rendered from this (`pnpm generate`, checked by test/registry.test.ts), and test/round-trips.test.ts asserts the
 * same facts one by one, so the table cannot drift from the code.
 */
import { datasetFormat } from "../src/formats/dataset-formats.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

type Dataset = { images: LabeledImage[]; categories: Category[] };

/** The kinds compared, each in a category of its own so that it can be found after the trip (ids may change). */
export const KINDS = ["box", "polygon", "point", "polyline", "person"] as const;
export type Kind = (typeof KINDS)[number];

/** A dataset format and its write options (YOLO's mode). */
export interface Trip {
  format: "coco" | "yolo" | "yolo-pose" | "voc" | "labelme";
  options?: { mode?: "detect" | "segment" };
}

/** The rows of the table: each format once, YOLO in both modes. */
export const TRIPS: Array<{ label: string; trip: Trip[] }> = [
  { label: "`coco`", trip: [{ format: "coco" }] },
  { label: "`yolo` (detect)", trip: [{ format: "yolo" }] },
  { label: "`yolo` (segment)", trip: [{ format: "yolo", options: { mode: "segment" } }] },
  { label: "`yolo-pose`", trip: [{ format: "yolo-pose" }] },
  { label: "`voc`", trip: [{ format: "voc" }] },
  { label: "`labelme`", trip: [{ format: "labelme" }] },
  {
    label: "`coco` -> `yolo` (segment) -> `labelme` -> `voc`, each read back before the next",
    trip: [
      { format: "coco" },
      { format: "yolo", options: { mode: "segment" } },
      { format: "labelme" },
      { format: "voc" },
    ],
  },
];

/** A Segments `vector` dataset with every kind of annotation, fractional coordinates and an attribute. */
export function roundTripDataset(): Dataset {
  const categories: Category[] = [
    { id: 3, name: "box" },
    { id: 5, name: "polygon" },
    { id: 7, name: "point" },
    { id: 9, name: "polyline" },
    { id: 11, name: "person", keypoints: ["head", "left_hand", "right_hand"], skeleton: [[1, 2]] },
  ];
  const p = (x: number, y: number) => [x, y];
  const annotations: ImageVectorAnnotation[] = [
    {
      id: 1,
      category_id: 3,
      type: "bbox",
      points: [p(10.25, 20.5), p(60.75, 80)],
      attributes: { occluded: true },
    },
    { id: 2, category_id: 5, type: "polygon", points: [p(100.5, 10), p(150, 15.25), p(140, 60), p(105, 55)] },
    { id: 3, category_id: 7, type: "point", points: [p(30.5, 150.25)] },
    { id: 4, category_id: 9, type: "polyline", points: [p(200, 20), p(250.5, 40), p(260, 90)] },
    { id: 5, category_id: 11, type: "bbox", points: [p(150, 100), p(190, 180)], attributes: { instance: 1 } },
    {
      id: 6,
      category_id: 11,
      type: "point",
      points: [p(170.5, 110)],
      attributes: { instance: 1, keypoint: "head", visible: true },
    },
    {
      id: 7,
      category_id: 11,
      type: "point",
      points: [p(155, 140.75)],
      attributes: { instance: 1, keypoint: "left_hand", visible: false },
    },
  ];
  return {
    images: [
      { name: "images/a.jpg", width: 320, height: 200, vector: { format_version: "0.1", annotations } },
    ],
    categories,
  };
}

/**
 * Writes `dataset` with each format of `trip` in turn, reading it back each time (image sizes given where the
 * format has none), and returns what the last read gives.
 */
export function roundTrip(trip: Trip[], dataset: Dataset): Dataset {
  let current = dataset;
  for (const { format, options } of trip) {
    const f = datasetFormat(format);
    const files = f.write(current, options as never).value;
    const sizes = current.images.map(({ name, width, height }) => ({ name, width, height }));
    current = f.read(files, { images: sizes }).value;
  }
  return current;
}

/** The annotations of the category called `name`. */
function ofKind(dataset: Dataset, name: string): ImageVectorAnnotation[] {
  const ids = new Set(dataset.categories.filter((c) => c.name === name).map((c) => c.id));
  return dataset.images.flatMap((i) => i.vector?.annotations ?? []).filter((a) => ids.has(a.category_id));
}

/** Largest coordinate difference between two point lists of the same length, else infinity. */
function pointError(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let error = 0;
  a.forEach((point, i) => {
    for (const k of [0, 1]) error = Math.max(error, Math.abs((point[k] as number) - (b[i]?.[k] as number)));
  });
  return error;
}

const geometry = (error: number) =>
  error === 0 ? "exact" : error <= 5e-4 ? "to 1e-6 of the image size" : "rounded to pixels";

/** What came back of one kind: `exact`, how it was rounded, what it became, or `dropped`. */
export function kindLoss(before: Dataset, after: Dataset, kind: Kind): string {
  const was = ofKind(before, kind);
  const now = ofKind(after, kind);
  if (now.length === 0) return "dropped";
  const types = (list: ImageVectorAnnotation[]) => list.map((a) => a.type).join(",");
  if (kind === "person") {
    const points = (list: ImageVectorAnnotation[]) => list.filter((a) => a.type === "point");
    // one instance: every annotation shares one `instance`, and each point keeps its name and visibility
    const named = (list: ImageVectorAnnotation[]) =>
      points(list).map((a) => `${a.attributes?.keypoint}:${a.attributes?.visible}`);
    const sameInstance =
      new Set(now.map((a) => a.attributes?.instance)).size === 1 &&
      now[0]?.attributes?.instance !== undefined &&
      named(now).join() === named(was).join();
    if (points(now).length === 0) return "its box only (keypoints dropped)";
    if (!sameInstance) return `box and ${points(now).length} separate points (instance, names lost)`;
    const error = Math.max(...now.map((a, i) => pointError(a.points, was[i]?.points ?? [])));
    return `one instance, ${geometry(error)}`;
  }
  if (types(now) !== types(was)) {
    if (now.every((a) => a.type === "bbox")) return "as its bounding box";
    if (kind === "box" && now.every((a) => a.type === "polygon" && a.points.length === 4))
      return "as a 4-point polygon";
    return `as ${types(now)}`;
  }
  return geometry(Math.max(...now.map((a, i) => pointError(a.points, was[i]?.points ?? []))));
}

/** Whether the box's `occluded` attribute and the category ids survive. */
function extrasLoss(before: Dataset, after: Dataset): [string, string] {
  const box = ofKind(after, "box")[0];
  const attributes = box?.attributes?.occluded === true ? "kept" : "dropped";
  const sameIds = before.categories.every((c) =>
    after.categories.some((d) => d.id === c.id && d.name === c.name),
  );
  return [attributes, sameIds ? "kept" : "renumbered 1, 2, ... (names kept)"];
}

/** The loss table: one row per format, one column per kind. */
export function lossTable(): string[][] {
  const before = roundTripDataset();
  return TRIPS.map(({ label, trip }) => {
    const after = roundTrip(trip, before);
    return [label, ...KINDS.map((k) => kindLoss(before, after, k)), ...extrasLoss(before, after)];
  });
}

/** The head of {@link lossTable}. */
export const LOSS_HEAD = [
  "Segments -> format -> Segments",
  "boxes",
  "polygons",
  "points",
  "polylines",
  "keypoint instance",
  "attributes",
  "category ids",
];
