/**
 * The per-dataset formats share one shape: `write(dataset)` gives files, `read(files)` gives the dataset back, in
 * memory or through a folder (`writeDatasetFiles` / `readDatasetFiles`).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodePng } from "@segments-ts/bitmap";
import { afterAll, describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { DATASET_FORMAT_NAMES, DATASET_FORMATS, datasetFormat } from "../src/formats/dataset-formats.js";
import { readDatasetFiles, writeDatasetFiles } from "../src/node/index.js";
import type { Category, LabeledImage } from "../src/types.js";

const categories: Category[] = [
  { id: 1, name: "car" },
  { id: 2, name: "person" },
];
const box = (id: number, category_id: number, x0: number, y0: number, x1: number, y1: number) => ({
  id,
  category_id,
  type: "bbox" as const,
  points: [
    [x0, y0],
    [x1, y1],
  ],
});
const images: LabeledImage[] = [
  {
    name: "train/a.jpg",
    width: 100,
    height: 80,
    vector: { format_version: "0.1", annotations: [box(1, 1, 10, 10, 50, 40)] },
  },
  {
    name: "val/b.jpg",
    width: 64,
    height: 48,
    vector: { format_version: "0.1", annotations: [box(1, 2, 0, 0, 32, 24), box(2, 1, 8, 8, 16, 16)] },
  },
];

/** Each image's boxes as [category name, x0, y0, x1, y1], in order, to 1/1000 pixel (YOLO keeps 6 decimals). */
function boxes(dataset: { images: LabeledImage[]; categories: Category[] }) {
  const name = new Map(dataset.categories.map((c) => [c.id, c.name]));
  return dataset.images
    .map((image) => ({
      image: image.name.replace(/\.\w+$/, ""),
      boxes: (image.vector?.annotations ?? []).map((a) => [
        name.get(a.category_id),
        ...a.points.flat().map((v) => Math.round(v * 1000) / 1000),
      ]),
    }))
    .sort((p, q) => p.image.localeCompare(q.image));
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("DATASET_FORMATS", () => {
  it("lists coco, yolo, voc, labelme, the PNG formats and yolo-pose, each with a description", () => {
    expect(DATASET_FORMAT_NAMES).toEqual([
      "coco",
      "yolo",
      "voc",
      "labelme",
      "coco-panoptic",
      "index-png",
      "yolo-pose",
    ]);
    for (const format of DATASET_FORMATS) expect(format.description.length).toBeGreaterThan(10);
    expect(() => datasetFormat("csv")).toThrow(
      /unknown dataset format "csv" \(formats: coco, yolo, voc, labelme, coco-panoptic, index-png, yolo-pose\)/,
    );
  });

  // The formats holding boxes; the PNG ones (segmentation only) are tested in png-dataset-formats.test.ts.
  it.each(DATASET_FORMATS.filter((f) => f.holds !== "segmentation").map((f) => f.name))(
    "%s: write then read gives the boxes back, in memory and through a folder",
    async (name) => {
      const format = datasetFormat(name);
      // YOLO pose needs the categories' keypoint names (kpt_shape): the boxes are written with none labeled
      const withKeypoints = categories.map((c) => ({ ...c, keypoints: ["a"] }));
      const written = format.write({ images, categories: name === "yolo-pose" ? withKeypoints : categories });
      const sizes = images.map(({ name, width, height }) => ({ name, width, height }));
      const back = format.read(written.value, { images: sizes });
      expect(boxes(back.value)).toEqual(boxes({ images, categories }));
      const dir = await mkdtemp(join(tmpdir(), `conv-${name}-`));
      dirs.push(dir);
      await writeDatasetFiles(dir, written.value);
      // YOLO records no image size: the folder holds the images too
      if (name === "yolo" || name === "yolo-pose")
        await writeDatasetFiles(
          dir,
          new Map(
            images.map((image) => [
              image.name.replace(".jpg", ".png"),
              encodePng({
                width: image.width,
                height: image.height,
                data: new Uint8Array(image.width * image.height),
                colorType: "gray",
              }),
            ]),
          ),
        );
      const fromFolder = format.read(await readDatasetFiles(dir));
      expect(boxes(fromFolder.value)).toEqual(boxes({ images, categories }));
    },
  );

  it("a one-file format refuses a folder with several candidates, naming them", () => {
    const files = new Map([
      ["a.json", "{}"],
      ["b.json", "{}"],
    ]);
    expect(() => datasetFormat("coco").read(files)).toThrow(ConversionError);
    expect(() => datasetFormat("coco").read(files)).toThrow(/found 2 \(a.json, b.json\): pass options.file/);
  });
});
