/**
 * Segments.ai types used by the converters. They are the spec-generated types of `@segments-ts/client` (imported as
 * types only: nothing of the client is bundled), except where the converters accept more than the spec describes;
 * each such local type says why.
 */
import type {
  Annotation,
  ImageVectorLabelAttributes,
  ReleaseFileSample,
  TaskAttributeCategory,
} from "@segments-ts/client";

export type {
  ImageSegmentationLabelAttributes,
  ImageSequenceVectorLabelAttributes,
  ImageVectorAnnotation,
  ImageVectorLabelAttributes,
  LabelAttributes,
  LabelStatus,
  ObjectAttributes,
  PointcloudCuboidLabelAttributes,
  PointcloudSegmentationLabelAttributes,
  ReleaseFile,
  ReleaseFileLabel,
  ReleaseFileSample,
  TaskType,
} from "@segments-ts/client";

/** Vector annotation type of image vector labels. */
export type ImageVectorAnnotationType = ImageVectorLabelAttributes["annotations"][number]["type"];

/** An instance of a segmentation bitmap label (the spec's `Annotation`). */
export type SegmentationAnnotation = Annotation;

/** A sample of a release file (the spec's `ReleaseFileSample`). */
export type ReleaseSample = ReleaseFileSample;

/** A label as stored in a release file sample (`labels[labelset]`). */
export type ReleaseLabel = NonNullable<ReleaseFileSample["labels"][string]>;

/** A decoded instance bitmap: `data[y * width + x]` is the instance id (0 = unlabeled). */
export interface InstanceBitmap {
  width: number;
  height: number;
  data: Uint32Array;
}

/**
 * A category of `task_attributes.categories`: the spec's `TaskAttributeCategory` plus any extra members. Kept
 * looser than the spec because COCO categories carry members Segments has no field for (`supercategory`,
 * `keypoints`, `skeleton`), which the importers keep and the exporters write back, and because the Python SDK's
 * `SegmentsDatasetCategory` allows extra keys (`isthing`, ...).
 */
export type Category = TaskAttributeCategory & { [extra: string]: unknown };

/**
 * One image with its Segments label, the converters' common currency. Vector labels carry `vector`; bitmap labels
 * carry `segmentation` (annotations plus the decoded bitmap, which the spec has no type for: it only has the PNG's
 * URL).
 */
export interface LabeledImage {
  /** File name (relative path) of the image, e.g. `train/0001.jpg`. */
  name: string;
  width: number;
  height: number;
  /** A vector label, or `null`/absent for an unlabeled image. */
  vector?: ImageVectorLabelAttributes | null | undefined;
  /** A segmentation label: instance annotations plus the decoded bitmap. */
  segmentation?: { annotations: SegmentationAnnotation[]; bitmap: InstanceBitmap } | null | undefined;
  /** Sample metadata, copied through where a format can hold it. */
  metadata?: Record<string, unknown> | undefined;
}
