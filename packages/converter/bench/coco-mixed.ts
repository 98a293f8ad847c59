/**
 * A synthetic COCO instance document of 5,000 images and 50,000 annotations of every kind the importer reads: per
 * image 3 boxes, 3 polygons, 1 RLE mask (compressed counts) and 3 person keypoint annotations (17 keypoints, some
 * not labeled, with a box), on 640x480 images.
 */
import { frPoly } from "../src/rle/index.js";

const KEYPOINTS = Array.from({ length: 17 }, (_, i) => `k${i}`);

export function mixedCocoDocument(images: number): object {
  let seed = 1;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const ring = (x: number, y: number, r: number) =>
    Array.from({ length: 12 }, (_, j) => [
      x + r * Math.cos(j / 2) + rnd(),
      y + r * Math.sin(j / 2) + rnd(),
    ]).flat();
  const annotations: object[] = [];
  let id = 0;
  for (let image = 1; image <= images; image++) {
    for (let k = 0; k < 10; k++) {
      const x = 50 + rnd() * 500;
      const y = 50 + rnd() * 350;
      const common = { id: ++id, image_id: image, iscrowd: 0 };
      if (k < 3) {
        const [w, h] = [20 + rnd() * 60, 20 + rnd() * 40];
        annotations.push({ ...common, category_id: 1, bbox: [x, y, w, h], area: w * h });
      } else if (k < 6) {
        const flat = ring(x, y, 30);
        annotations.push({
          ...common,
          category_id: 2,
          segmentation: [flat],
          bbox: [x - 30, y - 30, 60, 60],
          area: 2500,
        });
      } else if (k === 6) {
        const rle = frPoly(ring(x, y, 25), 480, 640);
        annotations.push({
          ...common,
          category_id: 3,
          iscrowd: 1,
          segmentation: rle,
          bbox: [x - 25, y - 25, 50, 50],
          area: 1900,
        });
      } else {
        const keypoints = KEYPOINTS.flatMap((_, i) =>
          rnd() < 0.2 ? [0, 0, 0] : [x + rnd() * 40, y + i * 4, rnd() < 0.8 ? 2 : 1],
        );
        const placed = keypoints.filter((_, i) => i % 3 === 2 && keypoints[i] !== 0).length;
        annotations.push({
          ...common,
          category_id: 4,
          bbox: [x - 5, y - 5, 55, 80],
          area: 4400,
          segmentation: [],
          keypoints,
          num_keypoints: placed,
        });
      }
    }
  }
  return {
    info: {},
    images: Array.from({ length: images }, (_, i) => ({
      id: i + 1,
      file_name: `images/${String(i).padStart(6, "0")}.jpg`,
      width: 640,
      height: 480,
    })),
    categories: [
      { id: 1, name: "box" },
      { id: 2, name: "polygon" },
      { id: 3, name: "mask" },
      { id: 4, name: "person", keypoints: KEYPOINTS, skeleton: [[1, 2]] },
    ],
    annotations,
  };
}
