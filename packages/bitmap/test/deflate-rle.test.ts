import * as zlib from "node:zlib";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { RleTokens } from "../src/codec/deflate-rle.js";
import { greedyStream, rng } from "./fixtures.js";

// The zlib writer under bitmap2file (literals, and matches at distances 1 and 4), checked by two independent
// inflaters (node:zlib verifies Adler-32).
function expectInflatesTo(z: Uint8Array, d: Uint8Array): void {
  expect(Buffer.compare(zlib.inflateSync(z), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
  // With `out` preallocated, as the fflate backend always calls it: without, fflate returned only 937,539 of the
  // 2,500,000 bytes of a literals-only stream here (while node:zlib inflated all of it).
  const viaFflate = unzlibSync(z, { out: new Uint8Array(d.length) });
  expect(Buffer.compare(Buffer.from(viaFflate), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
}

/** `d` coded with literals and runs of one byte only (distance-1 matches), as zlib's Z_RLE would. */
function runsOnly(d: Uint8Array): Uint8Array {
  const t = new RleTokens();
  for (let i = 0; i < d.length; ) {
    t.literal(d[i] as number);
    let j = i + 1;
    while (j < d.length && d[j] === d[i]) j++;
    t.repeat(1, j - i - 1);
    i = j;
  }
  return t.finish();
}

/** Random bytes in runs of one value, of a repeated 4-byte pattern, or noise. */
function runsAndPatterns(r: () => number, n: number): Uint8Array {
  const d = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const len = Math.floor(r() ** 3 * 600) + 1;
    const kind = r();
    const pattern = Array.from({ length: 4 }, () => (r() < 0.5 ? 0 : Math.floor(r() * 256)));
    for (let k = 0; k < len && i < n; k++, i++)
      d[i] =
        kind < 0.4 ? 0 : kind < 0.7 ? (pattern[k & 3] as number) : kind < 0.85 ? 255 : Math.floor(r() * 256);
  }
  return d;
}

describe("RleTokens", () => {
  it("random runs, repeated 4-byte patterns and noise, coded with runs only and with distance-4 matches", () => {
    const r = rng(1);
    for (let t = 0; t < 400; t++) {
      const d = runsAndPatterns(r, Math.floor(r() * 5000) + 1);
      expectInflatesTo(runsOnly(d), d);
      expectInflatesTo(greedyStream(d), d);
    }
  });

  it("edge cases: tiny inputs, exact match lengths, huge runs", () => {
    for (const n of [1, 2, 3, 4, 258, 259, 260, 261, 516, 517]) {
      expectInflatesTo(runsOnly(new Uint8Array(n)), new Uint8Array(n));
      expectInflatesTo(runsOnly(new Uint8Array(n).fill(9)), new Uint8Array(n).fill(9));
    }
    expectInflatesTo(runsOnly(Uint8Array.of(5)), Uint8Array.of(5));
    const big = new Uint8Array(6_000_000); // a zero run of millions of bytes
    big[5] = 7;
    big[5_999_999] = 9;
    expectInflatesTo(runsOnly(big), big);
    const filled = new Uint8Array(2_500_000).fill(200);
    expectInflatesTo(runsOnly(filled), filled);
  });

  it("distance-4 runs of every length near one and two maximal matches, and of millions of bytes", () => {
    for (const n of [
      1, 2, 3, 4, 5, 7, 254, 255, 256, 257, 258, 259, 260, 261, 262, 515, 516, 517, 518, 519,
    ]) {
      const t = new RleTokens();
      for (const v of [9, 0, 200, 1]) t.literal(v);
      t.repeat(4, n);
      const d = Uint8Array.from({ length: 4 + n }, (_, i) => [9, 0, 200, 1][i & 3] as number);
      expectInflatesTo(t.finish(), d);
    }
    // Adler-32 over whole 4-byte cycles in closed form, for more cycles than one closed-form step takes (2^16).
    const t = new RleTokens();
    for (const v of [255, 254, 253, 252]) t.literal(v);
    t.repeat(4, 3_000_001);
    expectInflatesTo(
      t.finish(),
      Uint8Array.from({ length: 3_000_005 }, (_, i) => 255 - (i & 3)),
    );
  });

  it("a match needs as many bytes before it as its distance", () => {
    const t = new RleTokens();
    expect(() => t.repeat(1, 5)).toThrow(/distance-1 match needs 1 bytes/);
    t.literal(1);
    t.literal(2);
    t.literal(3);
    expect(() => t.repeat(4, 5)).toThrow(/distance-4 match needs 4 bytes/);
    t.literal(4);
    t.repeat(4, 5);
    expectInflatesTo(t.finish(), Uint8Array.of(1, 2, 3, 4, 1, 2, 3, 4, 1));
  });
});
