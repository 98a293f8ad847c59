import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConversionError, type ConversionWarning } from "../src/errors.js";
import { fromCocoInstance, fromCocoInstanceChunks, toCocoInstance } from "../src/formats/coco/index.js";
import { readTopLevelArrays } from "../src/formats/json-stream.js";
import { importCocoFile, writeCocoInstanceFile } from "../src/node/index.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

const categories: Category[] = [
  { id: 1, name: "car", color: [255, 0, 0] },
  { id: 2, name: "person" },
  { id: 3, name: "tree" },
];

/** A deterministic dataset mixing boxes, polygons, points, out-of-image coordinates and unlabeled images. */
function generated(count: number): LabeledImage[] {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const images: LabeledImage[] = [];
  for (let i = 0; i < count; i++) {
    const annotations: ImageVectorAnnotation[] = [];
    const n = i % 7 === 3 ? 0 : 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) {
      const x = rnd() * 300 - 10;
      const y = rnd() * 200;
      const category_id = 1 + (k % 3);
      if (k % 3 === 0)
        annotations.push({
          id: k + 1,
          category_id,
          type: "bbox",
          points: [
            [x, y],
            [x + 5 + rnd() * 40, y + 5 + rnd() * 30],
          ],
          attributes: { occluded: k % 2 === 0, note: 'é "quoted" \\ ]}' },
        });
      else if (k % 3 === 1)
        annotations.push({
          id: k + 1,
          category_id,
          type: "polygon",
          points: Array.from({ length: 5 + (k % 4) }, (_, j) => [
            x + 20 * Math.cos(j) + rnd(),
            y + 20 * Math.sin(j) + rnd(),
          ]),
        });
      else annotations.push({ id: k + 1, category_id, type: "point", points: [[x, y]] });
    }
    images.push({ name: `dir/${i}.jpg`, width: 320, height: 240, vector: { annotations } });
  }
  return images;
}

async function collect(
  items: AsyncIterable<{ image: LabeledImage; categories: Category[]; warnings: ConversionWarning[] }>,
) {
  const images: LabeledImage[] = [];
  const warnings: ConversionWarning[] = [];
  let cats: Category[] = [];
  for await (const item of items) {
    images.push(item.image);
    warnings.push(...item.warnings);
    cats = item.categories;
  }
  return { images, categories: cats, warnings };
}

/** Splits text into chunks of varying small sizes, so that every token and element straddles chunk boundaries. */
function* chunked(text: string, sizes = [1, 2, 3, 5, 8, 13, 64, 997]): Generator<string> {
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const size = sizes[k++ % sizes.length] as number;
    yield text.slice(i, i + size);
    i += size;
  }
}

