import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import { bitmap2file, decodeLabelBitmap, file2bitmap, MAX_INSTANCE_ID } from "../src/index.js";
import { expectSameIds, realisticBitmap, rng } from "./fixtures.js";

function randomIds(n: number, seed: number, max = MAX_INSTANCE_ID, runs = true): Uint32Array {
  const r = rng(seed);
  const out = new Uint32Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    // Mix runs (the fast paths) with noise (the per-pixel paths) and extreme values.
    if (!runs || r() < 0.3)
      v =
        r() < 0.1
          ? ([0, 1, 255, 256, 65535, 65536, max][Math.floor(r() * 7)] as number)
          : Math.floor(r() * (max + 1));
    out[i] = v;
  }
  return out;
}

const SIZES: [number, number][] = [
  [1, 1],
  [2, 1],
  [1, 2],
  [3, 3],
  [7, 5],
  [8, 8],
  [17, 3],
  [255, 2],
  [256, 257],
  [1001, 13],
  [640, 480],
];

describe("bitmap2file / decodeLabelBitmap round trip", () => {
  it.each(SIZES)("random %ix%i (node and browser backends)", (w, h) => {
    for (const seed of [1, 2]) {
      const ids = randomIds(w * h, seed * 1000 + w);
      const png = bitmap2file(ids, { width: w, height: h });
      const back = decodeLabelBitmap(png);
      expect(back.width).toBe(w);
      expect(back.height).toBe(h);
      expectSameIds(back.data, ids);
      // The fflate (browser) entry reads what node:zlib wrote and vice versa.
      expectSameIds(browser.decodeLabelBitmap(png).data, ids);
      expectSameIds(decodeLabelBitmap(browser.bitmap2file(ids, { width: w, height: h })).data, ids);
    }
  });

  it("noise without runs, and all-equal images", () => {
    const w = 333;
    const h = 7;
    const noise = randomIds(w * h, 9, MAX_INSTANCE_ID, false);
    expectSameIds(file2bitmap(bitmap2file(noise, { width: w, height: h })).data, noise);
    for (const v of [0, 1, 0x800000, MAX_INSTANCE_ID]) {
      const flat = new Uint32Array(w * h).fill(v);
      expectSameIds(file2bitmap(bitmap2file(flat, { width: w, height: h })).data, flat);
    }
  });

  it("realistic 1920x1080 instance map", () => {
    const ids = realisticBitmap(1920, 1080, 50, 3);
    const png = bitmap2file(ids, { width: 1920, height: 1080 });
    expect(png.length).toBeLessThan(200_000);
    expectSameIds(decodeLabelBitmap(png).data, ids);
  });

  // Explicit, generous timeout: on a loaded 2-core CI machine this once took longer than the default 30 s. The
  // map is generated at 1024x768 and scaled up 4x (nearest neighbour), which keeps its structure (runs, instance
  // boundaries) but makes generating it 16x cheaper than drawing 12.6 M pixels.
  it("4096x3072 round trip", { timeout: 120_000 }, () => {
    const w = 4096;
    const h = 3072;
    const small = realisticBitmap(w / 4, h / 4, 200, 4);
    const ids = new Uint32Array(w * h);
    for (let y = 0; y < h; y++) {
      const row = y * w;
      const src = (y >> 2) * (w / 4);
      for (let x = 0; x < w; x++) ids[row + x] = small[src + (x >> 2)] as number;
    }
    // A band of per-pixel noise too.
    const noise = randomIds(w * 16, 5);
    ids.set(noise, w * 1000);
    const back = decodeLabelBitmap(bitmap2file(ids, { width: w, height: h }));
    expect(back.width).toBe(w);
    expect(back.height).toBe(h);
    expectSameIds(back.data, ids, w);
  });

  it("misaligned Uint32Array views (odd byte offset in 8-byte units) and odd widths", () => {
    const base = randomIds(1 + 9 * 7, 11);
    const view = base.subarray(1); // byteOffset 4
    expect(view.byteOffset % 8).toBe(4);
    const copy = Uint32Array.from(view);
    expectSameIds(decodeLabelBitmap(bitmap2file(view, { width: 9, height: 7 })).data, copy);
    const runs = new Uint32Array(1 + 9 * 7).fill(7).subarray(1);
    expectSameIds(decodeLabelBitmap(bitmap2file(runs, { width: 9, height: 7 })).data, Uint32Array.from(runs));
  });
});

