/** Images and categories shared by the per-format tests (formats.test.ts, formats-coco.test.ts). */
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

export const cats: Category[] = [
  { id: 1, name: "dog", color: [255, 0, 0] },
  { id: 2, name: "cat", color: [0, 255, 0] },
  { id: 3, name: "bird", color: [0, 0, 255] },
];

export function vectorImage(annotations: ImageVectorAnnotation[], width = 200, height = 100): LabeledImage {
  return { name: "dir/img1.jpg", width, height, vector: { annotations } };
}

/** 20x20 square with a 5x5 hole (instance 1) and a 10x10 second region (instance 1), on a 40x40 bitmap. */
export function holeBitmapImage(): LabeledImage {
  const data = new Uint32Array(40 * 40);
  for (let y = 0; y < 20; y++)
    for (let x = 0; x < 20; x++) data[y * 40 + x] = x >= 5 && x < 10 && y >= 5 && y < 10 ? 0 : 1;
  for (let y = 0; y < 10; y++) for (let x = 25; x < 35; x++) data[y * 40 + x] = 1;
  for (let y = 30; y < 35; y++) for (let x = 30; x < 35; x++) data[y * 40 + x] = 2;
  return {
    name: "bm.png",
    width: 40,
    height: 40,
    segmentation: {
      annotations: [
        { id: 1, category_id: 1 },
        { id: 2, category_id: 2, attributes: { iscrowd: true } },
      ],
      bitmap: { width: 40, height: 40, data },
    },
  };
}