describe("streaming COCO import", () => {
  const coco = toCocoInstance(generated(300), categories, { info: { description: "gen" } }).value;
  const text = JSON.stringify(coco, null, 1);

  it("importCocoFile yields exactly what fromCocoInstance returns on a generated dataset", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conv-stream-"));
    const file = join(dir, "instances.json");
    await writeFile(file, text);
    const expected = fromCocoInstance(JSON.parse(text), { file });
    expect(expected.value.images.length).toBe(300);
    expect(expected.warnings.length).toBeGreaterThan(0);
    const streamed = await collect(importCocoFile(file));
    expect(streamed.images).toEqual(expected.value.images);
    expect(streamed.categories).toEqual(expected.value.categories);
    expect(streamed.warnings).toEqual(expected.warnings);
  });

  it("gives the same result for any chunking and member order, for both targets", async () => {
    const reorder = (c: typeof coco) =>
      JSON.stringify({
        annotations: c.annotations,
        licenses: [{ id: 1, name: 'x]}"' }],
        images: c.images,
        categories: c.categories,
      });
    const expected = fromCocoInstance(coco);
    const streamed = await collect(fromCocoInstanceChunks(chunked(reorder(coco))));
    expect(streamed.images).toEqual(expected.value.images);
    expect(streamed.warnings).toEqual(expected.warnings);
    // bitmaps are large to compare: a smaller dataset for the segmentation target
    const small = toCocoInstance(generated(12), categories).value;
    const expectedBitmaps = fromCocoInstance(small, { target: "segmentation" });
    const streamedBitmaps = await collect(
      fromCocoInstanceChunks(chunked(reorder(small)), { target: "segmentation" }),
    );
    expect(streamedBitmaps.images).toEqual(expectedBitmaps.value.images);
    expect(streamedBitmaps.warnings).toEqual(expectedBitmaps.warnings);
  });

  it("raises the same ConversionErrors as fromCocoInstance, and names the place of malformed JSON", async () => {
    const bad = {
      ...coco,
      annotations: [...coco.annotations, { ...coco.annotations[0], id: 999, category_id: 42 }],
    };
    expect(() => fromCocoInstance(bad)).toThrow(
      /unknown category id 42 \(annotation 999, field category_id\)/,
    );
    await expect(collect(fromCocoInstanceChunks([JSON.stringify(bad)]))).rejects.toThrow(
      /unknown category id 42 \(annotation 999, field category_id\)/,
    );
    await expect(collect(fromCocoInstanceChunks(['{"images": [], "categories": []}']))).rejects.toThrow(
      'missing or non-array "annotations"',
    );
    await expect(
      collect(fromCocoInstanceChunks(['{"images": {}, "categories": [], "annotations": []}'])),
    ).rejects.toThrow('missing or non-array "images"');
    await expect(collect(fromCocoInstanceChunks(["[1, 2]"], { file: "a.json" }))).rejects.toThrow(
      "COCO file must be a JSON object (file a.json)",
    );
    const truncated = text.slice(0, 5000);
    await expect(collect(fromCocoInstanceChunks(chunked(truncated)))).rejects.toThrow(ConversionError);
    await expect(
      collect(fromCocoInstanceChunks(['{"images": [{"id": 1,, }], "annotations": [], "categories": []}'])),
    ).rejects.toThrow(/invalid JSON in the value at character 12: /);
    await expect(collect(fromCocoInstanceChunks(['{"images": [] "annotations": []}']))).rejects.toThrow(
      /expected "," or "}" at character 14/,
    );
    await expect(
      collect(fromCocoInstanceChunks(['{"images": [], "annotations": [], "categories": []} x'])),
    ).rejects.toThrow(/unexpected data after the top-level object/);
  });

  it("readTopLevelArrays yields elements, ends and non-array values, skipping other members", async () => {
    const items = [];
    for await (const item of readTopLevelArrays(
      chunked('{"a": [1, "x", {"b": [2]}, null], "skip": {"c": "]"}, "n": 5, "e": []}'),
      new Set(["a", "n", "e"]),
    ))
      items.push(item);
    expect(items).toEqual([
      { kind: "element", key: "a", index: 0, value: 1 },
      { kind: "element", key: "a", index: 1, value: "x" },
      { kind: "element", key: "a", index: 2, value: { b: [2] } },
      { kind: "element", key: "a", index: 3, value: null },
      { kind: "end", key: "a" },
      { kind: "value", key: "n", value: 5 },
      { kind: "end", key: "e" },
    ]);
  });
});

describe("streaming COCO export", () => {
  it("writeCocoInstanceFile writes the same dataset as toCocoInstance, annotations before images", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conv-write-"));
    const file = join(dir, "out", "instances.json");
    const images = generated(400);
    async function* lazily() {
      for (const image of images) yield image;
    }
    const warnings = await writeCocoInstanceFile(file, lazily(), categories, { info: { version: "v1" } });
    const expected = toCocoInstance(images, categories, { info: { version: "v1" }, file });
    const written = await readFile(file, "utf8");
    expect(JSON.parse(written)).toEqual(expected.value);
    expect(warnings).toEqual(expected.warnings);
    expect(written.indexOf('"annotations"')).toBeLessThan(written.indexOf('"images"'));
    // and the file reads back through the streaming importer
    const back = await collect(importCocoFile(file));
    expect(back.images).toEqual(fromCocoInstance(expected.value, { file }).value.images);
  });
});
