/**
 * `voc`: one Pascal VOC XML file per labeled image (`toVoc`), named after the image (`train/a.jpg` ->
 * `train/a.xml`). Vector boxes and polygons, and bitmap instances, are written as their bounding boxes.
 */
import { stripExtension } from "../formats/common.js";
import { toVoc } from "../formats/voc.js";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import { defineExporter } from "./types.js";

export const voc = defineExporter({
  format: "voc",
  description: "one Pascal VOC XML file per image (boxes; polygons and bitmap instances as their boxes)",
  taskTypes: ["vector", "bboxes", ...SEGMENTATION_TASK_TYPES],
  start: ({ dataset, out, warnings }) => ({
    async add(sample) {
      const image = await sample.toLabeledImage();
      const result = toVoc(image, dataset.categories);
      warnings.list.push(...result.warnings);
      const name = out.claim(`${stripExtension(image.name)}.xml`, {
        directories: true,
        item: `sample ${sample.name}`,
      });
      await out.writeClaimed(name, result.value);
    },
    finish: async () => ({}),
  }),
});
