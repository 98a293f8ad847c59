/**
 * Issue 25, "Correctness": YOLO boxes clipped by their corners, non-finite numbers never written, duplicate category
 * ids refused, string COCO image ids, VOC character references and numbers.
 */
import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { fromCocoInstance, toCocoInstance } from "../src/formats/coco/index.js";
import { fromVoc, toVoc } from "../src/formats/voc.js";
import { toYolo } from "../src/formats/yolo.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../src/types.js";

const categories: Category[] = [{ id: 1, name: "box" }];

function image(points: number[][], type: ImageVectorAnnotation["type"] = "bbox", size = 50): LabeledImage {
  return {
    name: "a.jpg",
    width: size,
    height: size,
    vector: { format_version: "0.1", annotations: [{ id: 7, category_id: 1, type, points }] },
  };
}

/** The YOLO line of one box on a 50x50 image, and the warnings. */
function yoloLine(points: number[][], mode: "detect" | "segment" = "detect") {
  const { value, warnings } = toYolo([image(points)], categories, { mode, precision: 4 });
  return { line: value.files.get("a.txt") ?? "", warnings: warnings.map((w) => w.message) };
}

describe("YOLO export clips the corners, then computes centre and size", () => {
  it("the issue's example: [[10,10],[90,90]] on 50x50 is the box 10..50, not 1 1 1 1", () => {
    expect(
      yoloLine([
        [10, 10],
        [90, 90],
      ]).line,
    ).toBe("0 0.6000 0.6000 0.8000 0.8000\n");
  });

  it.each([
    [
      "inside",
      [
        [10, 20],
        [30, 40],
      ],
      "0 0.4000 0.6000 0.4000 0.4000",
      false,
    ],
    [
      "left edge",
      [
        [-10, 20],
        [30, 40],
      ],
      "0 0.3000 0.6000 0.6000 0.4000",
      true,
    ],
    [
      "top edge",
      [
        [10, -20],
        [30, 40],
      ],
      "0 0.4000 0.4000 0.4000 0.8000",
      true,
    ],
    [
      "right edge",
      [
        [10, 20],
        [70, 40],
      ],
      "0 0.6000 0.6000 0.8000 0.4000",
      true,
    ],
    [
      "bottom edge",
      [
        [10, 20],
        [30, 60],
      ],
      "0 0.4000 0.7000 0.4000 0.6000",
      true,
    ],
    [
      "top-left corner",
      [
        [-10, -10],
        [20, 30],
      ],
      "0 0.2000 0.3000 0.4000 0.6000",
      true,
    ],
    [
      "top-right corner",
      [
        [30, -10],
        [60, 20],
      ],
      "0 0.8000 0.2000 0.4000 0.4000",
      true,
    ],
    [
      "bottom-left corner",
      [
        [-5, 30],
        [20, 80],
      ],
      "0 0.2000 0.8000 0.4000 0.4000",
      true,
    ],
    [
      "bottom-right corner",
      [
        [40, 40],
        [90, 90],
      ],
      "0 0.9000 0.9000 0.2000 0.2000",
      true,
    ],
    [
      "all sides",
      [
        [-100, -100],
        [100, 100],
      ],
      "0 0.5000 0.5000 1.0000 1.0000",
      true,
    ],
    [
      "touching the edges exactly",
      [
        [0, 0],
        [50, 50],
      ],
      "0 0.5000 0.5000 1.0000 1.0000",
      false,
    ],
    [
      "inverted corners",
      [
        [90, 90],
        [10, 10],
      ],
      "0 0.6000 0.6000 0.8000 0.8000",
      true,
    ],
  ])("%s", (_name, points, expected, clipped) => {
    const { line, warnings } = yoloLine(points as number[][]);
    expect(line).toBe(`${expected}\n`);
    expect(warnings.includes("box clipped to the image")).toBe(clipped);
  });

  it("skips a box wholly outside the image with a warning, on every side", () => {
    for (const points of [
      [
        [-30, 10],
        [-10, 20],
      ],
      [
        [60, 10],
        [80, 20],
      ],
      [
        [10, -30],
        [20, -10],
      ],
      [
        [10, 60],
        [20, 80],
      ],
      [
        [50, 10],
        [70, 20],
      ],
    ]) {
      const { line, warnings } = yoloLine(points);
      expect(line).toBe("");
      expect(warnings).toContain("box wholly outside the image (skipped)");
    }
  });

  it("clips a box in segment mode the same way (a 4-point polygon of the clipped corners)", () => {
    expect(
      yoloLine(
        [
          [10, 10],
          [90, 90],
        ],
        "segment",
      ).line,
    ).toBe("0 0.2000 0.2000 1.0000 0.2000 1.0000 1.0000 0.2000 1.0000\n");
  });

  it("clips polygon vertices in segment mode and boxes them after clipping in detect mode", () => {
    const points = [
      [10, 10],
      [90, 10],
      [90, 40],
    ];
    const seg = toYolo([image(points, "polygon")], categories, { mode: "segment", precision: 2 });
    expect(seg.value.files.get("a.txt")).toBe("0 0.20 0.20 1.00 0.20 1.00 0.80\n");
    expect(seg.warnings.map((w) => w.message)).toContain("polygon vertices outside the image clipped to it");
    const det = toYolo([image(points, "polygon")], categories, { precision: 2 });
    expect(det.value.files.get("a.txt")).toBe("0 0.60 0.50 0.80 0.60\n");
  });
});

