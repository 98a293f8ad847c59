/**
 * Keypoints end to end: COCO person keypoints import as one instance per annotation and export back in the shape
 * pycocotools' keypoint evaluation reads; YOLO pose both ways; a Segments keypoint label to and from both.
 *
 * One file, over 400 lines, because the three parts share the COCO person fixture (17 named keypoints, skeleton).
 */
import { describe, expect, it } from "vitest";
import { ConversionError, WarningCollector } from "../src/errors.js";
import { cocoInstanceJsonChunks, fromCocoInstance, toCocoInstance } from "../src/formats/coco/index.js";
import type { CocoAnnotation, CocoInstanceDataset } from "../src/formats/coco/types.js";
import { datasetFormat } from "../src/formats/dataset-formats.js";
import { groupKeypoints } from "../src/formats/keypoints.js";
import { toYoloPose } from "../src/formats/yolo-pose.js";
import { fromYoloPose, parseYoloPose, parseYoloPoseDataYaml } from "../src/formats/yolo-pose-import.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

/** COCO's person keypoints and skeleton (person_keypoints_*.json). */
const PERSON_KEYPOINTS = [
  "nose",
  "left_eye",
  "right_eye",
  "left_ear",
  "right_ear",
  "left_shoulder",
  "right_shoulder",
  "left_elbow",
  "right_elbow",
  "left_wrist",
  "right_wrist",
  "left_hip",
  "right_hip",
  "left_knee",
  "right_knee",
  "left_ankle",
  "right_ankle",
];
const SKELETON = [
  [16, 14],
  [14, 12],
  [17, 15],
  [15, 13],
  [12, 13],
  [6, 12],
  [7, 13],
  [6, 7],
  [6, 8],
  [7, 9],
  [8, 10],
  [9, 11],
  [2, 3],
  [1, 2],
  [1, 3],
  [2, 4],
  [3, 5],
  [4, 6],
  [5, 7],
];

/** 17 keypoints: placed ones at distinct positions, some occluded (v = 1), some not labeled (v = 0). */
function person(x0: number, y0: number, unlabeled: number[], occluded: number[]): number[] {
  return PERSON_KEYPOINTS.flatMap((_, i) => {
    if (unlabeled.includes(i)) return [0, 0, 0];
    return [x0 + (i % 4) * 7 + 0.5, y0 + i * 5.25, occluded.includes(i) ? 1 : 2];
  });
}

function personFile(): CocoInstanceDataset {
  return {
    images: [{ id: 1, file_name: "people.jpg", width: 640, height: 480 }],
    categories: [
      { id: 1, name: "person", supercategory: "person", keypoints: PERSON_KEYPOINTS, skeleton: SKELETON },
      { id: 2, name: "car", supercategory: "vehicle" },
    ],
    annotations: [
      {
        // a person with an outline: its polygon is its shape
        id: 11,
        image_id: 1,
        category_id: 1,
        iscrowd: 0,
        segmentation: [[100, 40, 160, 40, 170, 160, 150, 200, 95, 190]],
        bbox: [95, 40, 75, 160],
        area: 10350,
        keypoints: person(110, 50, [3, 4], [9]),
        num_keypoints: 15,
      },
      {
        // a person with a box and keypoints only
        id: 12,
        image_id: 1,
        category_id: 1,
        iscrowd: 0,
        segmentation: [],
        bbox: [300, 100, 60, 120],
        area: 7200,
        keypoints: person(305, 105, [0, 1, 2, 15, 16], []),
        num_keypoints: 12,
      },
      { id: 13, image_id: 1, category_id: 2, iscrowd: 0, bbox: [400, 300, 50, 40], area: 2000 },
    ],
  };
}

