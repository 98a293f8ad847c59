import { describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import {
  area,
  compressRle,
  countsToString,
  decode,
  decompressRle,
  encode,
  encodeCounts,
  frBbox,
  frPoly,
  invert,
  iou,
  merge,
  stringToCounts,
  toBbox,
} from "../src/rle/index.js";

function rowsToMask(rows: string[]) {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const data = new Uint8Array(width * height);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data[y * width + x] = row[x] === "1" ? 1 : 0;
  });
  return { width, height, data };
}

function rectMask(h: number, w: number, x0: number, x1: number, y0: number, y1: number) {
  const data = new Uint8Array(w * h);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * w + x] = 1;
  return { width: w, height: h, data };
}

describe("reference vectors (section 7.3, compiled maskApi.c output)", () => {
  it("4x5 mask", () => {
    const mask = rowsToMask(["01100", "01110", "00110", "00001"]);
    expect(encodeCounts(mask)).toEqual([4, 2, 2, 3, 2, 2, 4, 1]);
    const rle = encode(mask);
    expect(rle).toEqual({ size: [4, 5], counts: "42210O2O" });
    expect(area(rle)).toBe(8);
    expect(toBbox(rle)).toEqual([1, 0, 4, 4]);
    expect(decode(rle).data).toEqual(mask.data);
  });

  it("all ones and all zeros 3x3", () => {
    const ones = encode({ width: 3, height: 3, data: new Uint8Array(9).fill(1) });
    expect(ones.counts).toBe("09");
    expect(area(ones)).toBe(9);
    expect(toBbox(ones)).toEqual([0, 0, 3, 3]);
    const zeros = encode({ width: 3, height: 3, data: new Uint8Array(9) });
    expect(zeros.counts).toBe("9");
    expect(area(zeros)).toBe(0);
    expect(toBbox(zeros)).toEqual([0, 0, 0, 0]);
  });

  it("100x100 rectangle", () => {
    const mask = rectMask(100, 100, 10, 59, 20, 79);
    const expected = [1020, ...Array.from({ length: 49 }, () => [60, 40]).flat(), 60, 4020];
    expect(encodeCounts(mask)).toEqual(expected);
    const rle = encode(mask);
    expect(rle.counts).toBe(`lo0l1X1${"0".repeat(97)}\\l3`);
    expect(area(rle)).toBe(3000);
    expect(toBbox(rle)).toEqual([10, 20, 50, 60]);
  });

  it("frPoly square", () => {
    const rle = frPoly([10, 10, 20, 10, 20, 20, 10, 20], 30, 30);
    expect(decompressRle(rle).counts).toEqual([
      310,
      ...Array.from({ length: 9 }, () => [10, 20]).flat(),
      10,
      310,
    ]);
    expect(rle.counts).toBe("f9:d000000000000000000R9");
    expect(area(rle)).toBe(100);
    expect(toBbox(rle)).toEqual([10, 10, 10, 10]);
  });

  it("frPoly triangle", () => {
    const rle = frPoly([0, 0, 10, 0, 0, 10], 12, 12);
    expect(decompressRle(rle).counts).toEqual([0, 9, 3, 8, 4, 7, 5, 6, 6, 5, 7, 4, 8, 3, 9, 2, 10, 1, 47]);
    expect(rle.counts).toBe("093O1O1O1O1O1O1O1OU1");
    expect(area(rle)).toBe(45);
    expect(toBbox(rle)).toEqual([0, 0, 9, 9]);
  });

  it("frPoly half-pixel rectangle", () => {
    const rle = frPoly([1.5, 1.5, 4.5, 1.5, 4.5, 3.5, 1.5, 3.5], 6, 6);
    expect(decompressRle(rle).counts).toEqual([14, 2, 4, 2, 4, 2, 8]);
    expect(rle.counts).toBe(">240004");
    expect(area(rle)).toBe(6);
    expect(toBbox(rle)).toEqual([2, 2, 3, 2]);
  });

  it("frPoly sub-pixel rectangle", () => {
    const rle = frPoly([0.4, 0.4, 2.6, 0.4, 2.6, 2.6, 0.4, 2.6], 5, 5);
    expect(rle.counts).toBe("032000:");
    expect(area(rle)).toBe(9);
    expect(toBbox(rle)).toEqual([0, 0, 3, 3]);
  });

  it("frPoly clipped at the image border", () => {
    const rle = frPoly([-5, -5, 10, -5, 10, 10, -5, 10], 30, 30);
    expect(rle.counts).toBe("0:d000000000000000000hb0");
    expect(area(rle)).toBe(100);
    expect(toBbox(rle)).toEqual([0, 0, 10, 10]);
  });

  it("frPoly triangle [6,6,11,6,6,9] has 7 pixels", () => {
    expect(area(frPoly([6, 6, 11, 6, 6, 9], 10, 12))).toBe(7);
  });

  it("frBbox", () => {
    const rle = frBbox([2, 3, 4, 5], 10, 10);
    expect(decompressRle(rle).counts).toEqual([23, 5, 5, 5, 5, 5, 5, 5, 42]);
    expect(rle.counts).toBe("g05500000U1");
    expect(area(rle)).toBe(20);
    expect(toBbox(rle)).toEqual([2, 3, 4, 5]);
  });

  it("closed/open and CW/CCW rings give the same string", () => {
    const expected = `0d0:${"0".repeat(37)}\\9`;
    const open = [0, 0, 20, 0, 20, 20, 0, 20];
    const closed = [...open, 0, 0];
    const ccw = [0, 0, 0, 20, 20, 20, 20, 0];
    for (const poly of [open, closed, ccw, [...ccw, 0, 0]])
      expect(frPoly(poly, 30, 30).counts).toBe(expected);
  });
});