describe("non-finite numbers never reach an output file", () => {
  it("a YOLO precision toFixed cannot take is a ConversionError, not a RangeError", () => {
    const img = image([
      [1, 1],
      [5, 5],
    ]);
    for (const precision of [-1, 1.5, 101, Number.NaN])
      expect(() => toYolo([img], categories, { precision })).toThrow(
        /precision must be an integer from 0 to 17/,
      );
  });

  it("NaN and Infinity points are a ConversionError naming the annotation and the field, in every exporter", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const img = image([
        [1, bad],
        [5, 5],
      ]);
      for (const run of [
        () => toYolo([img], categories),
        () => toCocoInstance([img], categories),
        () => toVoc(img, categories),
      ]) {
        const error = (() => {
          try {
            run();
          } catch (e) {
            return e;
          }
        })() as ConversionError;
        expect(error).toBeInstanceOf(ConversionError);
        expect(error.item).toContain("annotation 7");
        expect(error.field).toBe("points[0][1]");
      }
    }
  });

  it("finite points whose width or area overflows (1e308) are an error in COCO and VOC, never null or Infinity", () => {
    const wide = image([
      [-1e308, 0],
      [1e308, 10],
    ]);
    expect(() => toCocoInstance([wide], categories)).toThrow(/bbox overflows.*annotation 7.*field bbox/);
    const huge = image(
      [
        [0, 0],
        [1e200, 0],
        [1e200, 1e200],
      ],
      "polygon",
    );
    expect(() => toCocoInstance([huge], categories)).toThrow(/area overflows.*field area/);
    expect(() => toVoc(wide, categories)).toThrow(/overflows.*annotation 7/);
    // YOLO clips the corners to the image first: the same box is the whole width, a finite line.
    expect(toYolo([wide], categories, { precision: 2 }).value.files.get("a.txt")).toBe(
      "0 0.50 0.10 1.00 0.20\n",
    );
  });

  it("1e309 in a COCO file (JSON.parse gives Infinity) is a located import error", () => {
    const coco = JSON.parse(
      '{"images":[{"id":1,"file_name":"a.jpg","width":10,"height":10}],"categories":[{"id":1,"name":"x"}],' +
        '"annotations":[{"id":3,"image_id":1,"category_id":1,"bbox":[0,0,1e309,5],"area":5,"iscrowd":0}]}',
    );
    expect(() => fromCocoInstance(coco, { file: "i.json" })).toThrow(ConversionError);
    expect(() => fromCocoInstance(coco, { file: "i.json" })).toThrow(/annotation 3.*bbox/);
  });
});