describe("COCO keypoints", () => {
  it("imports a person as one instance: its shape and its labeled keypoints share an instance", () => {
    const { value } = fromCocoInstance(personFile());
    const annotations = value.images[0]?.vector?.annotations ?? [];
    const first = annotations.filter((a) => a.attributes?.instance === 1);
    expect(first.map((a) => a.type)).toEqual(["polygon", ...Array(15).fill("point")]);
    expect(first[1]).toMatchObject({
      type: "point",
      points: [[110.5, 50]],
      attributes: { instance: 1, keypoint: "nose", visible: true },
    });
    expect(first.find((a) => a.attributes?.keypoint === "left_wrist")?.attributes?.visible).toBe(false);
    const second = annotations.filter((a) => a.attributes?.instance === 2);
    expect(second.map((a) => a.type)).toEqual(["bbox", ...Array(12).fill("point")]);
    // the car has no keypoints: no instance attribute
    expect(annotations.at(-1)).toEqual({
      id: annotations.length,
      category_id: 2,
      type: "bbox",
      points: [
        [400, 300],
        [450, 340],
      ],
    });
    expect(value.categories[0]).toMatchObject({ keypoints: PERSON_KEYPOINTS, skeleton: SKELETON });
  });

  it("exports what it imported: keypoints, num_keypoints, bbox, area, segmentation of each person", () => {
    const input = personFile();
    const { value } = fromCocoInstance(input);
    const { value: out } = toCocoInstance(value.images, value.categories);
    expect(out.annotations).toHaveLength(3);
    const [a, b, car] = out.annotations as [CocoAnnotation, CocoAnnotation, CocoAnnotation];
    const [ia, ib] = input.annotations as [CocoAnnotation, CocoAnnotation];
    for (const [got, want] of [
      [a, ia],
      [b, ib],
    ] as const) {
      expect(got.keypoints).toEqual(want.keypoints);
      expect(got.num_keypoints).toBe(want.num_keypoints);
      expect(got.bbox).toEqual(want.bbox);
      expect(got.area).toBe(want.area);
      expect(got.iscrowd).toBe(0);
    }
    expect(a.segmentation).toEqual(ia.segmentation);
    expect(b.segmentation).toEqual([[300, 100, 360, 100, 360, 220, 300, 220]]);
    expect(car.keypoints).toBeUndefined();
    expect(out.categories[0]).toMatchObject({ keypoints: PERSON_KEYPOINTS, skeleton: SKELETON });
  });

  it("writes the fields COCOeval(iouType='keypoints') reads, and scores our export against itself as OKS 1", () => {
    const { value } = fromCocoInstance(personFile());
    const { value: gt } = toCocoInstance(value.images, value.categories);
    checkCocoevalKeypointFields(gt);
    const people = gt.annotations.filter((a) => a.category_id === 1);
    const detections = people.map((a) => ({ ...a, score: 1 }));
    const oks = computeOks(people, detections);
    expect(oks[0]?.[0]).toBeCloseTo(1, 12);
    expect(oks[1]?.[1]).toBeCloseTo(1, 12);
    expect(oks[0]?.[1]).toBeLessThan(0.01);
  });

  it("gives a point-only instance the box of its keypoints as bbox and area, and a lone point segmentation []", () => {
    const categories: Category[] = [{ id: 1, name: "hand", keypoints: ["wrist", "thumb", "index"] }];
    const image: LabeledImage = {
      name: "h.jpg",
      width: 100,
      height: 100,
      vector: {
        annotations: [
          point(1, 1, 10, 20, { instance: 4, keypoint: "index", visible: true }),
          point(2, 1, 30, 60, { instance: 4, keypoint: "wrist", visible: false }),
          point(3, 1, 50, 50),
        ],
      },
    };
    const { value } = toCocoInstance([image], categories);
    expect(value.annotations[0]).toMatchObject({
      keypoints: [30, 60, 1, 0, 0, 0, 10, 20, 2],
      num_keypoints: 2,
      bbox: [10, 20, 20, 40],
      area: 800,
      segmentation: [],
      iscrowd: 0,
    });
    expect(value.annotations[1]).toMatchObject({
      segmentation: [],
      bbox: [50, 50, 0, 0],
      keypoints: [50, 50, 2],
    });
    // and back: the same three points, the instance kept
    const back = fromCocoInstance(value).value.images[0]?.vector?.annotations;
    expect(back?.filter((a) => a.attributes?.instance === 1).map((a) => a.attributes?.keypoint)).toEqual([
      "wrist",
      "index",
    ]);
  });

  it("refuses a keypoint the category does not name, or one placed twice, naming the annotation", () => {
    const categories: Category[] = [{ id: 1, name: "hand", keypoints: ["wrist"] }];
    const image = (annotations: ImageVectorAnnotation[]): LabeledImage => ({
      name: "h.jpg",
      width: 10,
      height: 10,
      vector: { annotations },
    });
    const unknown = () =>
      toCocoInstance([image([point(5, 1, 1, 1, { instance: 1, keypoint: "elbow" })])], categories);
    expect(unknown).toThrow(ConversionError);
    expect(unknown).toThrow(/"elbow" is not one of the category's keypoints/);
    try {
      unknown();
    } catch (error) {
      expect((error as ConversionError).item).toContain("annotation 5");
      expect((error as ConversionError).field).toBe("attributes.keypoint");
    }
    const twice = () =>
      toCocoInstance(
        [
          image([
            point(1, 1, 1, 1, { instance: 1, keypoint: "wrist" }),
            point(2, 1, 2, 2, { instance: 1, keypoint: "wrist" }),
          ]),
        ],
        categories,
      );
    expect(twice).toThrow(/placed twice/);
  });
});

/** Same ids, types, categories and attributes; coordinates equal to 1e-6 pixel (YOLO's 6 decimals of a size). */
function expectSameAnnotations(got: ImageVectorAnnotation[], want: ImageVectorAnnotation[]): void {
  const shape = (a: ImageVectorAnnotation) => [a.id, a.type, a.category_id, a.attributes ?? null];
  expect(got.map(shape)).toEqual(want.map(shape));
  got.forEach((a, i) => {
    const w = want[i]?.points.flat() ?? [];
    expect(a.points.flat()).toHaveLength(w.length);
    a.points.flat().forEach((v, j) => {
      expect(Math.abs(v - (w[j] as number))).toBeLessThan(1e-3);
    });
  });
}

function point(
  id: number,
  categoryId: number,
  x: number,
  y: number,
  attributes?: Record<string, string | number | boolean>,
): ImageVectorAnnotation {
  return {
    id,
    category_id: categoryId,
    type: "point",
    points: [[x, y]],
    ...(attributes ? { attributes } : {}),
  };
}

/**
 * Every field pycocotools' keypoint evaluation reads, with the type it needs (cocoeval.py, `COCOeval` with
 * `iouType="keypoints"`, and coco.py's `COCO.createIndex` / `getAnnIds`): images' `id`; categories' `id` and
 * `name` (`getCatNms`); annotations' `id`, `image_id`, `category_id` (`createIndex`, `_prepare`), `iscrowd`
 * (`_prepare`, `evaluateImg`: `int(o['iscrowd'])`), `num_keypoints` (`_prepare`: ignored when 0), `keypoints`
 * (`computeOks`: `g[0::3]`, `g[1::3]`, `g[2::3]`, one triple per sigma: 17 for the default person sigmas),
 * `bbox` (`computeOks`: `bb[0]..bb[3]`), `area` (`computeOks`: the OKS scale, `evaluateImg`: the area ranges).
 */
function checkCocoevalKeypointFields(coco: CocoInstanceDataset): void {
  for (const image of coco.images) expect(typeof image.id).toBe("number");
  for (const c of coco.categories) {
    expect(typeof c.id).toBe("number");
    expect(typeof c.name).toBe("string");
  }
  const imageIds = new Set(coco.images.map((i) => i.id));
  const categoryIds = new Set(coco.categories.map((c) => c.id));
  const ids = new Set<number>();
  for (const a of coco.annotations) {
    expect(ids.has(a.id)).toBe(false);
    ids.add(a.id);
    expect(imageIds.has(a.image_id)).toBe(true);
    expect(categoryIds.has(a.category_id)).toBe(true);
    expect([0, 1]).toContain(a.iscrowd);
    expect(a.bbox).toHaveLength(4);
    for (const v of a.bbox) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(a.area)).toBe(true);
    expect(a.segmentation).toBeDefined();
    const category = coco.categories.find((c) => c.id === a.category_id);
    if (category?.keypoints === undefined) continue;
    expect(a.keypoints).toHaveLength(3 * category.keypoints.length);
    const v = (a.keypoints ?? []).filter((_, i) => i % 3 === 2);
    expect(v.every((x) => x === 0 || x === 1 || x === 2)).toBe(true);
    expect(a.num_keypoints).toBe(v.filter((x) => x > 0).length);
    if ((a.num_keypoints ?? 0) > 0) expect(a.area).toBeGreaterThan(0);
  }
}

