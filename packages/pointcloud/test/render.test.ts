import { decodePng, instanceColor } from "@segments-ts/bitmap";
import type { Label } from "@segments-ts/client";
import { describe, expect, test } from "vitest";
import { PointcloudInputError, renderLabel, renderLabelPng } from "../src/index.ts";

const W = 60;
const H = 40;
const white = () => ({ width: W, height: H, data: new Uint8Array(W * H * 4).fill(255) });
const categories = [
  { id: 1, name: "car", color: [255, 0, 0] as [number, number, number] },
  { id: 2, name: "tree", color: [0, 0, 255] as [number, number, number] },
];
const px = (image: { data: Uint8Array }, x: number, y: number) =>
  Array.from(image.data.subarray(4 * (y * W + x), 4 * (y * W + x) + 4));
const RED = [255, 0, 0, 255];
const WHITE = [255, 255, 255, 255];
const half = (c: number) => Math.round(255 * 0.5 + c * 0.5);

describe("renderLabel: vector labels", () => {
  test("a bbox: its outline in the category colour, inside and outside untouched", () => {
    const label = {
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "bbox" as const,
          points: [
            [10, 10],
            [30, 20],
          ],
        },
      ],
    };
    const out = renderLabel(white(), label, categories, { names: false, lineWidth: 1 });
    expect(px(out, 10, 10)).toEqual(RED);
    expect(px(out, 20, 10)).toEqual(RED); // top edge
    expect(px(out, 30, 15)).toEqual(RED); // right edge
    expect(px(out, 20, 15)).toEqual(WHITE);
    expect(px(out, 40, 30)).toEqual(WHITE);
  });

  test("a polygon: filled at alpha over the image (pixel centres inside), outlined", () => {
    const label = {
      annotations: [
        {
          id: 1,
          category_id: 2,
          type: "polygon" as const,
          points: [
            [10, 5],
            [50, 5],
            [50, 35],
            [10, 35],
          ],
        },
      ],
    };
    const out = renderLabel(white(), label, categories, { names: false, alpha: 0.5, lineWidth: 1 });
    expect(px(out, 30, 20)).toEqual([half(0), half(0), half(255), 255]);
    expect(px(out, 10, 20)).toEqual([0, 0, 255, 255]); // on the outline
    expect(px(out, 5, 20)).toEqual(WHITE);
    expect(px(out, 55, 20)).toEqual(WHITE);
  });

  test("a polyline is not closed; a point is a disc; keypoints of a sequence frame", () => {
    const polyline = {
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "polyline" as const,
          points: [
            [5, 5],
            [50, 5],
            [50, 35],
          ],
        },
      ],
    };
    const line = renderLabel(white(), polyline, categories, { names: false, lineWidth: 1 });
    expect([px(line, 30, 5), px(line, 50, 20)]).toEqual([RED, RED]);
    expect(px(line, 27, 20)).toEqual(WHITE); // the diagonal from (50, 35) back to (5, 5) is not drawn
    const sequence = {
      frames: [
        { annotations: [] },
        { annotations: [{ id: 1, category_id: 1, track_id: 1, type: "point" as const, points: [[20, 20]] }] },
      ],
    };
    expect(px(renderLabel(white(), sequence, categories, { names: false }), 20, 20)).toEqual(WHITE);
    const point = renderLabel(white(), sequence, categories, { names: false, frame: 1, lineWidth: 1 });
    expect([px(point, 20, 20), px(point, 19, 21)]).toEqual([RED, RED]);
    expect(px(point, 30, 30)).toEqual(WHITE);
  });

  test("names: a tag in the category colour with legible ink, above the box", () => {
    const label = {
      annotations: [
        {
          id: 1,
          category_id: 2,
          type: "bbox" as const,
          points: [
            [10, 20],
            [40, 35],
          ],
        },
      ],
    };
    const out = renderLabel(white(), label, categories, { lineWidth: 1 });
    // The tag is 7 pixels high at text scale 1: rows 13-19, starting at x = 10; its first glyph "T" has ink at
    // (11..13, 14) (white on blue), the tag's edge column 10 is background.
    expect(px(out, 10, 14)).toEqual([0, 0, 255, 255]);
    expect([px(out, 11, 14), px(out, 12, 14), px(out, 13, 14)]).toEqual([WHITE, WHITE, WHITE]);
    expect(px(out, 11, 15)).toEqual([0, 0, 255, 255]); // "T" has only its middle column below the bar
    expect(px(out, 12, 15)).toEqual(WHITE);
    const unnamed = renderLabel(white(), label, categories, { lineWidth: 1, names: false });
    expect(px(unnamed, 12, 14)).toEqual(WHITE);
  });

  test("a Label works like its attributes; the input image is not changed; PNG decodes to the same pixels", () => {
    const attributes = {
      annotations: [
        {
          id: 1,
          category_id: 9,
          type: "bbox" as const,
          points: [
            [0, 0],
            [10, 10],
          ],
        },
      ],
    };
    const label = { label_type: "bboxes", sample_uuid: "s", attributes } as unknown as Label;
    const image = white();
    const direct = renderLabel(image, attributes, categories);
    expect(Array.from(renderLabel(image, label, categories).data)).toEqual(Array.from(direct.data));
    expect(image.data.every((v) => v === 255)).toBe(true);
    expect(px(direct, 0, 5)).toEqual(instanceColor(9)); // category 9 has no colour
    const png = decodePng(renderLabelPng(image, attributes, categories));
    expect([png.width, png.height, png.colorType]).toEqual([W, H, "rgba"]);
    expect(Array.from(png.data)).toEqual(Array.from(direct.data));
  });
});

