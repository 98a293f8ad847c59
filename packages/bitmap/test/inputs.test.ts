// Bad input to every public function gives a TypeError or RangeError (PngError for the PNG codec's own arguments)
// whose message names the function, the field and what to pass instead: nothing is wrapped, clamped or dropped.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bitmap2file,
  colorize,
  DownloadError,
  decodeLabelBitmap,
  decodePng,
  encodePng,
  getSemanticBitmap,
  instanceStats,
  loadImageFromUrl,
  loadLabelBitmapFromUrl,
  overlay,
  PngError,
} from "../src/index.js";

const bitmap = { width: 2, height: 2, data: Uint32Array.of(0, 1, 2, 2) };
const image = { width: 2, height: 2, data: new Uint8Array(16).fill(100) };

/** Every function that takes instance ids, called with `input` as the bitmap. */
const takesIds: [string, (input: unknown) => unknown][] = [
  ["bitmap2file", (b) => bitmap2file(b as never)],
  ["instanceStats", (b) => instanceStats(b as never)],
  ["colorize", (b) => colorize(b as never)],
  ["getSemanticBitmap", (b) => getSemanticBitmap(b as never, [])],
  ["overlay", (b) => overlay(image, b as never)],
];

describe("instance ids that are not ids", () => {
  it.each(takesIds)("%s names itself and what it got", (name, call) => {
    const cases: [unknown, RegExp][] = [
      [null, /got null/],
      ["1,2,3,4", /got the string "1,2,3,4"/],
      [{ ids: [0, 1] }, /got an object \{ids\}/],
      [{ data: null, width: 2, height: 2 }, /got null/],
      [new DataView(new ArrayBuffer(4)), /got a DataView/],
      [new ArrayBuffer(16), /ArrayBuffer: wrap it in the typed array its ids are stored as/],
      [{ data: new BigInt64Array(4), width: 2, height: 2 }, /BigInt64Array are not accepted: convert them/],
    ];
    if (name === "getSemanticBitmap") cases.shift(); // a missing bitmap is fine there: the result is undefined
    for (const [input, message] of cases) {
      expect(() => call(input), String(input)).toThrow(TypeError);
      expect(() => call(input), String(input)).toThrow(new RegExp(`^${name}: .*${message.source}`));
    }
  });

  it.each(takesIds)("%s: width and height must be positive integers", (name, call) => {
    expect(() => call({ data: new Uint32Array(4), width: 2.5, height: 2 })).toThrow(
      new RegExp(`^${name}: width must be a positive integer \\(got 2.5\\)`),
    );
    expect(() => call({ data: new Uint32Array(0), width: 1, height: 0 })).toThrow(RangeError);
    expect(() => call({ data: new Uint32Array(0), width: 1, height: 0 })).toThrow(
      /height must be a positive integer/,
    );
  });

  it.each(takesIds)("%s: rows must be arrays of numbers, all as long as the first", (name, call) => {
    expect(() => call([[1, 2], [3]])).toThrow(RangeError);
    expect(() => call([[1, 2], [3]])).toThrow(
      new RegExp(`^${name}: row 1 of the bitmap has 1 ids, row 0 has 2`),
    );
    expect(() => call([[1, 2], "34"])).toThrow(/row 1 of the bitmap is the string "34", not an array of ids/);
    expect(() =>
      call([
        [1, 2],
        [3, "4"],
      ]),
    ).toThrow(/the id at row 1, column 1 is the string "4", not a number/);
    expect(() =>
      call([
        [1, 2],
        [3, null],
      ]),
    ).toThrow(/the id at row 1, column 1 is null/);
  });

  it("the helpers take any uint32 id and refuse what is not one, naming the pixel", () => {
    // 2^24 and up cannot go into a label PNG, but are fine as ids to count or colour.
    expect(instanceStats({ data: [2 ** 30, 0], width: 2, height: 1 })[0]).toEqual({
      id: 2 ** 30,
      area: 1,
      bbox: [0, 0, 1, 1],
    });
    expect(() => bitmap2file({ data: [2 ** 30, 0], width: 2, height: 1 })).toThrow(/is >= 2\^24/);
    // A negative Int32 id used to become 2^32 - 1 in the helpers.
    expect(() => instanceStats({ data: Int32Array.of(0, 3, -1, 0), width: 2, height: 2 })).toThrow(
      /^instanceStats: instance id -1 at pixel \(x=0, y=1\) \(index 2\) is negative/,
    );
    expect(() => colorize([[0, 2 ** 32]])).toThrow(/^colorize: instance id 4294967296 .* is >= 2\^32/);
    expect(() => getSemanticBitmap([[0.5, 1]], [])).toThrow(
      /getSemanticBitmap: instance id 0.5 .* not an integer/,
    );
  });
});

