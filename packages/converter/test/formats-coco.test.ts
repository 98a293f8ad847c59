// COCO instance export and import, with the FastLabel quirks they fix (the other formats: formats.test.ts).
import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { fromCocoInstance, toCocoInstance } from "../src/formats/coco/index.js";
import { area, decode, type Rle } from "../src/rle/index.js";
import type { ImageVectorAnnotation } from "../src/types.js";
import { cats, holeBitmapImage, vectorImage } from "./format-fixtures.js";

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
