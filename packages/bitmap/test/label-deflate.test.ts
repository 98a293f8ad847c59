// bitmap2file's compressor, which codes the filtered RGBA rows straight from the ids: its stream must inflate
// (node:zlib, which also checks Adler-32, and fflate) to exactly the rows a byte-by-byte filter gives, Sub on the
// first row and Up on every other.
import * as zlib from "node:zlib";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import { deflateLabelRows } from "../src/codec/label-deflate.js";
import * as node from "../src/index.js";
import { realisticBitmap, rng } from "./fixtures.js";

/**
 * The PNG rows of the ids as RGBA8 (id = R + 256 G + 65536 B, alpha 255), filtered byte by byte: Sub on the first
 * row, Up on every other.
 */
function referenceRows(ids: Uint32Array, w: number, h: number): Uint8Array {
  const rgba = (i: number, c: number) => (c === 3 ? 255 : ((ids[i] as number) >>> (8 * c)) & 255);
  const out = new Uint8Array(h * (4 * w + 1));
  for (let y = 0; y < h; y++) {
    const o = y * (4 * w + 1);
    out[o] = y === 0 ? 1 : 2;
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 4; c++) {
        const i = y * w + x;
        const predicted = y > 0 ? rgba(i - w, c) : x > 0 ? rgba(i - 1, c) : 0;
        out[o + 1 + 4 * x + c] = (rgba(i, c) - predicted) & 255;
      }
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
    // All-zero rows between rows with one pixel at x = k whose difference starts with `lead` zero bytes: Up rows with
    // zero runs of 4k + lead bytes before the pixel and 3 - lead + 4(w - k - 1) after it, covering every length near
    // 258 and 2 * 258.
    const w = 200;
    const rows: number[][] = [];
    for (let k = 60; k <= 140; k++)
      for (let lead = 0; lead < 3; lead++) {
        const row = new Array(w).fill(0);
        row[k] = [0x000005, 0x000500, 0x050000][lead] as number;
        rows.push(row, new Array(w).fill(0));
      }
    const ids = Uint32Array.from(rows.flat());
    for (const a of atBothAlignments(ids)) {
      const runs = zeroRuns(expectRows(a, w, rows.length));
      for (const n of [257, 258, 259, 260, 261, 262, 515, 516, 517, 518, 519]) expect(runs).toContain(n);
    }
    // Whole rows of one id (runs far longer than a match), also all zeros.
    const wide = new Uint32Array(4000 * 6);
    for (let y = 0; y < 6; y++) wide.fill(y % 3 === 0 ? 0 : y * 0x010203, y * 4000, (y + 1) * 4000);
    for (const a of atBothAlignments(wide)) expectRows(a, 4000, 6);
    expectRows(new Uint32Array(300_000), 300_000, 1); // one zero run of > 2^20 bytes
    expectRows(new Uint32Array(300_000).fill(7), 1000, 300); // one zero run of > 2^20 bytes over Up rows
  });

  it("realistic label maps", () => {
    for (const [w, h, seed] of [
      [97, 61, 1],
      [640, 480, 2],
      [1001, 333, 3],
    ] as const)
      for (const a of atBothAlignments(realisticBitmap(w, h, 40, seed))) expectRows(a, w, h);
  });

  it("codes a difference repeated along a row as distance-4 matches: the size does not grow with the run", () => {
    // Horizontal bands: one id per row, so each Up row is one difference repeated over the whole width. As literals,
    // a 4096-wide row would take 16,384 symbols (several kB); as matches of 258 bytes, 64.
    const bands = (w: number) =>
      Uint32Array.from({ length: w * 8 }, (_, i) => 1 + Math.floor(i / w) * 0x010203);
    expectRows(bands(4096), 4096, 8);
    const growth = deflateLabelRows(bands(4096), 4096, 8).length - deflateLabelRows(bands(64), 64, 8).length;
    expect(growth / 7).toBeLessThan(64); // measured: 19 bytes more per row
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
