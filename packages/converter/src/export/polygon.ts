/** `polygon`: one JSON listing every ring (outer and holes) of every instance, as the Python SDK's export. */
import { instanceBounds, traceInstance } from "../geometry/index.js";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import { claimJsonFile } from "./common.js";
import { defineExporter } from "./types.js";

export const polygon = defineExporter({
  format: "polygon",
  description: "one JSON of polygons: every ring (outer and holes) of every instance",
  taskTypes: SEGMENTATION_TASK_TYPES,
  start(context) {
    const { dataset, out, warnings } = context;
    const jsonName = claimJsonFile(context, "polygon");
    const images: Array<Record<string, unknown>> = [];
    const annotations: Array<Record<string, unknown>> = [];
    let imageId = 0;
    return {
      async add(sample) {
        imageId++;
        const image = await sample.toLabeledImage();
        const seg = image.segmentation;
        if (!seg) return;
        images.push({ id: imageId, file_name: image.name, height: image.height, width: image.width });
        const bounds = instanceBounds(seg.bitmap.data, seg.bitmap.width, seg.bitmap.height);
        for (const a of seg.annotations) {
          const b = bounds.get(a.id);
          if (!b) {
            warnings.add("instance has no pixels (skipped)", {
              item: `sample ${sample.name}, instance ${a.id}`,
            });
            continue;
          }
          const polygons = traceInstance(seg.bitmap, a.id, b)
            .flat()
            .map((ring) => {
              const points: number[][] = [];
              for (let i = 0; i < ring.length; i += 2)
                points.push([ring[i] as number, ring[i + 1] as number]);
              return points;
            });
          annotations.push({
            id: annotations.length + 1,
            image_id: imageId,
            category_id: a.category_id,
            attributes: a.attributes ?? {},
            polygons,
          });
        }
      },
      async finish() {
        const body = { categories: dataset.categories, images, annotations };
        return { jsonFile: await out.writeClaimed(jsonName, JSON.stringify(body)) };
      },
    };
  },
});
