import * as zlib from "node:zlib";
import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deflateRle } from "../src/deflate-rle.js";
import { rng } from "./fixtures.js";

// The browser backend's run-length zlib encoder, checked by two independent inflaters (node:zlib verifies Adler-32).
function roundTrips(d: Uint8Array): void {
  const z = deflateRle(d);
  expect(Buffer.compare(zlib.inflateSync(z), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
  expect(Buffer.compare(Buffer.from(unzlibSync(z)), Buffer.from(d.buffer, d.byteOffset, d.length))).toBe(0);
}

describe("deflateRle", () => {
  it("random runs and noise at every alignment", () => {
    const r = rng(1);
    for (let t = 0; t < 400; t++) {
      const n = Math.floor(r() * 5000) + 1;
      const d = new Uint8Array(n + 3).subarray(t % 4, (t % 4) + n);
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
    const big = new Uint8Array(6_000_000); // runs longer than the 2^20-byte Adler-32 chunk
    big[5] = 7;
    big[5_999_999] = 9;
    roundTrips(big);
    roundTrips(new Uint8Array(2_500_000).fill(200));
  });
});
