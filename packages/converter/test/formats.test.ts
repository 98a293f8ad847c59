// YOLO, Pascal VOC, labelme, index PNG and COCO panoptic, with the FastLabel quirks they fix (COCO instance:
// formats-coco.test.ts).
import { decodePng } from "@segments-ts/bitmap";
import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { fromCocoPanoptic, toCocoPanoptic } from "../src/formats/coco-panoptic.js";
import { fromIndexPng, renderIndexImage, toIndexPng } from "../src/formats/index-png.js";
import { fromLabelme, toLabelme } from "../src/formats/labelme.js";
import { fromVoc, toVoc } from "../src/formats/voc.js";
import { toYolo } from "../src/formats/yolo.js";
import { fromYolo, parseYolo } from "../src/formats/yolo-import.js";
import type { ImageVectorAnnotation } from "../src/types.js";
import { cats, holeBitmapImage, vectorImage } from "./format-fixtures.js";

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
