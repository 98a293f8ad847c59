import { decodePng } from "@segments-ts/bitmap";
import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { fromCocoInstance, toCocoInstance } from "../src/formats/coco/index.js";
import { fromCocoPanoptic, toCocoPanoptic } from "../src/formats/coco-panoptic.js";
import { fromIndexPng, renderIndexImage, toIndexPng } from "../src/formats/index-png.js";
import { fromLabelme, toLabelme } from "../src/formats/labelme.js";
import { fromVoc, toVoc } from "../src/formats/voc.js";
import { toYolo } from "../src/formats/yolo.js";
import { fromYolo, parseYolo } from "../src/formats/yolo-import.js";
import { area, decode, type Rle } from "../src/rle/index.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

const cats: Category[] = [
  { id: 1, name: "dog", color: [255, 0, 0] },
  { id: 2, name: "cat", color: [0, 255, 0] },
  { id: 3, name: "bird", color: [0, 0, 255] },
];

function vectorImage(annotations: ImageVectorAnnotation[], width = 200, height = 100): LabeledImage {
  return { name: "dir/img1.jpg", width, height, vector: { annotations } };
}

/** 20x20 square with a 5x5 hole (instance 1) and a 10x10 second region (instance 1), on a 40x40 bitmap. */
function holeBitmapImage(): LabeledImage {
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

describe("COCO instance export (FastLabel quirks 1-7 fixed)", () => {
  it("keeps exact bbox values, positive areas for inverted boxes, and tiny boxes (quirks 1, 3, 7)", () => {
    const { value } = toCocoInstance(
      [
        vectorImage([
          {
            id: 1,
            category_id: 1,
            type: "bbox",
            points: [
              [10.5, 5],
              [50.123456789, 20],
            ],
          },
          {
            id: 2,
            category_id: 2,
            type: "bbox",
            points: [
              [50, 10],
              [10, 40],
            ],
          },
          {
            id: 3,
            category_id: 3,
            type: "bbox",
            points: [
              [10.2, 10.2],
              [10.9, 10.9],
            ],
          },
        ]),
      ],
      cats,
    );
    expect(value.annotations[0]?.bbox).toEqual([10.5, 5, 50.123456789 - 10.5, 15]);
    expect(value.annotations[1]?.bbox).toEqual([10, 10, 40, 30]);
    expect(value.annotations[1]?.area).toBe(1200);
    expect(value.annotations).toHaveLength(3);
  });

  it("keeps holes and every region, with the true pixel area (quirk 2)", () => {
    const { value } = toCocoInstance([holeBitmapImage()], cats);
    const seg = value.annotations[0]?.segmentation as Rle;
    expect(area(seg)).toBe(400 - 25 + 100);
    expect(value.annotations[0]?.area).toBe(475);
    expect(decode(seg).data[7 * 40 + 7]).toBe(0);
    expect(value.annotations[1]?.iscrowd).toBe(1);
    // polygon mode falls back to RLE for the instance with a hole only
    const poly = toCocoInstance([holeBitmapImage()], cats, { bitmapSegmentation: "polygon" }).value;
    expect(Array.isArray(poly.annotations[0]?.segmentation)).toBe(false);
  });

  it("gives every category its own colour and keeps all categories (quirks 4, 5)", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `c${i}`, color: [i, i, i] }));
    const { value } = toCocoInstance([], many);
    expect(value.categories).toHaveLength(12);
    expect(new Set(value.categories.map((c) => JSON.stringify(c.color))).size).toBe(12);
  });

  it("writes a valid 4-number bbox for points and warns (not drops silently) on polylines (quirk 6)", () => {
    const { value, warnings } = toCocoInstance(
      [
        vectorImage([
          { id: 1, category_id: 1, type: "point", points: [[3, 4]] },
          {
            id: 2,
            category_id: 1,
            type: "polyline",
            points: [
              [0, 0],
              [5, 5],
            ],
          },
        ]),
      ],
      cats,
    );
    expect(value.annotations[0]?.bbox).toEqual([3, 4, 0, 0]);
    expect(value.annotations[0]?.keypoints).toEqual([3, 4, 2]);
    expect(warnings.some((w) => w.item?.includes("annotation 2") && /polyline/.test(w.message))).toBe(true);
  });

  it("rejects NaN coordinates and unknown categories with a located error", () => {
    const bad = () =>
      toCocoInstance(
        [
          vectorImage([
            {
              id: 7,
              category_id: 1,
              type: "bbox",
              points: [
                [Number.NaN, 0],
                [1, 1],
              ],
            },
          ]),
        ],
        cats,
      );
    expect(bad).toThrow(ConversionError);
    try {
      bad();
    } catch (e) {
      expect((e as ConversionError).item).toContain("annotation 7");
      expect((e as ConversionError).field).toBe("points[0][0]");
    }
    expect(() =>
      toCocoInstance([vectorImage([{ id: 1, category_id: 9, type: "point", points: [[1, 1]] }])], cats),
    ).toThrow(/unknown category id 9/);
  });
});