describe("duplicate category ids are an error", () => {
  const twice: Category[] = [
    { id: 1, name: "cat" },
    { id: 1, name: "dog" },
  ];

  it("in a COCO file", () => {
    const coco = { images: [], annotations: [], categories: twice };
    expect(() => fromCocoInstance(coco, { file: "i.json" })).toThrow(
      /duplicate category id 1.*file i\.json, category 1 \(dog\), field id/,
    );
  });

  it("in the categories given to every exporter", () => {
    const img = image([
      [1, 1],
      [5, 5],
    ]);
    for (const run of [
      () => toCocoInstance([img], twice),
      () => toYolo([img], twice),
      () => toVoc(img, twice),
    ])
      expect(run).toThrow(/duplicate category id 1/);
  });
});

describe("COCO image ids", () => {
  it("string image ids (valid COCO) import, and 1 and '1' are different images", () => {
    const coco = {
      images: [
        { id: "img-a", file_name: "a.jpg", width: 10, height: 10 },
        { id: 1, file_name: "b.jpg", width: 10, height: 10 },
        { id: "1", file_name: "c.jpg", width: 10, height: 10 },
      ],
      categories: [{ id: 1, name: "x" }],
      annotations: [
        { id: 1, image_id: "img-a", category_id: 1, bbox: [1, 1, 2, 2], area: 4, iscrowd: 0 },
        { id: 2, image_id: "1", category_id: 1, bbox: [3, 3, 2, 2], area: 4, iscrowd: 0 },
      ],
    };
    const { value } = fromCocoInstance(coco);
    const byName = new Map(value.images.map((i) => [i.name, i.vector?.annotations ?? []]));
    expect(byName.get("a.jpg")?.[0]?.points).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(byName.get("b.jpg")).toEqual([]);
    expect(byName.get("c.jpg")?.[0]?.points).toEqual([
      [3, 3],
      [5, 5],
    ]);
    expect(() =>
      fromCocoInstance({
        ...coco,
        images: [...coco.images, { id: "img-a", file_name: "d.jpg", width: 1, height: 1 }],
      }),
    ).toThrow(/duplicate image id img-a/);
    expect(() =>
      fromCocoInstance({ ...coco, images: [{ id: "", file_name: "e.jpg", width: 1, height: 1 }] }),
    ).toThrow(/image needs an id/);
  });
});

describe("VOC text", () => {
  const voc = (name: string, xmin = "1", prolog = "") =>
    `${prolog}<annotation><filename>a.jpg</filename><size><width>10</width><height>10</height></size>` +
    `<object><name>${name}</name><bndbox><xmin>${xmin}</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>`;

  it("decodes character references, decimal and hex, and the predefined entities", () => {
    expect(fromVoc(voc("&#x41;&#66;&amp;&lt;&#x1F600;")).value.names).toEqual(["AB&<\u{1F600}"]);
  });

  it("refuses undeclared entities and references to characters XML does not allow", () => {
    for (const [name, why] of [
      ["a&nbsp;b", /undeclared entity: "&nbsp;".*file x\.xml/],
      ["&foo;", /undeclared entity/],
      ["&#0;", /character XML does not allow/],
      ["&#xD800;", /character XML does not allow/],
      ["&#x110000;", /character XML does not allow/],
      ["a & b", /unterminated entity reference/],
    ] as const)
      expect(() => fromVoc(voc(name), { file: "x.xml" })).toThrow(why);
  });

  it("accepts entities the document's DTD declares, and & inside CDATA", () => {
    const dtd = '<!DOCTYPE annotation [<!ENTITY brand "Acme">]>';
    expect(fromVoc(voc("&brand; car", "1", dtd)).value.names).toEqual(["Acme car"]);
    expect(fromVoc(voc("<![CDATA[a & b]]>")).value.names).toEqual(["a & b"]);
  });

  it("refuses hex, binary and other non-decimal numbers, names the field", () => {
    for (const xmin of ["0x1", "0b1", "0o1", "Infinity", "1,5", ""])
      expect(() => fromVoc(voc("cat", xmin), { file: "x.xml" })).toThrow(
        /expected a decimal number.*bndbox\.xmin/,
      );
    for (const [xmin, value] of [
      [" 2.5 ", 2.5],
      ["1e0", 1],
      ["+3", 3],
    ] as const)
      expect(fromVoc(voc("cat", xmin)).value.image.vector?.annotations[0]?.points[0]?.[0]).toBe(value);
  });
});
