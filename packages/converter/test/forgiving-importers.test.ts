/**
 * Importers as forgiving as the tools that wrote the files: ultralytics' YOLO tolerance and layout (images/ +
 * labels/, data.yaml), every labelme shape and embedded images, folder importers, large category maps.
 *
 * Over 400 lines because labelme's shape types (circle, mask, points and lines) each need a fixture and checks of
 * their own.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { encodePng } from "@segments-ts/bitmap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CategoryLimitError, categoryIdFor, MAX_CATEGORIES } from "../src/formats/common.js";
import { yoloFormat } from "../src/formats/dataset-formats.js";
import { fromLabelme } from "../src/formats/labelme.js";
import { parseYoloDataYaml, yoloLabelStem } from "../src/formats/yolo-data-yaml.js";
import { parseYolo, yoloLines } from "../src/formats/yolo-import.js";
import { WarningCollector } from "../src/index.js";
import { importDatasetFolder } from "../src/node/index.js";

const yolo = (text: string) => {
  const warnings = new WarningCollector();
  const annotations = parseYolo(text, { file: "a.txt", width: 100, height: 50, classCount: 2, warnings });
  return { annotations, warnings: warnings.list.map((w) => `${w.item}: ${w.message}`) };
};

describe("YOLO import, ultralytics' tolerance", () => {
  it("clips values within 1% outside [0, 1] with a warning naming the line", () => {
    const { annotations, warnings } = yolo("0 0.5 0.5 1.005 0.5\n1 -0.004 0 1 0 1 1\n");
    expect(annotations[0]?.points).toEqual([
      [0, 12.5],
      [100, 37.5],
    ]);
    expect(annotations[1]?.points).toEqual([
      [0, 0],
      [100, 0],
      [100, 50],
    ]);
    expect(warnings).toEqual([
      "line 1: values slightly outside [0, 1] clipped (up to 0.01 is read)",
      "line 2: values slightly outside [0, 1] clipped (up to 0.01 is read)",
    ]);
  });

  it("refuses values further out, naming the line and the value", () => {
    expect(() => yolo("0 0.5 0.5 0.2 0.2\n0 0.5 1.02 0.2 0.2\n")).toThrow(
      /normalised coordinate 1\.02 is outside \[0, 1\].*file a\.txt, line 2, field value 2/,
    );
  });

  it("clips a box that overhangs the image edge by its corners", () => {
    const { annotations, warnings } = yolo("0 0.95 0.5 0.2 0.2\n");
    expect(annotations[0]?.points).toEqual([
      [85, 20],
      [100, 30],
    ]);
    expect(warnings).toEqual(["line 1: box overhangs the image: clipped to it"]);
  });

  it("drops repeated lines with a warning, takes blank lines, tabs and runs of spaces", () => {
    const { annotations, warnings } = yolo(
      "0 0.5 0.5 0.2 0.2\n\n0  0.5\t0.5 0.2 0.2  \r\n1 0.1 0.1 0.1 0.1\n",
    );
    expect(annotations.map((a) => a.category_id)).toEqual([1, 2]);
    expect(warnings).toEqual(["line 3: duplicate line dropped"]);
  });

  it("refuses hex and Infinity", () => {
    expect(() => yolo("0 0x1 0.5 0.2 0.2\n")).toThrow(/not a number: "0x1"/);
    expect(() => yolo("0 Infinity 0.5 0.2 0.2\n")).toThrow(/not a number/);
  });
});

describe("YOLO folders: images/ + labels/, data.yaml", () => {
  it("pairs images/<split>/x.jpg with labels/<split>/x.txt (ultralytics' img2label_paths)", () => {
    expect(yoloLabelStem("images/train/a.jpg")).toBe("labels/train/a");
    expect(yoloLabelStem("train/images/sub/a.b.png")).toBe("train/labels/sub/a.b");
    expect(yoloLabelStem("images/x/images/a.jpg")).toBe("images/x/labels/a");
    expect(yoloLabelStem("a.jpg")).toBeUndefined();
  });

  it("reads names (map or list) and splits from data.yaml, and tags each image with its split", () => {
    const files = new Map<string, string>([
      [
        "data.yaml",
        "path: ../datasets/x\ntrain: images/train\nval: images/val\nnames:\n  0: person\n  1: car\n",
      ],
      ["labels/train/a.txt", "1 0.5 0.5 0.2 0.2\n"],
      ["labels/val/b.txt", "0 0.5 0.5 1 1\n"],
    ]);
    const images = [
      { name: "images/train/a.jpg", width: 100, height: 100 },
      { name: "images/val/b.JPG", width: 10, height: 10 },
      { name: "images/val/c.jpg", width: 10, height: 10 },
    ];
    const { value } = yoloFormat.read(files, { images });
    expect(value.categories).toEqual([
      { id: 1, name: "person" },
      { id: 2, name: "car" },
    ]);
    expect(value.images.map((i) => [i.name, i.metadata?.split, i.vector?.annotations.length])).toEqual([
      ["images/train/a.jpg", "train", 1],
      ["images/val/b.JPG", "val", 1],
      ["images/val/c.jpg", "val", 0],
    ]);
    expect(value.images[0]?.vector?.annotations[0]?.category_id).toBe(2);
  });

  it("reads Roboflow's layout (train: ../train/images) and split image lists", () => {
    const roboflow = yoloFormat.read(
      new Map([
        ["data.yaml", "train: ../train/images\nval: ../valid/images\nnc: 1\nnames: ['cat']\n"],
        ["train/labels/a.txt", "0 0.5 0.5 0.2 0.2\n"],
      ]),
      {
        images: [
          { name: "train/images/a.jpg", width: 10, height: 10 },
          { name: "valid/images/b.jpg", width: 10, height: 10 },
        ],
      },
    ).value;
    expect(roboflow.images.map((i) => i.metadata?.split)).toEqual(["train", "val"]);
    const listed = yoloFormat.read(
      new Map([
        ["data.yaml", "train: train.txt\nnames: [a, b]\n"],
        ["train.txt", "./images/a.jpg\n"],
        ["labels/a.txt", "1 0.5 0.5 0.2 0.2\n"],
      ]),
      {
        images: [
          { name: "images/a.jpg", width: 10, height: 10 },
          { name: "images/b.jpg", width: 10, height: 10 },
        ],
      },
    ).value;
    expect(listed.images.map((i) => [i.metadata?.split, i.vector?.annotations.length])).toEqual([
      ["train", 1],
      [undefined, 0],
    ]);
  });

  it("checks data.yaml: nc against names, gaps in the names map, kpt_shape, bad YAML", () => {
    expect(() => parseYoloDataYaml("nc: 3\nnames: [a, b]\n")).toThrow(/nc is 3 but names lists 2.*field nc/);
    expect(() => parseYoloDataYaml("names:\n  0: a\n  2: c\n")).toThrow(/class index "2" is not 0\.\.1/);
    expect(() => parseYoloDataYaml("names: x\n")).toThrow(/names must be a list or a map/);
    expect(() => parseYoloDataYaml("names: [a]\nkpt_shape: [17, 4]\n")).toThrow(/kpt_shape/);
    expect(parseYoloDataYaml("names: [a]\nkpt_shape: [17, 3]\n").kptShape).toEqual([17, 3]);
    expect(() => parseYoloDataYaml("names: [a\n", "d.yaml")).toThrow(/invalid YAML.*file d\.yaml/);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 200 }, (_, i) => `k${i}: [*a, *a]`).join("\n")}\nnames: [a]\n`;
    expect(() => parseYoloDataYaml(bomb)).toThrow(/invalid YAML/);
  });
});

/** A 1-bit-style mask PNG (gray 8-bit, 0 / 255) as labelme writes its `mask`, base64. */
function maskPng(width: number, height: number, on: (x: number, y: number) => boolean): string {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = on(x, y) ? 255 : 0;
  return Buffer.from(encodePng({ width, height, data, colorType: "gray", bitDepth: 8 })).toString("base64");
}

