import type { ValidateFunction } from "ajv";
import { validationError } from "./errors.js";
import type { SpecValidator } from "./spec.js";

interface TaskTypeSchemas {
  sample: string;
  label: string;
}

/**
 * Fallback used only while the spec lacks the `x-segments-task-types` extension: the resource API's table of
 * sample and label attribute models per task type (reference section 1.12).
 */
const FALLBACK: Record<string, TaskTypeSchemas> = {
  "segmentation-bitmap": { sample: "ImageSampleAttributes", label: "ImageSegmentationLabelAttributes" },
  "segmentation-bitmap-highres": {
    sample: "ImageSampleAttributes",
    label: "ImageSegmentationLabelAttributes",
  },
  "image-segmentation-sequence": {
    sample: "ImageSequenceSampleAttributes",
    label: "ImageSequenceSegmentationLabelAttributes",
  },
  bboxes: { sample: "ImageSampleAttributes", label: "ImageVectorLabelAttributes" },
  vector: { sample: "ImageSampleAttributes", label: "ImageVectorLabelAttributes" },
  keypoints: { sample: "ImageSampleAttributes", label: "ImageVectorLabelAttributes" },
  "image-vector-sequence": {
    sample: "ImageSequenceSampleAttributes",
    label: "ImageSequenceVectorLabelAttributes",
  },
  "pointcloud-cuboid": { sample: "PointcloudSampleAttributes", label: "PointcloudCuboidLabelAttributes" },
  "pointcloud-cuboid-sequence": {
    sample: "PointcloudSequenceSampleAttributes",
    label: "PointcloudSequenceCuboidLabelAttributes",
  },
  "pointcloud-segmentation": {
    sample: "PointcloudSampleAttributes",
    label: "PointcloudSegmentationLabelAttributes",
  },
  "pointcloud-segmentation-sequence": {
    sample: "PointcloudSequenceSampleAttributes",
    label: "PointcloudSequenceSegmentationLabelAttributes",
  },
  "pointcloud-vector": { sample: "PointcloudSampleAttributes", label: "PointcloudVectorLabelAttributes" },
  "pointcloud-vector-sequence": {
    sample: "PointcloudSequenceSampleAttributes",
    label: "PointcloudSequenceVectorLabelAttributes",
  },
  "multisensor-sequence": { sample: "MultiSensorSampleAttributes", label: "MultiSensorLabelAttributes" },
};

/** Validates sample and label attributes against the schema of the dataset's task type. */
export class TaskTypeValidator {
  private readonly table: Record<string, TaskTypeSchemas>;

  constructor(private readonly spec: SpecValidator) {
    const extension = spec.spec["x-segments-task-types"] as Record<string, TaskTypeSchemas> | undefined;
    this.table = extension && Object.keys(extension).length > 0 ? extension : FALLBACK;
  }

  /** Throws a 400 naming the field (e.g. `attributes.image`) when the sample attributes do not fit the task type. */
  checkSample(taskType: string, attributes: unknown): void {
    this.check(this.table[taskType]?.sample, attributes, "sample attributes");
  }

  /** Throws a 400 naming the field when the label attributes do not fit the task type. */
  checkLabel(taskType: string, attributes: unknown): void {
    this.check(this.table[taskType]?.label, attributes, "label attributes");
  }

  private check(schemaName: string | undefined, attributes: unknown, what: string): void {
    if (!schemaName || !this.spec.hasSchema(schemaName)) return;
    const validate: ValidateFunction = this.spec.schemaValidator(schemaName);
    if (!validate(attributes)) throw validationError(what, validate.errors ?? [], "attributes");
  }
}
