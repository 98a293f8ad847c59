import type { Label, TaskType } from "./generated/models";
import type { TaskTypeAttributes } from "./generated/task-types";

export type { TaskTypeAttributes };

/**
 * The label attributes of one task type, e.g. `LabelAttributesFor<"pointcloud-cuboid">` is
 * `PointcloudCuboidLabelAttributes`. Use it to make a wrong label shape for a dataset a compile error.
 *
 * @example
 * ```ts
 * import type { LabelAttributesFor } from "@segments-ts/client";
 *
 * const label: LabelAttributesFor<"bboxes"> = {
 *   format_version: "0.1",
 *   annotations: [{ id: 1, category_id: 1, type: "bbox", points: [[10, 20], [110, 220]] }],
 * };
 * ```
 */
export type LabelAttributesFor<T extends TaskType> = TaskTypeAttributes[T]["label"];

/**
 * The sample attributes of one task type, e.g. `SampleAttributesFor<"segmentation-bitmap">` is
 * `ImageSampleAttributes` (`{ image: { url } }`).
 *
 * @example
 * ```ts
 * import type { SampleAttributesFor } from "@segments-ts/client";
 *
 * const attributes: SampleAttributesFor<"segmentation-bitmap"> = { image: { url: "https://example.com/a.jpg" } };
 * ```
 */
export type SampleAttributesFor<T extends TaskType> = TaskTypeAttributes[T]["sample"];

/**
 * The `Label` variant returned for a dataset of task type `T` (the response union narrowed on `label_type`).
 *
 * @example
 * ```ts
 * import type { LabelFor } from "@segments-ts/client";
 *
 * declare const label: LabelFor<"pointcloud-cuboid-sequence">;
 * const firstFrame = label.attributes?.frames[0];
 * ```
 */
export type LabelFor<T extends TaskType> = Label extends infer Variant
  ? Variant extends { label_type: infer Types }
    ? T extends Types
      ? Variant & { label_type: T }
      : never
    : never
  : never;

/** Type guard narrowing a `Label` to the variant of one task type. */
export function isLabelOfTaskType<T extends TaskType>(label: Label, taskType: T): label is LabelFor<T> {
  return label.label_type === taskType;
}