/** COCO's default person sigmas (`Params.setKpParams`, `kpt_oks_sigmas`). */
const SIGMAS = [
  0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89, 0.89,
].map((s) => s / 10);

/** `COCOeval.computeOks` for one image and category, line by line: `ious[dt][gt]`. */
function computeOks(gts: CocoAnnotation[], dts: Array<CocoAnnotation & { score: number }>): number[][] {
  const vars = SIGMAS.map((s) => (s * 2) ** 2);
  const sorted = [...dts].sort((p, q) => q.score - p.score);
  return sorted.map((dt) =>
    gts.map((gt) => {
      const g = gt.keypoints as number[];
      const d = dt.keypoints as number[];
      const visible = SIGMAS.map((_, k) => (g[3 * k + 2] as number) > 0);
      const k1 = visible.filter(Boolean).length;
      const [bx, by, bw, bh] = gt.bbox as [number, number, number, number];
      const [x0, x1, y0, y1] = [bx - bw, bx + bw * 2, by - bh, by + bh * 2];
      const e = SIGMAS.map((_, k) => {
        const xd = d[3 * k] as number;
        const yd = d[3 * k + 1] as number;
        const dx = k1 > 0 ? xd - (g[3 * k] as number) : Math.max(0, x0 - xd) + Math.max(0, xd - x1);
        const dy = k1 > 0 ? yd - (g[3 * k + 1] as number) : Math.max(0, y0 - yd) + Math.max(0, yd - y1);
        return (dx ** 2 + dy ** 2) / (vars[k] as number) / (gt.area + Number.EPSILON) / 2;
      }).filter((_, k) => k1 === 0 || visible[k]);
      return e.reduce((sum, x) => sum + Math.exp(-x), 0) / e.length;
    }),
  );
}

