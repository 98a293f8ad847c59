/**
 * Minimal structural Segments.ai types (API v1, see the Python SDK's `typing.py`). They are structurally
 * compatible with the `@segments-ts/client` schema types, so values from the client can be passed straight in.
 */

/** Attribute values on an object or image. */
export type ObjectAttributes = Record<string, string | number | boolean | string[] | null | undefined>;

/** Vector annotation type of image vector labels. */
export type ImageVectorAnnotationType = "bbox" | "polygon" | "polyline" | "point";

/** One annotation of a `bboxes` / `vector` / `keypoints` label. `bbox` points are `[[x0, y0], [x1, y1]]`. */
export interface ImageVectorAnnotation {
  id: number;
  category_id: number;
  type: ImageVectorAnnotationType;
  points: number[][];
  attributes?: ObjectAttributes | undefined;
  track_id?: number | undefined;
}

/** Label attributes of `bboxes`, `vector` and `keypoints` datasets. */
export interface ImageVectorLabelAttributes {
  format_version?: string | number | undefined;
  annotations: ImageVectorAnnotation[];
  image_attributes?: ObjectAttributes | undefined;
}

/** An instance of a segmentation bitmap label. */
export interface SegmentationAnnotation {
  id: number;
  category_id: number;
  attributes?: ObjectAttributes | undefined;
}

/** Label attributes of `segmentation-bitmap(-highres)` datasets; the bitmap PNG lives at `segmentation_bitmap.url`. */
export interface ImageSegmentationLabelAttributes {
  format_version?: string | number | undefined;
  annotations: SegmentationAnnotation[];
  segmentation_bitmap: { url?: string | undefined; signed_url?: string | undefined };
  image_attributes?: ObjectAttributes | undefined;
}

/** A decoded instance bitmap: `data[y * width + x]` is the instance id (0 = unlabeled). */
export interface InstanceBitmap {
  width: number;
  height: number;
  data: Uint32Array;
}

/** A category of `task_attributes.categories`. */
export interface Category {
  id: number;
  name: string;
  color?: [number, number, number] | [number, number, number, number] | number[] | undefined;
  has_instances?: boolean | undefined;
  attributes?: unknown[] | undefined;
  [extra: string]: unknown;
}

/** Label status values. */
export type LabelStatus =
  | "REVIEWED"
  | "REVIEWING_IN_PROGRESS"
  | "LABELED"
  | "LABELING_IN_PROGRESS"
  | "REJECTED"
  | "PRELABELED"
  | "SKIPPED"
  | "VERIFIED"
  | "UNLABELED";

/** A label as stored in a release file sample (`labels[labelset]`). */
export interface ReleaseLabel {
  label_status: LabelStatus | string;
  attributes?: ImageVectorLabelAttributes | ImageSegmentationLabelAttributes | Record<string, unknown> | null;
  [extra: string]: unknown;
}

/** A sample of a release file. */
export interface ReleaseSample {
  uuid: string;
  name: string;
  attributes?:
    | { image?: { url?: string; signed_url?: string } | undefined; [extra: string]: unknown }
    | undefined;
  metadata?: Record<string, unknown> | undefined;
  labels?: Record<string, ReleaseLabel | null | undefined> | undefined;
  [extra: string]: unknown;
}

/** The JSON file a release points to (`release.attributes.url`). */
export interface ReleaseFile {
  name: string;
  description?: string | undefined;
  created_at?: string | undefined;
  dataset: {
    name: string;
    owner: string;
    task_type: string;
    task_attributes?:
      | { format_version?: string | number; categories?: Category[]; [extra: string]: unknown }
      | undefined;
    labelsets?: Array<{ name: string; description?: string }> | undefined;
    samples: ReleaseSample[];
    [extra: string]: unknown;
  };
  [extra: string]: unknown;
}

/**
 * One image with its Segments label, the converters' common currency. Vector labels carry `label`; bitmap labels
 * carry `label` (annotations) plus a decoded `bitmap`.
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