describe("labelme: every shape type", () => {
  const doc = (
    shapes: unknown[],
    extra: Record<string, unknown> = { imageWidth: 100, imageHeight: 100 },
  ) => ({
    imagePath: "a.jpg",
    shapes,
    ...extra,
  });
  const read = (shapes: unknown[]) => fromLabelme(doc(shapes), { file: "a.json" });

  it("circle: a polygon within half a pixel of the circle, with a warning", () => {
    const { value, warnings } = read([
      {
        label: "ball",
        shape_type: "circle",
        points: [
          [50, 40],
          [50, 60],
        ],
      },
    ]);
    const [a] = value.image.vector?.annotations ?? [];
    expect(a?.type).toBe("polygon");
    const n = a?.points.length ?? 0;
    expect(n).toBeGreaterThanOrEqual(8);
    for (const [x, y] of a?.points ?? [])
      expect(Math.hypot((x as number) - 50, (y as number) - 40)).toBeCloseTo(20, 9);
    // The largest gap between an edge and the circle (the sagitta) is at most half a pixel.
    expect(20 * (1 - Math.cos(Math.PI / n))).toBeLessThanOrEqual(0.5);
    expect(warnings[0]?.message).toMatch(new RegExp(`circle written as a ${n}-vertex polygon`));
    expect(() =>
      read([
        {
          label: "b",
          shape_type: "circle",
          points: [
            [1, 1],
            [1, 1],
          ],
        },
      ]),
    ).toThrow(/circle radius/);
  });

  it("point, points, line and linestrip", () => {
    const { value } = read([
      { label: "eye", shape_type: "point", points: [[1, 2]] },
      {
        label: "dots",
        shape_type: "points",
        points: [
          [3, 4],
          [5, 6],
        ],
        group_id: 4,
      },
      {
        label: "edge",
        shape_type: "line",
        points: [
          [0, 0],
          [9, 9],
        ],
      },
      {
        label: "path",
        shape_type: "linestrip",
        points: [
          [0, 0],
          [1, 1],
          [2, 0],
        ],
      },
    ]);
    expect(value.image.vector?.annotations.map((a) => [a.type, a.points, a.attributes?.group_id])).toEqual([
      ["point", [[1, 2]], undefined],
      ["point", [[3, 4]], 4],
      ["point", [[5, 6]], 4],
      [
        "polyline",
        [
          [0, 0],
          [9, 9],
        ],
        undefined,
      ],
      [
        "polyline",
        [
          [0, 0],
          [1, 1],
          [2, 0],
        ],
        undefined,
      ],
    ]);
    expect(() => read([{ label: "x", shape_type: "line", points: [[0, 0]] }])).toThrow(/line with 1 points/);
  });

  it("mask: the base64 PNG of its box, traced into polygons at the box's place; holes reported", () => {
    // A 4x3 box at (10, 20): a ring with a one-pixel hole in the middle... of a 3x3 block, plus a lone pixel.
    const mask = maskPng(4, 3, (x, y) => (x < 3 && !(x === 1 && y === 1)) || (x === 3 && y === 0));
    const { value, warnings } = read([
      {
        label: "blob",
        shape_type: "mask",
        points: [
          [10, 20],
          [13, 22],
        ],
        mask,
      },
    ]);
    const polygons = value.image.vector?.annotations ?? [];
    expect(polygons.map((a) => a.type)).toEqual(["polygon"]);
    expect(polygons[0]?.points).toEqual([
      [10, 20],
      [14, 20],
      [14, 21],
      [13, 21],
      [13, 23],
      [10, 23],
    ]);
    expect(warnings.map((w) => w.message)).toContain(
      "1 hole(s) of the mask cannot be held by a polygon (outer rings kept)",
    );
    expect(() =>
      read([
        {
          label: "b",
          shape_type: "mask",
          points: [
            [0, 0],
            [1, 1],
          ],
          mask: "@@@@",
        },
      ]),
    ).toThrow(/not valid base64.*a\.json.*shape 0.*field mask/);
    expect(() =>
      read([
        {
          label: "b",
          shape_type: "mask",
          points: [
            [0, 0],
            [1, 1],
          ],
          mask: "AAAA",
        },
      ]),
    ).toThrow(/mask is not a valid PNG/);
    expect(() =>
      read([
        {
          label: "b",
          shape_type: "mask",
          points: [
            [0, 0],
            [1, 1],
          ],
        },
      ]),
    ).toThrow(/needs its mask/);
  });

  it("takes the image size from imageData when the file has none; the embedded image wins a disagreement", () => {
    const png = maskPng(7, 5, () => true);
    expect(fromLabelme(doc([], { imageData: png })).value.image).toMatchObject({ width: 7, height: 5 });
    const { value, warnings } = fromLabelme(doc([], { imageData: png, imageWidth: 70, imageHeight: 50 }));
    expect(value.image).toMatchObject({ width: 7, height: 5 });
    expect(warnings[0]?.message).toMatch(/70x50\) differ from the embedded image \(7x5\)/);
  });

  it("bad imageData is an error naming the file", () => {
    expect(() => fromLabelme(doc([], { imageData: "not base64!" }), { file: "b.json" })).toThrow(
      /not valid base64.*file b\.json, field imageData/,
    );
    expect(() =>
      fromLabelme(doc([], { imageData: Buffer.from("hello world!").toString("base64") }), { file: "b.json" }),
    ).toThrow(/imageData is not an image.*file b\.json/);
    expect(() => fromLabelme(doc([], {}), { file: "b.json" })).toThrow(
      /image width must be a positive integer.*b\.json/,
    );
  });
});

