/** `coco-instance`: one COCO instance JSON, written image by image (`CocoInstanceJsonWriter`). */
import { CocoInstanceJsonWriter } from "../formats/coco/index.js";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import { claimJsonFile, releaseInfo } from "./common.js";
import { defineExporter } from "./types.js";

export const cocoInstance = defineExporter({
  format: "coco-instance",
  description: "one COCO instance JSON: boxes, polygons and points; bitmap instances as RLE",
  taskTypes: ["vector", "bboxes", "keypoints", ...SEGMENTATION_TASK_TYPES],
  async start(context) {
    const { dataset, out, warnings, options } = context;
    const name = claimJsonFile(context, "coco-instance");
    const writer = new CocoInstanceJsonWriter(dataset.categories, warnings, {
      ...options.coco,
      info: releaseInfo(dataset),
      file: options.coco?.file ?? out.pathOf(name),
    });
    const file = await out.open(name);
    return {
      async add(sample) {
        const text = writer.add(await sample.toLabeledImage());
        if (text !== "") await file.write(text);
      },
      async finish() {
        for (const text of writer.finish()) await file.write(text);
        return { jsonFile: await file.close() };
      },
    };
  },
});