describe("compressed string codec", () => {
  it("round-trips random count arrays, including large values and zero runs", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const counts = Array.from({ length: n }, (_, i) => {
        const r = rand();
        if (i > 0 && r < 0.05) return 0;
        if (r < 0.1) return Math.floor(rand() * 2 ** 31);
        return Math.floor(rand() * 5000);
      });
      const s = countsToString(counts);
      expect(/^[0-o]*$/.test(s)).toBe(true);
      expect(stringToCounts(s)).toEqual(counts);
    }
  });

  it("round-trips random masks through encode/decode in both orders", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 69069 + 1) % 2 ** 32;
      return seed / 2 ** 32;
    };
    for (let trial = 0; trial < 200; trial++) {
      const width = 1 + Math.floor(rand() * 30);
      const height = 1 + Math.floor(rand() * 30);
      const density = rand();
      const data = new Uint8Array(width * height);
      for (let i = 0; i < data.length; i++) data[i] = rand() < density ? 1 : 0;
      const mask = { width, height, data };
      const rle = encode(mask);
      expect(decode(rle).data).toEqual(data);
      let ones = 0;
      for (const v of data) ones += v;
      expect(area(rle)).toBe(ones);
      const columnMajor = new Uint8Array(data.length);
      for (let x = 0; x < width; x++)
        for (let y = 0; y < height; y++) columnMajor[x * height + y] = data[y * width + x] as number;
      expect(encode({ width, height, data: columnMajor }, { order: "column-major" })).toEqual(rle);
      expect(decode(rle, { order: "column-major" }).data).toEqual(columnMajor);
      expect(compressRle(decompressRle(rle))).toEqual(rle);
    }
  });

  it("treats 0/255 masks like 0/1 masks", () => {
    const mask = rowsToMask(["01100", "01110", "00110", "00001"]);
    const data255 = mask.data.map((v) => v * 255);
    expect(encode({ ...mask, data: data255 }).counts).toBe("42210O2O");
  });

  it("rejects bad strings and sizes with a ConversionError", () => {
    expect(() => stringToCounts("42p")).toThrow(ConversionError);
    expect(() => stringToCounts("l")).toThrow(/truncated/);
    expect(() => decode({ size: [3, 3], counts: [1, 2] })).toThrow(/sum to 3/);
    expect(() => decode({ size: [3] as unknown as [number, number], counts: "09" })).toThrow(ConversionError);
  });
});

describe("merge / iou / invert", () => {
  it("union and intersection match pixel logic", () => {
    const a = frBbox([0, 0, 2, 2], 4, 4);
    const b = frBbox([1, 1, 2, 2], 4, 4);
    const union = decode(merge([a, b])).data;
    const inter = decode(merge([a, b], true)).data;
    const da = decode(a).data;
    const db = decode(b).data;
    for (let i = 0; i < 16; i++) {
      expect(union[i]).toBe(da[i] || db[i] ? 1 : 0);
      expect(inter[i]).toBe(da[i] && db[i] ? 1 : 0);
    }
    expect(area(merge([a, b]))).toBe(7);
    expect(area(merge([a, b], true))).toBe(1);
    expect(merge([a])).toEqual(a);
  });

  it("merges masks with a leading foreground run", () => {
    const a = encode(rowsToMask(["10", "00"]));
    const b = encode(rowsToMask(["00", "01"]));
    expect(decode(merge([a, b])).data).toEqual(Uint8Array.of(1, 0, 0, 1));
    expect(merge([a, b]).counts).toBe(countsToString([0, 1, 2, 1]));
  });

  it("iou and crowd iou", () => {
    const d = frBbox([0, 0, 2, 2], 4, 4);
    const g = frBbox([0, 0, 2, 1], 4, 4);
    expect(iou([d], [g], [false])).toEqual([[0.5]]);
    expect(iou([g], [d], [true])).toEqual([[1]]);
    expect(iou([d], [frBbox([3, 3, 1, 1], 4, 4)])).toEqual([[0]]);
    expect(iou([d], [frBbox([0, 0, 1, 1], 5, 5)])).toEqual([[-1]]);
  });

  it("invert is a complement", () => {
    const a = frBbox([1, 1, 2, 2], 4, 4);
    expect(area(invert(a))).toBe(12);
    expect(invert(invert(a))).toEqual(a);
    expect(merge([a, invert(a)], true).counts).toBe(countsToString([16]));
  });
});