describe("folder importers", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "conv-folders-"));
    const put = async (name: string, text: string) => {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    };
    const voc = (file: string, name: string) =>
      `<annotation><filename>${file}</filename><size><width>10</width><height>10</height><depth>3</depth></size>` +
      `<object><name>${name}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>`;
    await put("voc/a.xml", voc("a.jpg", "cat"));
    await put("voc/sub/b.xml", voc("b.jpg", "dog"));
    await put("voc/sub/c.xml", `${voc("c.jpg", "cat")}`.replace("<width>10</width>", "<width>0x10</width>"));
    const shape = {
      label: "cat",
      shape_type: "rectangle",
      points: [
        [9, 1],
        [1, 5],
      ],
    };
    await put(
      "labelme/a.json",
      JSON.stringify({ imagePath: "a.jpg", imageWidth: 10, imageHeight: 10, shapes: [shape] }),
    );
    await put(
      "labelme/x/b.json",
      JSON.stringify({
        imagePath: "b.jpg",
        imageWidth: 10,
        imageHeight: 10,
        shapes: [{ ...shape, label: "dog" }],
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("VOC: a directory in, labeled images out; a bad file is named", async () => {
    await expect(importDatasetFolder(join(dir, "voc"), "voc")).rejects.toThrow(
      /expected a decimal number.*file sub\/c\.xml, field size\.width/,
    );
    await rm(join(dir, "voc/sub/c.xml"));
    const { value, warnings } = await importDatasetFolder(join(dir, "voc"), "voc");
    expect(value.images.map((i) => i.name)).toEqual(["a.jpg", "b.jpg"]);
    expect(value.categories).toEqual([
      { id: 1, name: "cat" },
      { id: 2, name: "dog" },
    ]);
    expect(warnings).toEqual([]);
  });

  it("labelme: one category per name across files, rectangles normalised", async () => {
    const { value } = await importDatasetFolder(join(dir, "labelme"), "labelme");
    expect(value.categories.map((c) => c.name)).toEqual(["cat", "dog"]);
    expect(value.images[0]?.vector?.annotations[0]?.points).toEqual([
      [1, 1],
      [9, 5],
    ]);
  });
});

describe("category maps scale linearly", () => {
  it("100k distinct class names in one labelme file import (before: quadratic, a spread of every id per name)", () => {
    // labelme rather than VOC: the same category map, without the XML parsing of 100k objects.
    const shapes = Array.from({ length: 100_000 }, (_, i) => ({
      label: `c${i}`,
      shape_type: "point",
      points: [[1, 1]],
    }));
    const { value } = fromLabelme({ imagePath: "a.jpg", imageWidth: 9, imageHeight: 9, shapes });
    expect(value.names.length).toBe(100_000);
    expect(value.image.vector?.annotations.at(-1)?.category_id).toBe(100_000);
  });

  it("ids continue after the largest given; the limit is a typed error", () => {
    const ids = new Map([
      ["a", 7],
      ["b", 3],
    ]);
    const names = new Set<string>();
    expect(categoryIdFor("c", ids, names)).toBe(8);
    ids.set("d", 20); // added by someone else: the next id is found again
    expect(categoryIdFor("e", ids, names)).toBe(21);
    expect([...names]).toEqual(["c", "e"]);
    // A map that says it is full, instead of allocating a million entries.
    const full = new Map([["n", 1]]);
    Object.defineProperty(full, "size", { get: () => MAX_CATEGORIES });
    const error = (() => {
      try {
        categoryIdFor("one more", full, new Set(), { file: "x.xml" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CategoryLimitError);
    expect((error as CategoryLimitError).limit).toBe(MAX_CATEGORIES);
    expect((error as Error).message).toMatch(/file x\.xml/);
  });
});

describe("yoloLines", () => {
  it("numbers each non-blank line by its place in the file, CRLF or LF", () => {
    expect(yoloLines("0 0.5 0.5 0.2 0.4\r\n\n  \n1 0.1 0.1 0.1 0.1\n", "a.txt")).toEqual([
      { item: "line 1", values: [0, 0.5, 0.5, 0.2, 0.4] },
      { item: "line 4", values: [1, 0.1, 0.1, 0.1, 0.1] },
    ]);
  });

  it("names the file and line of a value that is not a plain decimal", () => {
    expect(() => yoloLines("0 0.5\n0 0x1A", "a.txt")).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('not a number: "0x1A"'),
        file: "a.txt",
        item: "line 2",
      }),
    );
  });
});