describe("COCO instance import (quirk 15 fixed)", () => {
  it("round-trips our own export: boxes stay boxes, polygons stay polygons", () => {
    const anns: ImageVectorAnnotation[] = [
      {
        id: 1,
        category_id: 1,
        type: "bbox",
        points: [
          [10, 10],
          [50, 40],
        ],
      },
      {
        id: 2,
        category_id: 2,
        type: "polygon",
        points: [
          [0, 0],
          [10, 0],
          [5, 8],
        ],
      },
    ];
    const coco = toCocoInstance([vectorImage(anns)], cats).value;
    const back = fromCocoInstance(JSON.parse(JSON.stringify(coco))).value;
    expect(back.images[0]?.vector?.annotations.map((a) => [a.type, a.points])).toEqual(
      anns.map((a) => [a.type, a.points]),
    );
  });

  it("reads crowd RLE (uncompressed counts) and keeps holes in segmentation target", () => {
    const coco = toCocoInstance([holeBitmapImage()], cats).value;
    const bitmap = fromCocoInstance(coco, { target: "segmentation" }).value.images[0];
    expect(bitmap?.segmentation?.bitmap.data).toEqual(holeBitmapImage().segmentation?.bitmap.data);
    expect(bitmap?.segmentation?.annotations[1]?.attributes).toEqual({ iscrowd: true });
    const crowd = {
      images: [{ id: 1, file_name: "a.jpg", width: 3, height: 3 }],
      categories: [{ id: 1, name: "people" }],
      annotations: [
        {
          id: 5,
          image_id: 1,
          category_id: 1,
          iscrowd: 1,
          bbox: [0, 0, 3, 3],
          area: 9,
          segmentation: { size: [3, 3], counts: [0, 9] },
        },
      ],
    };
    const { value, warnings } = fromCocoInstance(crowd);
    expect(value.images[0]?.vector?.annotations[0]).toMatchObject({
      type: "polygon",
      points: [
        [0, 0],
        [3, 0],
        [3, 3],
        [0, 3],
      ],
      attributes: { iscrowd: true },
    });
    expect(warnings[0]?.message).toMatch(/RLE mask traced/);
  });

  it("names the file and annotation for a missing image, unknown category, bad bbox", () => {
    const base = {
      images: [{ id: 1, file_name: "a.jpg", width: 10, height: 10 }],
      categories: [{ id: 1, name: "x" }],
    };
    const err = (annotations: unknown[]) => {
      try {
        fromCocoInstance({ ...base, annotations }, { file: "instances.json" });
      } catch (e) {
        return e as ConversionError;
      }
      throw new Error("expected an error");
    };
    const missing = err([{ id: 3, image_id: 2, category_id: 1, bbox: [0, 0, 1, 1] }]);
    expect([missing.file, missing.item, missing.field]).toEqual([
      "instances.json",
      "annotation 3",
      "image_id",
    ]);
    expect(err([{ id: 4, image_id: 1, category_id: 8, bbox: [0, 0, 1, 1] }]).field).toBe("category_id");
    expect(err([{ id: 5, image_id: 1, category_id: 1, bbox: [0, 0, -1, 1] }]).field).toBe("bbox");
    expect(err([{ id: 6, image_id: 1, category_id: 1, segmentation: [[0, 0, 1]] }]).field).toBe(
      "segmentation[0]",
    );
    expect(() => fromCocoInstance("nope", { file: "f.json" })).toThrow(ConversionError);
    const { warnings } = fromCocoInstance({
      ...base,
      annotations: [{ id: 9, image_id: 1, category_id: 1, bbox: [5, 5, 20, 1] }],
    });
    expect(warnings[0]?.item).toContain("annotation 9");
  });
});

