/**
 * A Segments keypoint instance (see `../keypoints.ts`) as one COCO keypoint annotation, in the shape pycocotools'
 * keypoint evaluation reads (`COCOeval` with `iouType="keypoints"`: `_prepare` reads `iscrowd` and `num_keypoints`,
 * `computeOks` reads `keypoints` (3 values per category keypoint), `bbox` and `area`, `evaluateImg` reads `area`,
 * `iscrowd` and `id`), plus the `segmentation` every COCO annotation has.
 */
import { regionsArea, ringsBbox } from "../../geometry/index.js";
import { type KeypointInstance, keypointsBbox } from "../keypoints.js";
import type { CocoAnnotation } from "./types.js";

/**
 * The COCO annotation of a keypoint instance. Its shape is the instance's polygons (segmentation, bbox and area
 * from them), else its box (the box ring as segmentation, as for boxes), else the box around its placed keypoints
 * with `segmentation: []`; `area` is then the box's area, the scale COCO's OKS needs (an area of 0 would make every
 * keypoint distance infinitely large).
 */
export function cocoKeypointAnnotation(
  instance: KeypointInstance,
  ids: { id: number; imageId: number },
  flat: (a: { points: number[][] }) => number[],
): CocoAnnotation {
  const keypoints = instance.keypoints.flat();
  const numKeypoints = instance.keypoints.filter((k) => k[2] > 0).length;
  let segmentation: number[][];
  let bbox: [number, number, number, number];
  let area: number;
  if (instance.polygons.length > 0) {
    segmentation = instance.polygons.map(flat);
    bbox = ringsBbox(segmentation);
    area = regionsArea(segmentation.map((ring) => [ring]));
  } else {
    if (instance.box !== undefined) {
      const [x0, y0, x1, y1] = flat(instance.box) as [number, number, number, number];
      bbox = [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
    } else bbox = keypointsBbox(instance.keypoints);
    const [x, y, w, h] = bbox;
    segmentation = instance.box === undefined ? [] : [[x, y, x + w, y, x + w, y + h, x, y + h]];
    area = w * h;
  }
  const attributes = instance.attributes;
  const crowd = attributes?.iscrowd === true || attributes?.iscrowd === 1;
  return {
    id: ids.id,
    image_id: ids.imageId,
    category_id: instance.categoryId,
    iscrowd: crowd ? 1 : 0,
    bbox,
    area,
    segmentation,
    keypoints,
    num_keypoints: numKeypoints,
    ...(attributes === undefined ? {} : { attributes: { ...attributes } }),
  };
}
