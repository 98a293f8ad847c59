// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.

import type { components } from "./schema";

type Schemas = components["schemas"];

/** The sample and label attribute schemas of each task type (from the spec's `x-segments-task-types`). */
export interface TaskTypeAttributes {
  "segmentation-bitmap": { sample: Schemas["ImageSampleAttributes"]; label: Schemas["ImageSegmentationLabelAttributes"] };
  "segmentation-bitmap-highres": { sample: Schemas["ImageSampleAttributes"]; label: Schemas["ImageSegmentationLabelAttributes"] };
  "image-segmentation-sequence": { sample: Schemas["ImageSequenceSampleAttributes"]; label: Schemas["ImageSequenceSegmentationLabelAttributes"] };
  "bboxes": { sample: Schemas["ImageSampleAttributes"]; label: Schemas["ImageVectorLabelAttributes"] };
  "vector": { sample: Schemas["ImageSampleAttributes"]; label: Schemas["ImageVectorLabelAttributes"] };
  "keypoints": { sample: Schemas["ImageSampleAttributes"]; label: Schemas["ImageVectorLabelAttributes"] };
  "image-vector-sequence": { sample: Schemas["ImageSequenceSampleAttributes"]; label: Schemas["ImageSequenceVectorLabelAttributes"] };
  "pointcloud-cuboid": { sample: Schemas["PointcloudSampleAttributes"]; label: Schemas["PointcloudCuboidLabelAttributes"] };
  "pointcloud-cuboid-sequence": { sample: Schemas["PointcloudSequenceSampleAttributes"]; label: Schemas["PointcloudSequenceCuboidLabelAttributes"] };
  "pointcloud-segmentation": { sample: Schemas["PointcloudSampleAttributes"]; label: Schemas["PointcloudSegmentationLabelAttributes"] };
  "pointcloud-segmentation-sequence": { sample: Schemas["PointcloudSequenceSampleAttributes"]; label: Schemas["PointcloudSequenceSegmentationLabelAttributes"] };
  "pointcloud-vector": { sample: Schemas["PointcloudSampleAttributes"]; label: Schemas["PointcloudVectorLabelAttributes"] };
  "pointcloud-vector-sequence": { sample: Schemas["PointcloudSequenceSampleAttributes"]; label: Schemas["PointcloudSequenceVectorLabelAttributes"] };
  "multisensor-sequence": { sample: Schemas["MultiSensorSampleAttributes"]; label: Schemas["MultiSensorLabelAttributes"] };
}
