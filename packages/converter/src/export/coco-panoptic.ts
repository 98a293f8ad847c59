/** `coco-panoptic`: one RGB PNG per image (`id = R + 256 G + 65536 B`) and the panoptic JSON. */
import { type PanopticAnnotation, toCocoPanoptic, toPanopticCategories } from "../formats/coco-panoptic.js";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import { claimJsonFile, labelFileStem, releaseInfo } from "./common.js";
import { defineExporter } from "./types.js";

export const cocoPanoptic = defineExporter({
  format: "coco-panoptic",
  description: "COCO panoptic: one RGB PNG per image (segment ids in the colour) and the JSON of segments",
  taskTypes: SEGMENTATION_TASK_TYPES,
  start(context) {
    const { dataset, out, warnings } = context;
    const jsonName = claimJsonFile(context, "coco-panoptic");
    const images: Array<Record<string, unknown>> = [];
    const annotations: PanopticAnnotation[] = [];
    let imageId = 0;
    return {
      async add(sample) {
        imageId++;
        const image = await sample.toLabeledImage();
        if (!image.segmentation) return;
        images.push({ id: imageId, file_name: image.name, height: image.height, width: image.width });
        const item = `sample ${sample.name}`;
        // The PNG's name goes into the JSON: claimed first, so that the JSON names the file written.
        const png = out.claim(`${labelFileStem(sample, dataset)}_coco-panoptic.png`, {
          directories: true,
          item,
        });
        const result = toCocoPanoptic(image, imageId, png, dataset.categories);
        warnings.list.push(...result.warnings);
        await out.writeClaimed(png, result.value.png);
        annotations.push(result.value.annotation);
      },
      async finish() {
        const body = {
          info: releaseInfo(dataset),
          categories: toPanopticCategories(dataset.categories),
          images,
          annotations,
        };
        return { jsonFile: await out.writeClaimed(jsonName, JSON.stringify(body)) };
      },
    };
  },
});
