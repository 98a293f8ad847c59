/**
 * The word-at-a-time run scans give the runs of the plain definition (pycocotools `rleEncode`: walk the pixels
 * column by column, count equal neighbours) for every shape, alignment and byte value.
 */
import { describe, expect, it } from "vitest";
import { countsToString, decode, encode, encodeCounts, stringToCounts } from "../src/rle/index.js";
import { perPixelCounts as plainCounts } from "./plain-rle.js";

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** A mask of long runs and noise, with foreground bytes 1, 7 or 255, at a given byte offset in its buffer. */
function mask(w: number, h: number, offset: number, rnd: () => number): Uint8Array {
  const data = new Uint8Array(new ArrayBuffer(w * h + offset + 8), offset, w * h);
  let on = rnd() < 0.5;
  for (let i = 0; i < data.length; i++) {
    if (rnd() < 0.08) on = !on;
    data[i] = on ? ([1, 7, 255][Math.floor(rnd() * 3)] as number) : 0;
  }
  return data;
}

describe("RLE run scans", () => {
  it("match the definition for sizes that are and are not multiples of 4, at every byte alignment", () => {
    const rnd = random(7);
    for (const [w, h] of [
      [1, 1],
      [4, 4],
      [8, 3],
      [5, 7],
      [13, 1],
      [1, 13],
      [16, 16],
      [33, 20],
      [64, 9],
    ] as const)
      for (let offset = 0; offset < 4; offset++) {
        const data = mask(w, h, offset, rnd);
        for (const columnMajor of [false, true]) {
          const got = encodeCounts(
            { width: w, height: h, data },
            { order: columnMajor ? "column-major" : "row-major" },
          );
          expect(got, `${w}x${h} offset ${offset} ${columnMajor}`).toEqual(
            plainCounts(data, w, h, columnMajor),
          );
        }
      }
  });

  it("handles empty, full and single-pixel masks, and round-trips through decode", () => {
    for (const fill of [0, 1]) {
      const data = new Uint8Array(12 * 8).fill(fill);
      expect(encodeCounts({ width: 12, height: 8, data })).toEqual(fill ? [0, 96] : [96]);
      expect(encodeCounts({ width: 12, height: 8, data }, { order: "column-major" })).toEqual(
        fill ? [0, 96] : [96],
      );
    }
    expect(encodeCounts({ width: 0, height: 0, data: new Uint8Array(0) })).toEqual([0]);
    const rnd = random(3);
    const data = mask(37, 29, 1, rnd);
    const back = decode(encode({ width: 37, height: 29, data }));
    expect(Array.from(back.data)).toEqual(Array.from(data, (v) => (v === 0 ? 0 : 1)));
  });

  it("writes counts strings of counts beyond 32 bits (more than 7 characters each) as rleToString does", () => {
    // rleToString's loop, character by character (maskApi.c)
    const reference = (counts: number[]) => {
      let out = "";
      counts.forEach((count, i) => {
        let x = i > 2 ? count - (counts[i - 2] as number) : count;
        for (let more = true; more; ) {
          let c = x & 0x1f;
          x = Math.floor(x / 32);
          more = c & 0x10 ? x !== -1 : x !== 0;
          if (more) c |= 0x20;
          out += String.fromCharCode(c + 48);
        }
      });
      return out;
    };
    const counts = Array.from({ length: 20 }, (_, i) => (i % 4 < 2 ? 2 ** 50 + i : 2 ** 49 - i));
    const s = countsToString(counts);
    expect(s.length).toBeGreaterThan(7 * counts.length + 16);
    expect(s).toBe(reference(counts));
    const small = [5, 0, 3, 2 ** 31, 7, 1];
    expect(countsToString(small)).toBe(reference(small));
    expect(stringToCounts(countsToString(small))).toEqual(small);
  });
});