describe("YOLO (quirks 8-11, 16 fixed)", () => {
  it("classes.txt always matches the indices, even in a custom order (quirk 8)", () => {
    const { value } = toYolo(
      [
        vectorImage([
          {
            id: 1,
            category_id: 1,
            type: "bbox",
            points: [
              [80, 30],
              [120, 70],
            ],
          },
        ]),
      ],
      cats,
      { classes: [1, 2, 3].reverse() },
    );
    expect(value.classesTxt).toBe("bird\ncat\ndog\n");
    expect(value.files.get("dir/img1.txt")).toBe("2 0.500000 0.500000 0.200000 0.400000\n");
  });

  it("writes one line per region and does not export holes as polygons (quirk 9)", () => {
    const { value, warnings } = toYolo([holeBitmapImage()], cats, { mode: "segment" });
    const lines = (value.files.get("bm.txt") ?? "").trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("0 0.000000 0.000000 0.500000 0.000000 0.500000 0.500000 0.000000 0.500000");
    expect(warnings.some((w) => /hole/.test(w.message))).toBe(true);
  });

  it("zero-sized images raise a ConversionError naming the image (quirk 10); fixed-point numbers (quirk 11)", () => {
    expect(() => toYolo([vectorImage([], 0, 10)], cats)).toThrow(/image dir\/img1.jpg/);
    const { value } = toYolo(
      [
        vectorImage(
          [
            {
              id: 1,
              category_id: 1,
              type: "bbox",
              points: [
                [0, 0],
                [0.01, 0.01],
              ],
            },
          ],
          200,
          100,
        ),
      ],
      cats,
    );
    expect(value.files.get("dir/img1.txt")).toBe("0 0.000025 0.000050 0.000050 0.000100\n");
  });

  it("imports boxes and polygons; orphan label files and bad lines are typed errors (quirk 16)", () => {
    expect(
      parseYolo("0 0.5 0.5 0.2 0.4\n\n1  0 0 1 0 1 1\n", {
        file: "a.txt",
        width: 200,
        height: 100,
        classCount: 2,
      }),
    ).toEqual([
      {
        id: 1,
        category_id: 1,
        type: "bbox",
        points: [
          [80, 30],
          [120, 70],
        ],
      },
      {
        id: 2,
        category_id: 2,
        type: "polygon",
        points: [
          [0, 0],
          [200, 0],
          [200, 100],
        ],
      },
    ]);
    const images = [{ name: "A.JPG", width: 10, height: 10 }];
    const ok = fromYolo(
      new Map([
        ["a.txt", "0 0.5 0.5 1 1"],
        ["classes.txt", "cat"],
      ]),
      images,
      "cat\n",
    );
    expect(ok.value.images[0]?.vector?.annotations).toHaveLength(1);
    expect(() => fromYolo(new Map([["b.txt", "0 0.5 0.5 1 1"]]), images, "cat\n")).toThrow(
      /no matching image/,
    );
    expect(() => parseYolo("3 0.5 0.5 1 1", { file: "a.txt", width: 1, height: 1, classCount: 1 })).toThrow(
      /line 1/,
    );
    expect(() => parseYolo("0 0.5 x 1 1", { file: "a.txt", width: 1, height: 1, classCount: 1 })).toThrow(
      ConversionError,
    );
  });
});

describe("Pascal VOC (quirks 12, 17 fixed)", () => {
  it("rounds (not floors), has a declaration and keeps flags", () => {
    const { value } = toVoc(
      vectorImage([
        {
          id: 1,
          category_id: 2,
          type: "bbox",
          points: [
            [10.6, 20],
            [49.7, 60],
          ],
          attributes: { truncated: true },
        },
      ]),
      cats,
    );
    expect(value.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(value).toContain("<xmin>11</xmin>");
    expect(value).toContain("<xmax>50</xmax>");
    expect(value).toContain("<truncated>1</truncated>");
    const back = fromVoc(value, { categoryIds: new Map([["cat", 2]]) }).value;
    expect(back.image.vector?.annotations[0]).toMatchObject({
      category_id: 2,
      points: [
        [11, 20],
        [50, 60],
      ],
      attributes: { truncated: true },
    });
  });

  it("accepts decimals, reads bndbox children by name, and files without objects", () => {
    const xml = `<annotation><filename>a.jpg</filename><size><width>100</width><height>50</height><depth>3</depth></size>
      <object><name>dog</name><bndbox><ymin>2.5</ymin><xmin>12.5</xmin><xmax>20</xmax><ymax>30</ymax></bndbox></object></annotation>`;
    const { value } = fromVoc(xml);
    expect(value.image.vector?.annotations[0]?.points).toEqual([
      [12.5, 2.5],
      [20, 30],
    ]);
    expect(value.names).toEqual(["dog"]);
    const empty = fromVoc(
      "<annotation><filename>b.jpg</filename><size><width>1</width><height>1</height></size></annotation>",
    );
    expect(empty.value.image.vector?.annotations).toEqual([]);
    expect(() => fromVoc("<annotation><size>", { file: "bad.xml" })).toThrow(/bad.xml/);
    expect(() => fromVoc(xml.replace("12.5", "abc"), { file: "x.xml" })).toThrow(/bndbox.xmin/);
  });

  it("imports a 0x0 <size> (written by tools that did not know it) with a warning, boxes unchecked", () => {
    const xml = `<annotation><filename>c.jpg</filename><size><width>0</width><height>0</height></size>
      <object><name>cat</name><bndbox><xmin>5</xmin><ymin>6</ymin><xmax>50</xmax><ymax>60</ymax></bndbox></object></annotation>`;
    const { value, warnings } = fromVoc(xml, { file: "c.xml" });
    expect(value.image).toMatchObject({ name: "c.jpg", width: 0, height: 0 });
    expect(value.image.vector?.annotations).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ file: "c.xml", field: "size" })]);
  });
});

