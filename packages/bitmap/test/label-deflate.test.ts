// bitmap2file's compressor, which codes the filtered RGBA rows straight from the ids: its stream must inflate
// (node:zlib, which also checks Adler-32, and fflate) to exactly the rows a byte-by-byte Sub or Up filter gives,
// with Up on the rows where it predicts more pixels.
import * as zlib from "node:zlib";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import * as node from "../src/index.js";
import { deflateLabelRows } from "../src/label-deflate.js";
import { realisticBitmap, rng } from "./fixtures.js";

/** Pixels of a filtered row (filter byte first) with a non-zero byte: the pixels the filter does not predict. */
function unpredicted(row: Uint8Array): number {
  let n = 0;
  for (let i = 1; i < row.length; i += 4) if (row[i] || row[i + 1] || row[i + 2] || row[i + 3]) n++;
  return n;
}

/**
 * The PNG rows of the ids as RGBA8 (id = R + 256 G + 65536 B, alpha 255), filtered byte by byte with Sub and with
 * Up; each row keeps Up where that leaves fewer unpredicted pixels than Sub, else Sub (always on the first row).
 */
function referenceRows(ids: Uint32Array, w: number, h: number): Uint8Array {
  const rgba = (i: number, c: number) => (c === 3 ? 255 : ((ids[i] as number) >>> (8 * c)) & 255);
  const out = new Uint8Array(h * (4 * w + 1));
  const filtered = (y: number, filter: 1 | 2) => {
    const row = new Uint8Array(4 * w + 1);
    row[0] = filter;
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 4; c++) {
        const i = y * w + x;
        const predicted = filter === 1 ? (x > 0 ? rgba(i - 1, c) : 0) : rgba(i - w, c);
        row[1 + 4 * x + c] = (rgba(i, c) - predicted) & 255;
      }
    return row;
  };
  for (let y = 0; y < h; y++) {
    const sub = filtered(y, 1);
    const up = y > 0 ? filtered(y, 2) : undefined;
    out.set(up && unpredicted(up) < unpredicted(sub) ? up : sub, y * (4 * w + 1));
  }
  return out;
}

function expectRows(ids: Uint32Array, w: number, h: number): Uint8Array {
  const want = Buffer.from(referenceRows(ids, w, h));
  const z = deflateLabelRows(ids, w, h);
  expect(Buffer.compare(zlib.inflateSync(z), want)).toBe(0);
  expect(Buffer.compare(Buffer.from(unzlibSync(z)), want)).toBe(0);
  return want;
}

/** The same ids at both 8-byte alignments (the run scan reads pairs of ids as float64s). */
function atBothAlignments(ids: Uint32Array): Uint32Array[] {
  const shifted = new Uint32Array(ids.length + 1).subarray(1);
  shifted.set(ids);
  return [ids, shifted];
}

/** Lengths of the runs of zero bytes in `bytes`. */
function zeroRuns(bytes: Uint8Array): Set<number> {
  const runs = new Set<number>();
  let n = 0;
  for (const b of bytes) {
    if (b === 0) n++;
    else if (n > 0) {
      runs.add(n);
      n = 0;
    }
  }
  if (n > 0) runs.add(n);
  return runs;
}

