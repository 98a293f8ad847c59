/**
 * The label PNG exports of the Python SDK, one PNG per image, named `{sample}_label_{labelset}{suffix}`:
 * `instance` (the Segments label PNG), `instance-color`, `semantic` (category ids; 16-bit when one exceeds 255) and
 * `semantic-color`.
 */
import { bitmap2file, colorizePng, encodePng } from "@segments-ts/bitmap";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import type { Category, InstanceBitmap, SegmentationAnnotation } from "../types.js";
import { labelFileStem } from "./common.js";
import { defineExporter, type ExportOptions } from "./types.js";

type Segmentation = { annotations: SegmentationAnnotation[]; bitmap: InstanceBitmap };

/** An exporter writing one PNG per labeled image, made by `render`. */
function labelPngExporter<const F extends string>(
  format: F,
  suffix: string,
  description: string,
  render: (segmentation: Segmentation, categories: readonly Category[], options: ExportOptions) => Uint8Array,
) {
  return defineExporter({
    format,
    description,
    taskTypes: SEGMENTATION_TASK_TYPES,
    start: ({ dataset, out, options }) => ({
      async add(sample) {
        const image = await sample.toLabeledImage();
        if (!image.segmentation) return;
        const png = render(image.segmentation, dataset.categories, options);
        const name = out.claim(`${labelFileStem(sample, dataset)}${suffix}`, {
          directories: true,
          item: `sample ${sample.name}`,
        });
        await out.writeClaimed(name, png);
      },
      finish: async () => ({}),
    }),
  });
}

/** Category id (+ `idIncrement`) per pixel, and the largest. */
function semanticIds(segmentation: Segmentation, options: ExportOptions): { data: Uint16Array; max: number } {
  const increment = options.idIncrement ?? 0;
  const { annotations, bitmap } = segmentation;
  const lut = new Map(annotations.map((a) => [a.id, a.category_id + increment]));
  const data = new Uint16Array(bitmap.data.length);
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    const v = lut.get(bitmap.data[i] as number) ?? 0;
    data[i] = v;
    if (v > max) max = v;
  }
  return { data, max };
}

export const instance = labelPngExporter(
  "instance",
  "_instance.png",
  "the Segments label PNG of each image (instance ids in RGB)",
  ({ bitmap }) => bitmap2file(bitmap.data, { width: bitmap.width, height: bitmap.height }),
);

export const instanceColor = labelPngExporter(
  "instance-color",
  "_instance_colored.png",
  "a PNG per image with a distinct colour per instance",
  ({ bitmap }) => colorizePng(bitmap),
);

export const semantic = labelPngExporter(
  "semantic",
  "_semantic.png",
  "a grayscale PNG per image of category ids (16-bit when one exceeds 255)",
  (segmentation, _categories, options) => {
    const { width, height } = segmentation.bitmap;
    const { data, max } = semanticIds(segmentation, options);
    return max > 255
      ? encodePng({ width, height, data, colorType: "gray", bitDepth: 16 })
      : encodePng({ width, height, data: Uint8Array.from(data), colorType: "gray" });
  },
);

export const semanticColor = labelPngExporter(
  "semantic-color",
  "_semantic_colored.png",
  "a PNG per image in the categories' colours",
  (segmentation, categories, options) => {
    const { width, height } = segmentation.bitmap;
    const { data } = semanticIds(segmentation, options);
    const increment = options.idIncrement ?? 0;
    const colors = new Map(categories.map((c) => [c.id + increment, c.color]));
    return colorizePng({ width, height, data: Uint32Array.from(data) }, (v) => {
      const c = colors.get(v);
      if (v === 0) return [0, 0, 0, 0];
      return c ? [c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, 255] : [128, 128, 128, 255];
    });
  },
);