describe("YOLO pose", () => {
  const categories: Category[] = [
    { id: 1, name: "person", keypoints: ["nose", "left_eye", "right_eye"] },
    { id: 2, name: "ball" },
  ];
  const image: LabeledImage = {
    name: "train/a.jpg",
    width: 200,
    height: 100,
    vector: {
      format_version: "0.1",
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "bbox",
          points: [
            [20, 10],
            [60, 90],
          ],
          attributes: { instance: 1 },
        },
        point(2, 1, 40, 20, { instance: 1, keypoint: "nose", visible: true }),
        point(3, 1, 50, 15, { instance: 1, keypoint: "right_eye", visible: false }),
        {
          id: 4,
          category_id: 2,
          type: "bbox",
          points: [
            [100, 50],
            [120, 70],
          ],
        },
      ],
    },
  };

  it("writes one line per object: box, then x y v per keypoint; data.yaml has kpt_shape, flip_idx, names", () => {
    const { value } = toYoloPose([image], categories);
    expect(value.files.get("train/a.txt")).toBe(
      "0 0.200000 0.500000 0.200000 0.800000 0.200000 0.200000 2 0.000000 0.000000 0 0.250000 0.150000 1\n" +
        "1 0.550000 0.600000 0.100000 0.200000 0.000000 0.000000 0 0.000000 0.000000 0 0.000000 0.000000 0\n",
    );
    expect(value.kptShape).toEqual([3, 3]);
    expect(parseYoloPoseDataYaml(value.dataYaml)).toEqual({
      kptShape: [3, 3],
      names: ["person", "ball"],
      keypointNames: [
        ["nose", "left_eye", "right_eye"],
        ["nose", "left_eye", "right_eye"],
      ],
    });
    expect(value.dataYaml).toContain("flip_idx: [0, 2, 1]\n");
  });

  it("reads back the same instances (Segments -> YOLO pose -> Segments)", () => {
    const { value } = toYoloPose([image], categories);
    const labels = new Map([...value.files]);
    const back = fromYoloPose(
      labels,
      [{ name: "train/a.jpg", width: 200, height: 100 }],
      value.dataYaml,
    ).value;
    const annotations = back.images[0]?.vector?.annotations ?? [];
    expectSameAnnotations(
      annotations.filter((a) => a.attributes?.instance === 1),
      image.vector?.annotations.slice(0, 3) ?? [],
    );
    // the ball is an object of its own, with no labeled keypoint
    expect(annotations.filter((a) => a.attributes?.instance === 2)).toMatchObject([
      { type: "bbox", category_id: 2 },
    ]);
    expect(back.categories[0]).toEqual({
      id: 1,
      name: "person",
      keypoints: ["nose", "left_eye", "right_eye"],
    });
  });

  it("pairs labels/ with images/ as ultralytics does, and reads names and kpt_shape from its data.yaml", () => {
    const { value } = fromYoloPose(
      new Map([["labels/train/a.txt", "0 0.5 0.5 0.2 0.2 0.5 0.4 2\n"]]),
      [{ name: "images/train/a.jpg", width: 10, height: 10 }],
      "path: ../datasets/x\ntrain: images/train\nkpt_shape: [1, 3]\nnames: {0: person}\n",
    );
    expect(value.images[0]?.vector?.annotations.map((a) => a.type)).toEqual(["bbox", "point"]);
    expect(value.categories).toEqual([{ id: 1, name: "person", keypoints: ["0"] }]);
  });

  it("reads kpt_shape [k, 2]: 0 0 is an unlabeled keypoint", () => {
    const dataset = { kptShape: [2, 2] as [number, 2], names: ["p"] };
    const annotations = parseYoloPose("0 0.5 0.5 0.2 0.2 0.5 0.4 0 0\n", {
      file: "a.txt",
      width: 10,
      height: 10,
      dataset,
    });
    expect(annotations.map((a) => [a.type, a.points, a.attributes])).toEqual([
      [
        "bbox",
        [
          [4, 4],
          [6, 6],
        ],
        { instance: 1 },
      ],
      ["point", [[5, 4]], { instance: 1, keypoint: "0", visible: true }],
    ]);
  });

  it("refuses lines of the wrong length, visibilities other than 0-2, and a bad kpt_shape, naming file and line", () => {
    const dataset = { kptShape: [2, 3] as [number, 3], names: ["p"] };
    const parse = (text: string) => () =>
      parseYoloPose(text, { file: "l.txt", width: 10, height: 10, dataset });
    expect(parse("0 0.5 0.5 0.2 0.2 0.5 0.5 2\n")).toThrow(/expected 5 \+ 2x3 values/);
    expect(parse("0 0.5 0.5 0.2 0.2 0.5 0.5 3 0 0 0\n")).toThrow(/visibility must be 0, 1 or 2/);
    expect(parse("\n1 0.5 0.5 0.2 0.2 0 0 0 0 0 0\n")).toThrow(/class index 1/);
    try {
      parse("\n0 0.5 0.5 0.2 0.2 1.5 0.5 2 0 0 0\n")();
    } catch (error) {
      expect(error).toBeInstanceOf(ConversionError);
      expect((error as ConversionError).file).toBe("l.txt");
      expect((error as ConversionError).item).toBe("line 2");
    }
    expect(() => parseYoloPoseDataYaml("kpt_shape: [17, 4]\nnames: [p]\n")).toThrow(/kpt_shape/);
    expect(() => parseYoloPoseDataYaml("kpt_shape: [17, 3]\n")).toThrow(/names/);
  });

  it("refuses classes with different keypoint counts (one kpt_shape per dataset)", () => {
    const mixed: Category[] = [
      { id: 1, name: "person", keypoints: ["a", "b"] },
      { id: 2, name: "hand", keypoints: ["a", "b", "c"] },
    ];
    expect(() => toYoloPose([], mixed)).toThrow(/one kpt_shape/);
  });
});