describe("getSemanticBitmap annotations", () => {
  const semantic = (annotations: unknown, idIncrement?: unknown) =>
    getSemanticBitmap(bitmap, annotations as never, { idIncrement: idIncrement as never });

  it("must be an array of annotations, each with an instance id and a category", () => {
    expect(() => semantic({ id: 1, category_id: 2 })).toThrow(
      /annotations must be an array of \{ id, category_id \} .*got an object \{id, category_id\}/,
    );
    expect(() => semantic([{ id: 1, category_id: 2 }, null])).toThrow(/annotations\[1\] is null/);
    expect(() => semantic([{ category_id: 2 }])).toThrow(
      /annotations\[0\]\.id is undefined: instance ids are integers from 1/,
    );
    expect(() => semantic([{ id: 0, category_id: 2 }])).toThrow(/annotations\[0\]\.id is 0/);
    expect(() => semantic([{ id: 1.5, category_id: 2 }])).toThrow(RangeError);
    expect(() => semantic([{ id: 1, category_id: 2 }, { id: 2 }])).toThrow(
      /annotations\[1\] \(instance 2\) has no category_id/,
    );
    expect(() => semantic([{ id: 1, category_id: 2 }], "1")).toThrow(
      /idIncrement must be an integer \(got the string "1"\)/,
    );
  });

  it("an instance given twice must have one category; the same one twice is fine", () => {
    expect(() =>
      semantic([
        { id: 1, category_id: 3 },
        { id: 2, category_id: 4 },
        { id: 1, category_id: 5 },
      ]),
    ).toThrow(/annotations\[2\] gives instance 1 category 5, annotations\[0\] gave it 3/);
    const twice = semantic([
      { id: 1, category_id: 3 },
      { id: 1, categoryId: 3 },
    ]);
    expect(Array.from(twice?.data ?? [])).toEqual([0, 3, 0, 0]);
  });
});

describe("colorize and overlay options", () => {
  it("palette colours must be 3 or 4 integers 0-255 (no wrapping mod 256)", () => {
    for (const bad of [
      [300, 0, 0],
      [-1, 0, 0],
      [1.5, 0, 0],
      [1, 2],
      [1, 2, 3, 4, 5],
    ]) {
      const palette = [[0, 0, 0, 0], bad] as never;
      expect(() => colorize(bitmap, palette), String(bad)).toThrow(RangeError);
      expect(() => colorize(bitmap, palette), String(bad)).toThrow(
        new RegExp(`^colorize: the palette colour for instance 1 is \\[${bad.join(", ")}\\]`),
      );
    }
    expect(() => colorize(bitmap, (() => undefined) as never)).toThrow(
      /instance 0 is undefined: expected \[r, g, b\]/,
    );
    const ok = colorize(bitmap, (id) => (id === 0 ? [0, 0, 0, 0] : [255, id, 0]));
    expect(Array.from(ok.data.subarray(4, 12))).toEqual([255, 1, 0, 255, 255, 2, 0, 255]);
  });

  it("overlay alpha must be a number from 0 to 1 (not clamped), and the image an RGBA image", () => {
    for (const alpha of [1.5, -0.1, Number.NaN, "0.5"])
      expect(() => overlay(image, bitmap, { alpha: alpha as never }), String(alpha)).toThrow(
        /^overlay: alpha must be a number from 0 to 1/,
      );
    expect(Array.from(overlay(image, bitmap, { alpha: 0 }).data.subarray(4, 8))).toEqual([
      100, 100, 100, 100,
    ]);
    expect(Array.from(overlay(image, bitmap, { alpha: 1 }).data.subarray(4, 8))).toEqual([128, 0, 0, 100]);
    expect(() => overlay(null as never, bitmap)).toThrow(/^overlay: image must be \{ width, height, data \}/);
    expect(() => overlay({ width: 2, height: 2 } as never, bitmap)).toThrow(TypeError);
  });
});

describe("PNG codec arguments", () => {
  const png = bitmap2file(bitmap);

  it("maxPixels must be a positive integer or Infinity", () => {
    for (const maxPixels of [0, -1, 1.5, Number.NaN, "100"]) {
      expect(() => decodeLabelBitmap(png, { maxPixels: maxPixels as never }), String(maxPixels)).toThrow(
        RangeError,
      );
      expect(() => decodePng(png, { maxPixels: maxPixels as never }), String(maxPixels)).toThrow(
        /maxPixels must be a positive integer, or Infinity for no limit/,
      );
    }
    expect(decodeLabelBitmap(png, { maxPixels: Number.POSITIVE_INFINITY }).width).toBe(2);
    expect(decodeLabelBitmap(png, { maxPixels: 4 }).width).toBe(2);
  });

  it("decoders say what they got instead of bytes", () => {
    expect(() => decodeLabelBitmap("label.png" as never)).toThrow(
      /expected PNG bytes as a Uint8Array, Buffer, ArrayBuffer or ArrayBufferView, got the string "label.png"/,
    );
    expect(() => decodePng(undefined as never)).toThrow(TypeError);
  });

  it("encodePng without an image or its samples is a BAD_INPUT PngError", () => {
    for (const [input, message] of [
      [null, /encodePng expects \{ width, height, data, colorType \}, got null/],
      [
        { width: 1, height: 1, colorType: "gray" },
        /encodePng: data must be an array of samples, got undefined/,
      ],
    ] as const) {
      expect(() => encodePng(input as never)).toThrow(PngError);
      expect(() => encodePng(input as never)).toThrow(message);
    }
  });
});

describe("downloads", () => {
  let server: ReturnType<typeof createServer>;
  let base = "";
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(403, "Forbidden").end("expired"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("an HTTP error status is a DownloadError with the url and status", async () => {
    for (const load of [loadImageFromUrl, loadLabelBitmapFromUrl]) {
      const error = await load(`${base}/label.png`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadError);
      expect(error).toMatchObject({
        name: "DownloadError",
        url: `${base}/label.png`,
        status: 403,
        statusText: "Forbidden",
        message: `GET ${base}/label.png failed: HTTP 403 Forbidden`,
      });
    }
  });
});