describe("renderLabel: segmentation labels", () => {
  const bitmap = { width: W, height: H, data: new Uint32Array(W * H) };
  for (let y = 10; y < 30; y++) for (let x = 20; x < 40; x++) bitmap.data[y * W + x] = 5;
  const label = {
    format_version: "0.1",
    annotations: [{ id: 5, category_id: 1 }],
    segmentation_bitmap: { url: "https://example.com/label.png" },
  };

  test("segments blended in their category's colour, named at their top-left corner", () => {
    const out = renderLabel(white(), label, categories, { bitmap, alpha: 0.5 });
    expect(px(out, 30, 25)).toEqual([255, half(0), half(0), 255]);
    expect(px(out, 10, 5)).toEqual(WHITE);
    // The tag "CAR" at (20, 10): background red, first glyph "C" inked from column 21.
    expect(px(out, 20, 10)).toEqual(RED);
    expect(px(out, 22, 11)).toEqual(WHITE);
  });

  test("a segmentation label without its bitmap, bad types and bad images are input errors", () => {
    expect(() => renderLabel(white(), label, categories)).toThrow(/needs its decoded bitmap/);
    const pointcloud = {
      label_type: "pointcloud-cuboid",
      attributes: { annotations: [] },
    } as unknown as Label;
    expect(() => renderLabel(white(), pointcloud, categories)).toThrow(
      expect.objectContaining({ code: "WRONG_TYPE", name: "PointcloudInputError" }),
    );
    const cuboids = {
      annotations: [{ id: 1, category_id: 1, type: "cuboid", position: { x: 0, y: 0, z: 0 } }],
    };
    expect(() => renderLabel(white(), cuboids as never, categories)).toThrow(/point cloud label attributes/);
    const circle = { annotations: [{ id: 1, category_id: 1, type: "circle", points: [[1, 1]] }] };
    expect(() => renderLabel(white(), circle as never, categories)).toThrow(/annotations\[0\]\.type/);
    expect(() => renderLabel({ width: 2, height: 2, data: new Uint8Array(3) }, label, categories)).toThrow(
      PointcloudInputError,
    );
    expect(() => renderLabel(white(), { frames: [] }, categories)).toThrow(/options\.frame/);
  });
});
