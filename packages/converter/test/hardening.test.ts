/**
 * Malformed and oversized input: every importer answers with a ConversionError naming the file, the item and the
 * field (never a TypeError / RangeError), and sizes declared in the input are checked against `maxPixels` before
 * anything is allocated. Each table row is one input a user could hand us.
 */
import { encodePng } from "@segments-ts/bitmap";
import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { fromCocoInstance } from "../src/formats/coco/index.js";
import { fromCocoPanoptic, type PanopticAnnotation } from "../src/formats/coco-panoptic.js";
import { fromIndexPng, renderIndexImage } from "../src/formats/index-png.js";
import { fromLabelme } from "../src/formats/labelme.js";
import { fromVoc } from "../src/formats/voc.js";
import { fromYolo, parseYolo } from "../src/formats/yolo-import.js";
import { DEFAULT_MAX_PIXELS } from "../src/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import { decode, frPolyCounts } from "../src/rle/index.js";
import type { ReleaseFile } from "../src/types.js";

/** Runs `fn` and returns the ConversionError it throws; fails the test on success or any other error. */
function conversionError(fn: () => unknown): ConversionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConversionError) return error;
    throw new Error(`expected a ConversionError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected a ConversionError, but the conversion succeeded");
}

interface Expected {
  file?: string | undefined;
  item?: RegExp;
  field?: string | RegExp;
  message?: RegExp;
}

function expectLocated(error: ConversionError, expected: Expected): void {
  if ("file" in expected) expect(error.file).toBe(expected.file);
  if (expected.item) expect(error.item).toMatch(expected.item);
  if (typeof expected.field === "string") expect(error.field).toBe(expected.field);
  else if (expected.field) expect(error.field).toMatch(expected.field);
  if (expected.message) expect(error.message).toMatch(expected.message);
}

const coco = (
  image: Record<string, unknown>,
  annotation: Record<string, unknown> = {},
): Record<string, unknown> => ({
  images: [{ id: 7, file_name: "a.jpg", width: 40, height: 30, ...image }],
  categories: [{ id: 1, name: "cat" }],
  annotations: [
    { id: 3, image_id: 7, category_id: 1, bbox: [0, 0, 4, 4], area: 16, iscrowd: 0, ...annotation },
  ],
});

describe("maxPixels", () => {
  it("defaults to the PNG decoder's limit, 2^28", () => {
    expect(DEFAULT_MAX_PIXELS).toBe(2 ** 28);
  });

  const cases: {
    name: string;
    run: () => unknown;
    expected: Expected;
  }[] = [
    {
      name: "COCO image of 200,000 x 200,000 pixels, target segmentation",
      run: () =>
        fromCocoInstance(coco({ width: 200_000, height: 200_000 }), {
          target: "segmentation",
          file: "instances.json",
        }),
      expected: {
        file: "instances.json",
        item: /image a\.jpg \(id 7\)/,
        field: "width, height",
        message: /200000x200000 = 40000000000 pixels.*maxPixels/,
      },
    },
    {
      name: "COCO image over a lowered maxPixels, target segmentation",
      run: () => fromCocoInstance(coco({}), { target: "segmentation", file: "i.json", maxPixels: 1000 }),
      expected: { file: "i.json", item: /id 7/, field: "width, height", message: /1200 pixels.*1000/ },
    },
    {
      name: "30-byte RLE claiming 60,000 x 60,000 pixels, target vector",
      run: () =>
        fromCocoInstance(
          coco(
            { width: 60_000, height: 60_000 },
            { iscrowd: 1, segmentation: { size: [60_000, 60_000], counts: [0, 10, 60_000 * 60_000 - 10] } },
          ),
          { file: "i.json" },
        ),
      expected: { file: "i.json", item: /annotation 3/, field: "segmentation.size", message: /RLE mask/ },
    },
    {
      name: "RLE decoded on its own",
      run: () => decode({ size: [30_000, 30_000], counts: "0" }),
      expected: { field: "segmentation.size", message: /maxPixels/ },
    },
    {
      name: "index image rendered from a declared size",
      run: () =>
        renderIndexImage({ name: "big.jpg", width: 1e6, height: 1e6, vector: { annotations: [] } }, []),
      expected: { item: /image big\.jpg/, field: "width, height", message: /maxPixels/ },
    },
    {
      name: "index PNG over maxPixels",
      run: () =>
        fromIndexPng(encodePng({ width: 20, height: 20, data: new Uint8Array(400), colorType: "gray" }), {
          name: "m.png",
          categoryOf: () => 1,
          maxPixels: 100,
        }),
      expected: { file: "m.png", field: "width, height", message: /400 pixels.*maxPixels/ },
    },
    {
      name: "panoptic PNG over maxPixels",
      run: () =>
        fromCocoPanoptic(
          encodePng({ width: 20, height: 20, data: new Uint8Array(1200), colorType: "rgb" }),
          { image_id: 1, file_name: "p.png", segments_info: [] },
          { name: "a.jpg", maxPixels: 100 },
        ),
      expected: { file: "p.png", field: "width, height", message: /maxPixels/ },
    },
    {
      name: "a maxPixels that is not a positive number",
      run: () => fromCocoInstance(coco({}), { maxPixels: -1 }),
      expected: { field: "maxPixels" },
    },
  ];
  it.each(cases)("$name: ConversionError, fast", ({ run, expected }) => {
    const started = performance.now();
    expectLocated(conversionError(run), expected);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("a raised maxPixels lets a large image through", () => {
    const { value } = fromCocoInstance(coco({}), { target: "segmentation", maxPixels: 1200 });
    expect(value.images[0]?.segmentation?.bitmap.data.length).toBe(1200);
  });
});

describe("COCO: malformed items are located ConversionErrors", () => {
  const cases: { name: string; input: unknown; target?: "vector" | "segmentation"; expected: Expected }[] = [
    { name: "zero width", input: coco({ width: 0 }), expected: { item: /image a\.jpg/, field: "width" } },
    { name: "fractional height", input: coco({ height: 1.5 }), expected: { field: "height" } },
    {
      name: "image_id whose toString is not a function",
      input: coco({}, { image_id: { toString: "" } }),
      expected: { item: /annotation 3/, field: "image_id" },
    },
    {
      name: "polygon vertex far outside the image",
      input: coco({}, { segmentation: [[0, 0, 1e9, 0, 0, 1e9]] }),
      target: "segmentation",
      expected: { item: /annotation 3/, field: "segmentation", message: /too long|too large/ },
    },
    {
      name: "RLE counts that do not add up",
      input: coco({}, { iscrowd: 1, segmentation: { size: [30, 40], counts: [0, 5] } }),
      expected: { file: "i.json", item: /annotation 3/, field: /counts/ },
    },
    {
      name: "RLE with a bad counts string (target segmentation)",
      input: coco({}, { iscrowd: 1, segmentation: { size: [30, 40], counts: "\u0001" } }),
      target: "segmentation",
      expected: { file: "i.json", item: /annotation 3/, field: /counts/ },
    },
    {
      name: "RLE whose size is not the image's",
      input: coco({}, { iscrowd: 1, segmentation: { size: [3, 4], counts: [12] } }),
      expected: { file: "i.json", item: /annotation 3/, field: "segmentation.size" },
    },
  ];
  it.each(cases)("$name", ({ input, target, expected }) => {
    expectLocated(
      conversionError(() => fromCocoInstance(input, { file: "i.json", target })),
      expected,
    );
  });
});

describe("labelme: every malformed shape is a located ConversionError", () => {
  const doc = (shapes: unknown[]) => ({ imagePath: "a.jpg", imageWidth: 4, imageHeight: 4, shapes });
  const cases: { name: string; input: unknown; expected: Expected }[] = [
    {
      name: "null shape",
      input: doc([null]),
      expected: { item: /shape 0/, field: "shapes[0]", message: /null/ },
    },
    { name: "number shape", input: doc([5]), expected: { item: /shape 0/, field: "shapes[0]" } },
    { name: "array shape", input: doc([[1, 2]]), expected: { field: "shapes[0]", message: /an array/ } },
    {
      name: "null after a good shape",
      input: doc([{ label: "a", points: [[1, 1]], shape_type: "point" }, null]),
      expected: { item: /shape 1/, field: "shapes[1]" },
    },
    { name: "document that is an array", input: [], expected: { message: /JSON object, got an array/ } },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expectLocated(
      conversionError(() => fromLabelme(input, { file: "a.json" })),
      { file: "a.json", ...expected },
    );
  });
});

describe("panoptic, YOLO, VOC, index PNG: malformed input", () => {
  // pixel 0 holds segment 1 (R = 1), the rest is void
  const png = encodePng({
    width: 2,
    height: 2,
    data: Uint8Array.of(1, 0, 0, ...new Array(9).fill(0)),
    colorType: "rgb",
  });
  const panoptic = (annotation: unknown) => () =>
    fromCocoPanoptic(png, annotation as PanopticAnnotation, { name: "a.jpg" });
  const cases: { name: string; run: () => unknown; expected: Expected }[] = [
    { name: "panoptic annotation null", run: panoptic(null), expected: { item: /image a\.jpg/ } },
    {
      name: "panoptic segments_info missing",
      run: panoptic({ file_name: "p.png" }),
      expected: { file: "p.png", field: "segments_info" },
    },
    {
      name: "panoptic segment null",
      run: panoptic({ file_name: "p.png", segments_info: [null] }),
      expected: { file: "p.png", item: /segment #0/, field: "segments_info[0]" },
    },
    {
      name: "panoptic segment id not an integer",
      run: panoptic({ file_name: "p.png", segments_info: [{ id: "x", category_id: 1 }] }),
      expected: { item: /segment #0/, field: "id" },
    },
    {
      name: "panoptic segment listed twice",
      run: panoptic({
        file_name: "p.png",
        segments_info: [
          { id: 1, category_id: 1 },
          { id: 1, category_id: 1 },
        ],
      }),
      expected: { item: /segment 1/, field: "id" },
    },
    {
      name: "panoptic PNG not bytes",
      run: () =>
        fromCocoPanoptic(
          "nope" as unknown as Uint8Array,
          { image_id: 1, file_name: "p.png", segments_info: [] },
          { name: "a.jpg" },
        ),
      expected: { file: "p.png", message: /invalid PNG/ },
    },
    {
      name: "index PNG not bytes",
      run: () => fromIndexPng(null as unknown as Uint8Array, { name: "m.png", categoryOf: () => 1 }),
      expected: { file: "m.png", message: /invalid PNG/ },
    },
    {
      name: "YOLO image entry null",
      run: () =>
        fromYolo(new Map(), [null as unknown as { name: string; width: number; height: number }], "a\n"),
      expected: { item: /images\[0\]/, field: "name" },
    },
    {
      name: "YOLO image entry of zero width",
      run: () => fromYolo(new Map(), [{ name: "a.jpg", width: 0, height: 4 }], "a\n"),
      expected: { item: /image a\.jpg/, field: "width" },
    },
    {
      name: "YOLO classes.txt not text",
      run: () => fromYolo(new Map(), [], 5 as unknown as string),
      expected: { file: "classes.txt" },
    },
    {
      name: "YOLO label text null",
      run: () => parseYolo(null as unknown as string, { file: "a.txt", width: 4, height: 4, classCount: 1 }),
      expected: { file: "a.txt", message: /text/ },
    },
    {
      name: "VOC width 0",
      run: () =>
        fromVoc("<annotation><size><width>0</width><height>3</height></size></annotation>", {
          file: "a.xml",
        }),
      expected: { file: "a.xml", field: "width" },
    },
    {
      name: "VOC fractional height",
      run: () =>
        fromVoc("<annotation><size><width>4</width><height>2.5</height></size></annotation>", {
          file: "a.xml",
        }),
      expected: { file: "a.xml", field: "height" },
    },
  ];
  it.each(cases)("$name", ({ run, expected }) => {
    expectLocated(conversionError(run), expected);
  });
});

describe("release loader: malformed samples are located ConversionErrors", () => {
  const release = (samples: unknown[], labelsets: unknown[] = [{ name: "ground-truth" }]) =>
    ({
      name: "v1",
      dataset: { name: "d", owner: "o", task_type: "vector", labelsets, samples },
    }) as unknown as ReleaseFile;
  const good = { uuid: "u", name: "a.jpg", attributes: { image: { url: "http://x/a.jpg" } }, labels: {} };
  const cases: { name: string; input: ReleaseFile; expected: Expected }[] = [
    { name: "sample null", input: release([null]), expected: { item: /sample #0/, field: "samples" } },
    {
      name: "name a number",
      input: release([{ ...good, name: 5 }]),
      expected: { item: /#0/, field: "name" },
    },
    {
      name: "attributes a string",
      input: release([{ ...good, attributes: "x" }]),
      expected: { field: "attributes" },
    },
    {
      name: "image a string",
      input: release([{ ...good, attributes: { image: "x" } }]),
      expected: { field: "attributes.image" },
    },
    {
      name: "label_status a number",
      input: release([{ ...good, labels: { "ground-truth": { label_status: 3 } } }]),
      expected: { field: "labels.ground-truth.label_status" },
    },
    {
      name: "label a string",
      input: release([good, { ...good, labels: { "ground-truth": "x" } }]),
      expected: { item: /sample #1/, field: "labels.ground-truth" },
    },
    { name: "labelset null", input: release([good], [null]), expected: { field: "dataset.labelsets[0]" } },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expectLocated(
      conversionError(() => new SegmentsDataset(input)),
      expected,
    );
  });

  it("a sample with null attributes or a malformed image URL still loads", () => {
    const dataset = new SegmentsDataset(
      release([
        { ...good, attributes: null },
        { ...good, uuid: "v", attributes: { image: { url: "http://[" } } },
      ]),
    );
    expect(dataset.samples.map((s) => s.fileName)).toEqual(["a", "a"]);
  });
});

describe("polygon rasterisation bounds", () => {
  it("refuses an outline that would take billions of steps, and keeps in-image polygons exact", () => {
    const started = performance.now();
    expect(() => frPolyCounts([0, 0, 4e8, 0, 0, 4e8], 30, 40)).toThrow(ConversionError);
    expect(() => frPolyCounts([0, 0, 1e12, 0, 0, 1], 30, 40)).toThrow(/too large/);
    expect(performance.now() - started).toBeLessThan(100);
    // vertices an image size outside are still rasterised (clipped), as pycocotools does
    expect(frPolyCounts([-40, -30, 80, -30, 80, 60, -40, 60], 30, 40)).toEqual([0, 1200]);
  });
});