describe("Segments keypoint labels to and from COCO and YOLO pose", () => {
  const categories: Category[] = [{ id: 7, name: "person", keypoints: PERSON_KEYPOINTS, skeleton: SKELETON }];
  /** A Segments `keypoints` label: two people, each a box and its points, ids 1, 2, ... */
  function label(): LabeledImage {
    const annotations: ImageVectorAnnotation[] = [];
    for (const [instance, x0, skip] of [
      [1, 100, [0, 16]],
      [2, 300, []],
    ] as const) {
      annotations.push({
        id: annotations.length + 1,
        category_id: 7,
        type: "bbox",
        points: [
          [x0 - 10, 40],
          [x0 + 40, 150],
        ],
        attributes: { instance },
      });
      PERSON_KEYPOINTS.forEach((name, i) => {
        if ((skip as readonly number[]).includes(i)) return;
        annotations.push(
          point(annotations.length + 1, 7, x0 + (i % 3) * 10, 50 + i * 5, {
            instance,
            keypoint: name,
            visible: i % 5 !== 0,
          }),
        );
      });
    }
    return { name: "s.jpg", width: 640, height: 480, vector: { format_version: "0.1", annotations } };
  }

  it("COCO: one annotation per person, and back to the same label", () => {
    const { value } = datasetFormat("coco").write({ images: [label()], categories });
    const coco = JSON.parse(value.get("instances.json") as string) as CocoInstanceDataset;
    expect(coco.annotations).toHaveLength(2);
    expect(coco.annotations.map((a) => a.num_keypoints)).toEqual([15, 17]);
    checkCocoevalKeypointFields(coco);
    const back = datasetFormat("coco").read(value).value;
    expect(back.images[0]?.vector?.annotations).toEqual(label().vector?.annotations);
  });

  it("the streaming COCO writer (exportDataset's) groups instances as toCocoInstance does", async () => {
    let text = "";
    for await (const chunk of cocoInstanceJsonChunks([label()], categories, new WarningCollector()))
      text += chunk;
    const streamed = JSON.parse(text) as CocoInstanceDataset;
    expect(streamed.annotations).toEqual(toCocoInstance([label()], categories).value.annotations);
    expect(streamed.annotations.map((a) => a.num_keypoints)).toEqual([15, 17]);
  });

  it("YOLO pose: one line per person, and back to the same label (class ids renumbered, 6 decimals)", () => {
    const { value } = datasetFormat("yolo-pose").write({ images: [label()], categories });
    expect((value.get("s.txt") as string).split("\n")[0]?.split(" ")).toHaveLength(5 + 17 * 3);
    const back = datasetFormat("yolo-pose").read(value, {
      images: [{ name: "s.jpg", width: 640, height: 480 }],
    }).value;
    // YOLO has class indices, not ids: category 7 comes back as class 0 + 1, with its name and keypoints
    const renumbered = (label().vector?.annotations ?? []).map((a) => ({ ...a, category_id: 1 }));
    expectSameAnnotations(back.images[0]?.vector?.annotations ?? [], renumbered);
    expect(back.categories[0]?.name).toBe("person");
    expect(back.categories[0]?.keypoints).toEqual(PERSON_KEYPOINTS);
  });

  it("groups by category and instance, leaving other annotations in place", () => {
    const items = groupKeypoints(label().vector?.annotations ?? [], categories, {});
    expect(items.map((i) => (i.kind === "keypoints" ? i.instance.instance : "other"))).toEqual([1, 2]);
  });
});
