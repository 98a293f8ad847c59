/** The PNG dataset formats, `coco-panoptic` and `index-png`: written to a folder and read back, bitmaps intact. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cocoPanopticFormat, indexPngFormat } from "../src/formats/png-dataset-formats.js";
import { importDatasetFolder, readDatasetFiles, writeDatasetFiles } from "../src/node/index.js";
import type { Category, LabeledImage } from "../src/types.js";

const categories: Category[] = [
  { id: 3, name: "petal", color: [255, 0, 0], has_instances: true },
  { id: 5, name: "sky", color: [0, 0, 255] },
];

/** A 700x500 bitmap (its PNG is larger than a header read), two instances of petal and one of sky. */
function image(name: string): LabeledImage {
  const width = 700;
  const height = 500;
  const data = new Uint32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 2654435761) >>> 0) % 7 < 3 ? 1 : i % 3 === 0 ? 2 : 9;
  return {
    name,
    width,
    height,
    segmentation: {
      annotations: [
        { id: 1, category_id: 3 },
        { id: 2, category_id: 3 },
        { id: 9, category_id: 5 },
      ],
      bitmap: { width, height, data },
    },
  };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function throughFolder(
  format: typeof cocoPanopticFormat | typeof indexPngFormat,
  images: LabeledImage[],
) {
  const written = format.write({ images, categories });
  const dir = await mkdtemp(join(tmpdir(), `conv-${format.name}-`));
  dirs.push(dir);
  await writeDatasetFiles(dir, written.value);
  return { written, read: await importDatasetFolder(dir, format) };
}

describe("coco-panoptic dataset format", () => {
  it("keeps ids, categories and every pixel through a folder (PNGs read whole)", async () => {
    const source = [image("a/rose.jpg"), image("b.jpg")];
    const { written, read } = await throughFolder(cocoPanopticFormat, source);
    expect([...written.value.keys()].sort()).toEqual([
      "panoptic.json",
      "panoptic/a/rose.png",
      "panoptic/b.png",
    ]);
    expect(read.value.categories).toEqual([
      { id: 3, name: "petal", has_instances: true, color: [255, 0, 0] },
      { id: 5, name: "sky", has_instances: false, color: [0, 0, 255] },
    ]);
    expect(read.value.images.map((i) => i.name)).toEqual(["a/rose.jpg", "b.jpg"]);
    expect(read.value.images[0]?.segmentation?.annotations).toEqual(source[0]?.segmentation?.annotations);
    expect(read.value.images[0]?.segmentation?.bitmap.data).toEqual(source[0]?.segmentation?.bitmap.data);
  });

  it("names a missing PNG", () => {
    const { value } = cocoPanopticFormat.write({ images: [image("a.jpg")], categories });
    value.delete("panoptic/a.png");
    expect(() => cocoPanopticFormat.read(value)).toThrow(/no PNG "a\.png" among the files.*panoptic\.json/);
  });
});

describe("index-png dataset format", () => {
  it("semantic indices: one instance per class, category from classes.txt", async () => {
    const { written, read } = await throughFolder(indexPngFormat, [image("x.jpg")]);
    expect(written.value.get("classes.txt")).toBe("petal\nsky\n");
    expect(read.value.categories).toEqual([
      { id: 1, name: "petal" },
      { id: 2, name: "sky" },
    ]);
    const [img] = read.value.images;
    expect(img?.segmentation?.annotations).toEqual([
      { id: 1, category_id: 1 },
      { id: 2, category_id: 2 },
    ]);
    const source = image("x.jpg").segmentation?.bitmap.data as Uint32Array;
    const expected = source.map((id) => (id === 9 ? 2 : 1));
    expect(img?.segmentation?.bitmap.data).toEqual(expected);
  });

  it("needs classes.txt, and an index past it is an error naming the file", () => {
    const { value } = indexPngFormat.write({ images: [image("x.jpg")], categories });
    value.set("classes.txt", "petal\n");
    expect(() => indexPngFormat.read(value)).toThrow(/index 2 has no category.*x\.png/);
    value.delete("classes.txt");
    expect(() => indexPngFormat.read(value)).toThrow(/needs classes\.txt/);
  });
});

describe("folder reading", () => {
  it("reads the format's wholeFiles whole, other binary files only up to their header", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conv-whole-"));
    dirs.push(dir);
    const big = new Uint8Array(3 * 2 ** 20).fill(7);
    await writeFile(join(dir, "label.png"), big);
    await writeFile(join(dir, "photo.jpg"), big);
    const files = await readDatasetFiles(dir, { wholeFiles: cocoPanopticFormat.wholeFiles ?? [] });
    expect((files.get("label.png") as Uint8Array).length).toBe(big.length);
    expect((files.get("photo.jpg") as Uint8Array).length).toBe(2 ** 20);
    expect(((await readDatasetFiles(dir)).get("label.png") as Uint8Array).length).toBe(2 ** 20);
  });
});