describe("labelme (quirks 13, 18 fixed)", () => {
  it("exports every region of an instance (quirk 13) and normalises rectangles on import", () => {
    const { value } = toLabelme(holeBitmapImage(), cats);
    expect(value.shapes.filter((s) => s.label === "dog")).toHaveLength(2);
    const doc = {
      imagePath: "a.jpg",
      imageWidth: 10,
      imageHeight: 10,
      shapes: [
        {
          label: "dog",
          shape_type: "rectangle",
          points: [
            [8, 9],
            [2, 1],
          ],
        },
      ],
    };
    expect(fromLabelme(doc).value.image.vector?.annotations[0]?.points).toEqual([
      [2, 1],
      [8, 9],
    ]);
  });

  it("raises a clear error on unsupported shapes (quirk 18) and bad JSON", () => {
    const doc = {
      imagePath: "a.jpg",
      imageWidth: 10,
      imageHeight: 10,
      shapes: [
        {
          label: "x",
          shape_type: "cuboid",
          points: [
            [1, 1],
            [2, 2],
          ],
        },
      ],
    };
    expect(() => fromLabelme(doc, { file: "a.json" })).toThrow(
      /unsupported shape_type "cuboid".*a\.json.*shape 0/,
    );
    expect(() => fromLabelme("{", { file: "b.json" })).toThrow(/invalid JSON.*b\.json/);
  });
});

describe("index PNG (quirk 14 fixed) and panoptic", () => {
  it("overlaps take the later index instead of OR-ing, and the PNG is 8-bit palette", () => {
    const image = vectorImage(
      [
        {
          id: 1,
          category_id: 1,
          type: "bbox",
          points: [
            [0, 0],
            [4, 4],
          ],
        },
        {
          id: 2,
          category_id: 2,
          type: "polygon",
          points: [
            [2, 2],
            [6, 2],
            [6, 6],
            [2, 6],
          ],
        },
      ],
      8,
      8,
    );
    const { value } = renderIndexImage(image, cats);
    expect(value.data[3 * 8 + 3]).toBe(2); // FastLabel: 1 | 2 = 3
    expect(value.data[0]).toBe(1);
    const png = decodePng(toIndexPng(image, cats).value);
    expect([png.colorType, png.bitDepth]).toEqual(["palette", 8]);
    expect(png.data[3 * 8 + 3]).toBe(2);
    const semantic = renderIndexImage(image, cats, { mode: "semantic", classes: [2, 1] }).value;
    expect(semantic.data[0]).toBe(2);
  });

  it("handles more than 255 instances with a 16-bit PNG", () => {
    const annotations: ImageVectorAnnotation[] = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      category_id: 1,
      type: "bbox",
      points: [
        [i, 0],
        [i + 1, 1],
      ],
    }));
    const { value, warnings } = toIndexPng(vectorImage(annotations, 300, 1), cats);
    const png = decodePng(value);
    expect(png.bitDepth).toBe(16);
    expect(png.data[299]).toBe(300);
    expect(warnings[0]?.message).toMatch(/16-bit/);
    const back = fromIndexPng(value, { name: "x.png", categoryOf: () => 1 });
    expect(back.segmentation?.annotations).toHaveLength(300);
  });

  it("panoptic PNG round-trips ids and segments_info", () => {
    const image = holeBitmapImage();
    const { value } = toCocoPanoptic(image, 1, "bm_panoptic.png", cats);
    expect(value.annotation.segments_info).toEqual([
      { id: 1, category_id: 1, bbox: [0, 0, 35, 20], area: 475, iscrowd: 0 },
      { id: 2, category_id: 2, bbox: [30, 30, 5, 5], area: 25, iscrowd: 1 },
    ]);
    const back = fromCocoPanoptic(value.png, value.annotation, { name: "bm.png" });
    expect(back.segmentation?.bitmap.data).toEqual(image.segmentation?.bitmap.data);
  });
});