describe("bitmap2file inputs", () => {
  const w = 4;
  const h = 3;
  const ids = [0, 1, 2, 3, 255, 256, 1000, 65535, 0, 0, 5, 5];
  const expected = Uint32Array.from(ids);
  it.each([
    ["Uint8Array", Uint8Array.from(ids.map((v) => v & 255))],
    ["Uint16Array", Uint16Array.from(ids)],
    ["Int32Array", Int32Array.from(ids)],
    ["Uint32Array", Uint32Array.from(ids)],
    ["number[]", ids],
    ["Float64Array", Float64Array.from(ids)],
  ] as const)("%s", (_name, data) => {
    const want = data instanceof Uint8Array ? Uint32Array.from(data) : expected;
    expectSameIds(decodeLabelBitmap(bitmap2file(data, { width: w, height: h })).data, want);
  });

  it("typed arrays with their shape", () => {
    const data = Uint32Array.from(ids);
    expectSameIds(decodeLabelBitmap(bitmap2file({ data, shape: [h, w] })).data, expected);
    expectSameIds(decodeLabelBitmap(bitmap2file({ data, shape: [h, w, 1] })).data, expected);
    expectSameIds(decodeLabelBitmap(bitmap2file({ data, width: w, height: h })).data, expected);
    expect(() => bitmap2file({ data, shape: [h, w, 3] })).toThrow(RangeError);
    expect(() => bitmap2file({ data, shape: [w, h] }, { width: w, height: h })).toThrow(/disagree/);
  });

  it("rows: nested arrays and arrays of typed rows, shaped by the rows", () => {
    const rows = [ids.slice(0, 4), ids.slice(4, 8), ids.slice(8)];
    const flat = bitmap2file(expected, { width: w, height: h });
    expect(bitmap2file(rows)).toEqual(flat);
    expect(bitmap2file(rows.map((r) => Uint16Array.from(r)))).toEqual(flat);
    expect(bitmap2file(rows, { width: w, height: h })).toEqual(flat);
    expect(() => bitmap2file(rows, { width: h, height: w })).toThrow(
      /bitmap2file: options 3x4 disagree with the 3 rows of 4 ids/,
    );
  });

  it("size errors", () => {
    expect(() => bitmap2file(Uint32Array.from(ids))).toThrow(/width, height/);
    expect(() => bitmap2file(Uint32Array.from(ids), { width: 5, height: 3 })).toThrow(
      /12 pixels, expected 5x3/,
    );
    expect(() => bitmap2file(new Uint32Array(0), { width: 0, height: 0 })).toThrow(
      /bitmap2file: width must be a positive integer \(got 0\)/,
    );
  });

  it.each([
    [
      "2^24 in a Uint32Array",
      Uint32Array.from([0, 1, 2, 3, 4, 2 ** 24, 6, 2 ** 24 + 5, 0, 0, 0, 0]),
      "16777216",
      1,
      1,
      /2\^24/,
    ],
    [
      "0xffffffff",
      Uint32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xffffffff, 0]),
      "4294967295",
      2,
      2,
      /2\^24/,
    ],
    ["a negative Int32", Int32Array.from([0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0]), "-1", 2, 1, /negative/],
    [
      "-2^31 (the float64 -0 pattern) in a zero run",
      Int32Array.from([0, 0, 0, -(2 ** 31), 0, 0, 0, 0, 0, 0, 0, 0]),
      "-2147483648",
      3,
      0,
      /negative/,
    ],
    ["a fraction", [0, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 0], "1.5", 1, 1, /integer/],
    ["NaN", [0, 0, 0, 0, 0, 0, 0, 0, Number.NaN, 0, 0, 0], "NaN", 0, 2, /integer/],
  ] as const)("rejects %s with a RangeError naming the first bad pixel", (_n, data, value, x, y, why) => {
    let err: unknown;
    try {
      bitmap2file(data, { width: 4, height: 3 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RangeError);
    const msg = (err as Error).message;
    expect(msg).toContain(`instance id ${value} at pixel (x=${x}, y=${y})`);
    expect(msg).toMatch(why);
  });

  it("rejects 0x80000000 hiding in a long zero run of a wide image", () => {
    const data = new Uint32Array(64 * 2);
    data[64 + 33] = 0x80000000;
    expect(() => bitmap2file(data, { width: 64, height: 2 })).toThrow(/at pixel \(x=33, y=1\)/);
  });
});