describe("deflateLabelRows", () => {
  it("tiny and degenerate shapes", () => {
    for (const [w, h] of [
      [1, 1],
      [1, 2],
      [1, 37],
      [2, 1],
      [3, 1],
      [300, 1],
      [7, 5],
      [33, 3],
    ] as const) {
      const n = w * h;
      const r = rng(w * 1000 + h);
      for (const ids of [
        new Uint32Array(n),
        new Uint32Array(n).fill(1),
        new Uint32Array(n).fill(0xffffff),
        new Uint32Array(n).fill(0x010101),
        Uint32Array.from({ length: n }, () => Math.floor(r() * 2 ** 24)),
        Uint32Array.from({ length: n }, () => Math.floor(r() * 3)),
      ])
        for (const a of atBothAlignments(ids)) expectRows(a, w, h);
    }
  });

  it("differences with zero bytes next to non-zero ones", () => {
    // 0x010000 after 0 differs only in B: the R and G differences are zeros that join the run before them.
    const values = [
      0, 0x010000, 0x000100, 0x000001, 0x010001, 0xff0000, 0x00ff00, 0x0100ff, 0xffffff, 0x000101,
    ];
    const r = rng(7);
    for (const w of [1, 2, 5, 16, 31]) {
      const h = 9;
      const ids = Uint32Array.from(
        { length: w * h },
        () => values[Math.floor(r() * values.length)] as number,
      );
      for (const a of atBothAlignments(ids)) expectRows(a, w, h);
    }
  });

  it("zero runs around the longest match (258) and rows of one id", () => {
    // k pixels equal to the one before, then a pixel whose difference starts with `lead` zero bytes: zero runs of
    // 4k + lead bytes after a row's first pixel, 3 + 4k + lead after a difference of 1 (its G, B and alpha are
    // zero), covering every length near 258 and 2 * 258.
    const rows: number[][] = [];
    for (const k of [62, 63, 64, 65, 127, 128, 129, 130])
      for (const lead of [0, 1, 2]) {
        const next = 2 + ([0x000005, 0x000500, 0x050000][lead] as number);
        rows.push([0x000002, ...new Array(k).fill(0x000002), next]);
        rows.push([0x000001, 0x000002, ...new Array(k).fill(0x000002), next]);
      }
    const w = Math.max(...rows.map((row) => row.length));
    const ids = new Uint32Array(w * rows.length);
    rows.forEach((row, y) => {
      ids.set(row, y * w); // the rest of the row stays 0
    });
    for (const a of atBothAlignments(ids)) {
      const runs = zeroRuns(expectRows(a, w, rows.length));
      for (const n of [257, 258, 259, 260, 261, 262, 515, 516, 517, 518, 519]) expect(runs).toContain(n);
    }
    // Whole rows of one id (runs far longer than a match), also all zeros.
    const wide = new Uint32Array(4000 * 6);
    for (let y = 0; y < 6; y++) wide.fill(y % 3 === 0 ? 0 : y * 0x010203, y * 4000, (y + 1) * 4000);
    for (const a of atBothAlignments(wide)) expectRows(a, 4000, 6);
    expectRows(new Uint32Array(300_000), 300_000, 1); // one zero run of > 2^20 bytes
  });

  it("realistic label maps", () => {
    for (const [w, h, seed] of [
      [97, 61, 1],
      [640, 480, 2],
      [1001, 333, 3],
    ] as const)
      for (const a of atBothAlignments(realisticBitmap(w, h, 40, seed))) expectRows(a, w, h);
  });

  it("filters a row Up where the row above predicts more pixels than the left neighbour, else Sub", () => {
    const w = 64;
    const filters = (ids: Uint32Array, h: number) => {
      const rows = expectRows(ids, w, h);
      return Array.from({ length: h }, (_, y) => rows[y * (4 * w + 1)]);
    };
    // Vertical stripes: each row repeats the one above (0 unpredicted pixels with Up, 8 with Sub).
    const stripes = Uint32Array.from({ length: w * 6 }, (_, i) => ((i % w) >> 3) * 0x010203);
    expect(filters(stripes, 6)).toEqual([1, 2, 2, 2, 2, 2]);
    // Horizontal bands: one id per row (1 unpredicted pixel with Sub, 64 with Up).
    const bands = Uint32Array.from({ length: w * 4 }, (_, i) => 1 + Math.floor(i / w));
    expect(filters(bands, 4)).toEqual([1, 1, 1, 1]);
    // An edge between ids 5 and 6 that moves right. Sub leaves 2 pixels unpredicted (the first, and the edge). Moved by
    // one pixel (row 1), Up leaves 1: Up. Moved by two (row 2), Up also leaves 2, and a tie stays Sub.
    const edge = new Uint32Array(w * 3);
    for (const [y, at] of [
      [0, 31],
      [1, 32],
      [2, 34],
    ] as const)
      for (let x = 0; x < w; x++) edge[y * w + x] = x < at ? 5 : 6;
    expect(filters(edge, 3)).toEqual([1, 2, 1]);
  });

  it("throws badId() after the scan when an id has bits above the 24th", () => {
    const ids = new Uint32Array(64);
    ids[40] = 0x80000000;
    expect(() => deflateLabelRows(ids, 8, 8, () => new RangeError("pixel 40"))).toThrow("pixel 40");
    ids[40] = 2 ** 24;
    expect(() => deflateLabelRows(ids, 8, 8)).toThrow(RangeError);
  });
});

describe("bitmap2file levels", () => {
  it("both entries write the same file for level > 0; level 0 stores the same rows", () => {
    const [w, h] = [123, 45];
    const ids = realisticBitmap(w, h, 20, 5);
    const png = node.bitmap2file(ids, { width: w, height: h });
    expect(Buffer.compare(browser.bitmap2file(ids, { width: w, height: h }), png)).toBe(0);
    expect(Buffer.compare(node.bitmap2file(ids, { width: w, height: h, level: 9 }), png)).toBe(0);
    for (const entry of [node, browser]) {
      const stored = entry.bitmap2file(ids, { width: w, height: h, level: 0 });
      expect(stored.length).toBeGreaterThan(h * (4 * w + 1));
      expect(Buffer.from(entry.decodeLabelBitmap(stored).data.buffer)).toEqual(Buffer.from(ids.buffer));
    }
  });

  it("a level outside 0-9 is a RangeError naming the option, on both entries", () => {
    const ids = new Uint32Array(4);
    for (const entry of [node, browser])
      for (const level of [-1, 10, 2.5, Number.NaN])
        expect(() => entry.bitmap2file(ids, { width: 2, height: 2, level })).toThrow(
          /level must be an integer from 0 to 9/,
        );
  });
});
