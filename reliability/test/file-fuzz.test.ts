/**
 * Files: malformed PNGs, zip-bomb-like PNG dimensions and corrupt COCO / VOC / labelme / YOLO files go through the
 * bitmap and converter packages. Each input either converts or fails with the package's typed error (`PngError`,
 * `ConversionError`) naming the problem: never a `TypeError`/`RangeError`, a hang or a memory blow-up. Time and
 * memory are measured per input.
 *
 * Over 400 lines because each file format has its own corruptions; they share the per-input budget and report.
 */
import { deflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { bitmap2file, decodeLabelBitmap, decodePng, encodePng, PngError } from "@segments-ts/bitmap";
import {
  ConversionError,
  fromCocoInstance,
  fromIndexPng,
  fromLabelme,
  fromVoc,
  fromYolo,
  parseYolo,
} from "@segments-ts/converter";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { bump, recordFigures } from "../src/report.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 99_001);
/** Per input; a generous bound for a loaded 2-core CI machine (typical inputs take well under 10 ms). */
const MAX_MS = 2_000;
/** Resident memory growth allowed over the whole run. */
const MAX_RSS_GROWTH = 512 * 1024 * 1024;

const outcomes: Record<string, number> = {};
let inputs = 0;
let slowest = 0;
const rssStart = process.memoryUsage().rss;
let rssPeak = rssStart;

/**
 * Runs `convert` on one input: returns normally when it succeeded or threw `ErrorClass` with a message, throws (so
 * the property fails) on any other error or when it took too long.
 */
function expectTypedOutcome(
  what: string,
  ErrorClass: new (...args: never[]) => Error,
  convert: () => unknown,
): void {
  inputs++;
  const started = performance.now();
  let error: unknown;
  try {
    convert();
  } catch (caught) {
    error = caught;
  }
  const elapsed = performance.now() - started;
  slowest = Math.max(slowest, elapsed);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  if (elapsed > MAX_MS) throw new Error(`${what}: took ${Math.round(elapsed)} ms`);
  bump(outcomes, `${what}: ${error === undefined ? "ok" : (error as Error).name}`);
  if (error !== undefined) {
    if (!(error instanceof ErrorClass)) throw new Error(`${what}: untyped ${String(error)}`);
    if (error.message.length < 10) throw new Error(`${what}: unhelpful message "${error.message}"`);
  }
}

// --- PNG building blocks

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, "latin1"), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, zlibCrc32(out.subarray(4, 8 + data.length)));
  return out;
}

function ihdr(width: number, height: number, bitDepth: number, colorType: number, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return chunk("IHDR", data);
}

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

function png(...chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat([SIGNATURE, ...chunks, chunk("IEND", new Uint8Array(0))]);
}

const validLabel = bitmap2file(
  Uint32Array.from({ length: 64 * 48 }, (_, i) => (i * 7) % 5),
  {
    width: 64,
    height: 48,
  },
);
const validGray = encodePng({ width: 30, height: 20, data: new Uint8Array(600).fill(3), colorType: "gray" });
const validPalette = encodePng({
  width: 9,
  height: 9,
  data: Uint8Array.from({ length: 81 }, (_, i) => i % 2),
  colorType: "palette",
  palette: [
    [0, 0, 0],
    [255, 0, 0],
  ],
});

/** Valid PNGs with random bytes overwritten, truncated, or both. */
const mutatedPng = fc
  .tuple(
    fc.constantFrom(validLabel, validGray, validPalette),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([source, edits, cut]) => {
    const bytes = Uint8Array.from(source);
    for (const [position, value] of edits) bytes[position % bytes.length] = value;
    return cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
  });

