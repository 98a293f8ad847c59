import * as zlib from "node:zlib";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { RleTokens } from "../src/deflate-rle.js";
import { rng } from "./fixtures.js";

// The run-length zlib writer under bitmap2file, checked by two independent inflaters (node:zlib verifies Adler-32).
// `d` is coded as literals, with every zero that follows a zero coded as a run (distance-1 matches).
function roundTrips(d: Uint8Array): void {
  const t = new RleTokens();
  for (let i = 0; i < d.length; ) {
    t.literal(d[i] as number);
    let j = i + 1;
    if (d[i] === 0) {
      while (j < d.length && d[j] === 0) j++;
      t.zeros(j - i - 1);
    }
    i = j;
  }
  const z = t.finish();
  expect(Buffer.compare(zlib.inflateSync(z), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
  // With `out` preallocated, as the fflate backend always calls it: without, fflate returned only 937,539 of the
  // 2,500,000 bytes of a literals-only stream here (while node:zlib inflated all of it).
  const viaFflate = unzlibSync(z, { out: new Uint8Array(d.length) });
  expect(Buffer.compare(Buffer.from(viaFflate), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
}

describe("RleTokens", () => {
  it("random zero runs and noise", () => {
    const r = rng(1);
    for (let t = 0; t < 400; t++) {
      const n = Math.floor(r() * 5000) + 1;
      const d = new Uint8Array(n);
      let i = 0;
      while (i < n) {
        const len = Math.floor(r() ** 3 * 600) + 1;
        const v = r() < 0.6 ? 0 : r() < 0.5 ? Math.floor(r() * 256) : 255;
        d.fill(v, i, Math.min(n, i + len));
        i += len;
      }
      if (t % 7 === 0) for (let k = 0; k < n; k++) d[k] = Math.floor(r() * 256);
      roundTrips(d);
    }
  });

  it("edge cases: tiny inputs, exact match lengths, huge runs", () => {
    for (const n of [1, 2, 3, 4, 258, 259, 260, 261, 516, 517]) {
      roundTrips(new Uint8Array(n));
      roundTrips(new Uint8Array(n).fill(9));
    }
    roundTrips(Uint8Array.of(5));
    const big = new Uint8Array(6_000_000); // a zero run of millions of bytes
    big[5] = 7;
    big[5_999_999] = 9;
    roundTrips(big);
    roundTrips(new Uint8Array(2_500_000).fill(200));
  });
});