/** Structurally valid PNGs (good CRCs) with a random header and random or tiny image data. */
const craftedPng = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 0xffffffff })),
    fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 0xffffffff })),
    fc.constantFrom(1, 2, 4, 8, 16, 3, 0, 32),
    fc.constantFrom(0, 2, 3, 4, 6, 1, 7),
    fc.constantFrom(0, 1, 2),
    fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((raw) => new Uint8Array(deflateSync(raw))),
    ),
    fc.boolean(),
  )
  .map(([width, height, bitDepth, colorType, interlace, idat, withPalette]) =>
    png(
      ihdr(width, height, bitDepth, colorType, interlace),
      ...(withPalette ? [chunk("PLTE", Uint8Array.of(0, 0, 0, 255, 255, 255))] : []),
      chunk("IDAT", idat),
    ),
  );

describe("files: bitmap and converter inputs", () => {
  afterAll(() => {
    recordFigures("Bad input: file fuzz (bitmap, converter)", {
      seed: SEED,
      "inputs tried": inputs,
      "slowest input ms": slowest,
      "rss growth MB": (rssPeak - rssStart) / 1024 / 1024,
      outcomes,
    });
  });

  test("random bytes, mutated and truncated PNGs: decoded or PngError", () => {
    const decoders: [string, (bytes: Uint8Array) => unknown][] = [
      ["decodePng", (bytes) => decodePng(bytes)],
      ["decodePng (no CRC check)", (bytes) => decodePng(bytes, { checkCrc: false })],
      ["decodeLabelBitmap", (bytes) => decodeLabelBitmap(bytes)],
      ["decodeLabelBitmap (no CRC check)", (bytes) => decodeLabelBitmap(bytes, { checkCrc: false })],
    ];
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedPng, craftedPng),
        fc.constantFrom(...decoders),
        (bytes, [name, decode]) => expectTypedOutcome(name, PngError, () => decode(bytes)),
      ),
      { numRuns: 4_000, seed: SEED },
    );
  });

  test("zip-bomb-like PNGs are refused quickly without allocating what they claim", () => {
    const bombs: [string, Uint8Array, string][] = [
      [
        // Over the PNG format's 2^31 - 1 limit: an invalid header.
        "4 G x 4 G pixels, tiny data",
        png(ihdr(0xffffffff, 0xffffffff, 8, 6), chunk("IDAT", deflateSync(new Uint8Array(10)))),
        "BAD_HEADER",
      ],
      [
        "2^31-1 x 2^31-1 pixels, tiny data",
        png(ihdr(0x7fffffff, 0x7fffffff, 8, 6), chunk("IDAT", deflateSync(new Uint8Array(10)))),
        "TOO_LARGE",
      ],
      [
        "65535 x 65535 RGBA16, tiny data",
        png(ihdr(65535, 65535, 16, 6), chunk("IDAT", deflateSync(new Uint8Array(10)))),
        "TOO_LARGE",
      ],
      // Within the default pixel and memory limits, so it is parsed: 256 MiB of RGBA claimed, 64 bytes of data given.
      [
        "8192 x 8192 RGBA, tiny data",
        png(ihdr(8192, 8192, 8, 6), chunk("IDAT", deflateSync(new Uint8Array(64)))),
        "TRUNCATED",
      ],
      // Within the pixel limit, over the memory limit (1 GiB of rows, 1 GiB of samples): refused from IHDR.
      [
        "16384 x 16384 RGBA, tiny data",
        png(ihdr(16384, 16384, 8, 6), chunk("IDAT", deflateSync(new Uint8Array(64)))),
        "TOO_LARGE",
      ],
      // 1 x 1 claimed, 100 MB of zeros inflated: inflation stops at the size the header implies.
      [
        "1 x 1 RGBA, 100 MB inflated",
        png(ihdr(1, 1, 8, 6), chunk("IDAT", deflateSync(new Uint8Array(100 * 1024 * 1024)))),
        "BAD_DATA",
      ],
    ];
    for (const [what, bytes, code] of bombs) {
      for (const decode of [decodePng, decodeLabelBitmap]) {
        const before = process.memoryUsage().arrayBuffers;
        expectTypedOutcome(`bomb ${what}`, PngError, () => decode(bytes));
        const error = (() => {
          try {
            decode(bytes);
          } catch (caught) {
            return caught;
          }
        })();
        expect(error, what).toBeInstanceOf(PngError);
        expect((error as PngError).code, what).toBe(code);
        // Nothing close to the claimed size stays allocated (inflate buffers are capped at 32 MiB).
        expect(process.memoryUsage().arrayBuffers - before, what).toBeLessThan(64 * 1024 * 1024);
      }
    }
    expect(() =>
      decodePng(png(ihdr(4000, 4000, 8, 0), chunk("IDAT", deflateSync(new Uint8Array(16)))), {
        maxPixels: 1e6,
      }),
    ).toThrow(/TOO_LARGE|larger|limit|pixels/i);
  });

  test("index PNGs through the converter: converted or ConversionError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutatedPng, craftedPng), (bytes) =>
        expectTypedOutcome("fromIndexPng", ConversionError, () =>
          fromIndexPng(bytes, { name: "mask.png", categoryOf: (index) => (index < 3 ? index : undefined) }),
        ),
      ),
      { numRuns: 1_000, seed: SEED },
    );
  });

  const validCoco = {
    images: [{ id: 1, file_name: "a.jpg", width: 40, height: 30 }],
    categories: [{ id: 1, name: "cat" }],
    annotations: [
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [1, 2, 10, 8],
        area: 80,
        iscrowd: 0,
        segmentation: [[1, 2, 11, 2, 11, 10, 1, 10]],
      },
      {
        id: 2,
        image_id: 1,
        category_id: 1,
        bbox: [0, 0, 4, 4],
        area: 16,
        iscrowd: 1,
        segmentation: { size: [30, 40], counts: [0, 4, 26, 4, 1166] },
      },
    ],
  };

  /** A copy of `value` with the node at a random path replaced by an arbitrary JSON value. */
  function mutateJson(value: unknown): fc.Arbitrary<unknown> {
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (node && typeof node === "object") {
        for (const [key, child] of Object.entries(node))
          walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
      }
    };
    walk(value, []);
    const weird = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 53, 1e308, "", null, [], {}),
    );
    return fc.tuple(fc.constantFrom(...paths), weird).map(([path, replacement]) => {
      if (path.length === 0) return replacement;
      const copy = structuredClone(value) as Record<string | number, unknown>;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1] as string | number] = replacement;
      return copy;
    });
  }

  test("corrupt COCO files: converted or ConversionError", () => {
    fc.assert(
      fc.property(
        fc.oneof(mutateJson(validCoco), fc.jsonValue({ maxDepth: 3 })),
        fc.constantFrom("vector", "segmentation") as fc.Arbitrary<"vector" | "segmentation">,
        (coco, target) =>
          expectTypedOutcome(`fromCocoInstance (${target})`, ConversionError, () =>
            fromCocoInstance(coco, { target, file: "instances.json" }),
          ),
      ),
      { numRuns: 2_000, seed: SEED },
    );
  });

  const validVoc =
    "<annotation><filename>a.jpg</filename><size><width>40</width><height>30</height><depth>3</depth></size>" +
    "<object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>11</xmax><ymax>10</ymax></bndbox></object>" +
    "</annotation>";

  test("corrupt VOC files: converted or ConversionError", () => {
    const mutatedXml = fc
      .tuple(fc.nat(validVoc.length), fc.nat(validVoc.length), fc.string({ maxLength: 20, unit: "grapheme" }))
      .map(
        ([at, length, insert]) =>
          validVoc.slice(0, at) + insert + validVoc.slice(Math.min(validVoc.length, at + (length % 20))),
      );
    const crafted = fc.constantFrom(
      "<a>".repeat(50_000) + "</a>".repeat(50_000),
      `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "${"x".repeat(1000)}"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;">]><annotation><filename>&y;</filename></annotation>`,
      validVoc.replace("<width>40</width>", "<width>1e12</width>"),
      validVoc.replace("<xmin>1</xmin>", "<xmin>NaN</xmin>"),
      validVoc.replace("</annotation>", ""),
      "",
    );
    fc.assert(
      fc.property(fc.oneof(mutatedXml, crafted, fc.string({ maxLength: 200 })), (xml) =>
        expectTypedOutcome("fromVoc", ConversionError, () => fromVoc(xml, { file: "a.xml" })),
      ),
      { numRuns: 1_500, seed: SEED },
    );
  });

  const validLabelme = {
    imagePath: "a.jpg",
    imageWidth: 40,
    imageHeight: 30,
    shapes: [
      {
        label: "cat",
        points: [
          [1, 2],
          [11, 10],
        ],
        shape_type: "rectangle",
      },
      {
        label: "dog",
        points: [
          [1, 2],
          [11, 2],
          [6, 9],
        ],
        shape_type: "polygon",
      },
    ],
  };

  test("corrupt labelme files: converted or ConversionError", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutateJson(validLabelme),
          mutateJson(validLabelme).map((value) => JSON.stringify(value)),
          fc.string({ maxLength: 100 }),
          fc.jsonValue({ maxDepth: 3 }),
        ),
        (input) =>
          expectTypedOutcome("fromLabelme", ConversionError, () => fromLabelme(input, { file: "a.json" })),
      ),
      { numRuns: 1_500, seed: SEED },
    );
  });

  test("corrupt YOLO files: converted or ConversionError", () => {
    const token = fc.oneof(
      fc.constantFrom(
        "0",
        "1",
        "0.5",
        "1.0",
        "-0.1",
        "1.5",
        "NaN",
        "Infinity",
        "1e309",
        "",
        "0x1",
        "abc",
        "0.25",
      ),
      fc.double().map(String),
    );
    const line = fc.array(token, { minLength: 0, maxLength: 12 }).map((tokens) => tokens.join(" "));
    const text = fc
      .array(line, { maxLength: 8 })
      .map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n", "\r"), 1)[0]));
    const size = fc.oneof(
      fc.integer({ min: 1, max: 4000 }),
      fc.constantFrom(0, -1, Number.NaN, 1.5, 2 ** 40),
    );
    fc.assert(
      fc.property(text, size, size, fc.integer({ min: 0, max: 5 }), (yolo, width, height, classCount) => {
        expectTypedOutcome("parseYolo", ConversionError, () =>
          parseYolo(yolo, { file: "labels/a.txt", width, height, classCount }),
        );
        expectTypedOutcome("fromYolo", ConversionError, () =>
          fromYolo(new Map([["labels/a.txt", yolo]]), [{ name: "a.jpg", width, height }], "cat\ndog\n"),
        );
      }),
      { numRuns: 1_500, seed: SEED },
    );
  });

  test("memory stayed bounded over the whole run", () => {
    expect(rssPeak - rssStart).toBeLessThan(MAX_RSS_GROWTH);
  });

  // Reproductions of converter bugs found by this fuzz (fixed): each input must be refused with a typed error.
  describe("converter regressions", () => {
    const hugeCoco = (size: number, segmentation: unknown) => ({
      images: [{ id: 1, file_name: "a.jpg", width: size, height: size }],
      categories: [{ id: 1, name: "c" }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], area: 1, iscrowd: 0, segmentation },
      ],
    });

    test("COCO with 200,000 x 200,000 images and target segmentation: ConversionError, not an untyped RangeError", () => {
      expect(() =>
        fromCocoInstance(hugeCoco(200_000, [[0, 0, 1, 0, 1, 1]]), { target: "segmentation" }),
      ).toThrow(ConversionError);
    });

    test("labelme shapes that are null: ConversionError, not an untyped TypeError", () => {
      expect(() =>
        fromLabelme(
          { imagePath: "a.jpg", imageWidth: 4, imageHeight: 4, shapes: [null] },
          { file: "a.json" },
        ),
      ).toThrow(ConversionError);
    });

    test("a 30-byte RLE claiming 20,000 x 20,000 pixels is refused fast instead of traced for seconds", () => {
      const started = performance.now();
      let error: unknown;
      try {
        fromCocoInstance(hugeCoco(20_000, { size: [20_000, 20_000], counts: [0, 10, 20_000 * 20_000 - 10] }));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConversionError);
      expect(performance.now() - started).toBeLessThan(500);
    });
  });
});
