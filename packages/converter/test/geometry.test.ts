import { describe, expect, it } from "vitest";
import {
  maskToPolygons,
  polygonsToMask,
  regionsArea,
  regionsToRle,
  ringArea,
  rotatedBoxCorners,
  simplifyRing,
} from "../src/geometry/index.js";
import { area, encode, frPoly } from "../src/rle/index.js";

function fromRows(rows: string[]) {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const data = new Uint8Array(width * height);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data[y * width + x] = row[x] === "1" ? 1 : 0;
  });
  return { width, height, data };
}

describe("polygon rasterisation", () => {
  it("matches frPoly for a single ring", () => {
    const ring = [6, 6, 11, 6, 6, 9];
    expect(regionsToRle([[ring]], 10, 12)).toEqual(frPoly(ring, 10, 12));
  });

  it("subtracts holes and unites regions", () => {
    const square20 = [0, 0, 20, 0, 20, 20, 0, 20];
    const hole5 = [5, 5, 10, 5, 10, 10, 5, 10];
    const second = [25, 0, 35, 0, 35, 10, 25, 10];
    const rle = regionsToRle([[square20, hole5], [second]], 40, 40);
    expect(area(rle)).toBe(400 - 25 + 100);
    expect(regionsArea([[square20, hole5], [second]])).toBe(475);
    const mask = polygonsToMask([[square20, hole5]], { width: 40, height: 40 });
    expect(mask.data[7 * 40 + 7]).toBe(0);
    expect(mask.data[2 * 40 + 2]).toBe(1);
  });
});

describe("contour tracing", () => {
  it("traces a square with a hole: outer clockwise, hole counter-clockwise", () => {
    const regions = maskToPolygons(fromRows(["111", "101", "111"]));
    expect(regions).toEqual([
      [
        [0, 0, 3, 0, 3, 3, 0, 3],
        [1, 2, 2, 2, 2, 1, 1, 1],
      ],
    ]);
    const [outer, hole] = regions[0] ?? [];
    expect(ringArea(outer ?? [])).toBeGreaterThan(0);
    expect(ringArea(hole ?? [])).toBeLessThan(0);
  });

  it("separates diagonal pixels (4-connectivity) and keeps scan order", () => {
    const regions = maskToPolygons(fromRows(["10", "01"]));
    expect(regions).toEqual([[[0, 0, 1, 0, 1, 1, 0, 1]], [[1, 1, 2, 1, 2, 2, 1, 2]]]);
  });

  it("round-trips random masks exactly through trace + rasterise", () => {
    let seed = 99;
    const rand = () => {
      seed = (seed * 69069 + 1) % 2 ** 32;
      return seed / 2 ** 32;
    };
    for (let trial = 0; trial < 100; trial++) {
      const width = 1 + Math.floor(rand() * 25);
      const height = 1 + Math.floor(rand() * 25);
      const data = new Uint8Array(width * height);
      for (let i = 0; i < data.length; i++) data[i] = rand() < 0.5 ? 1 : 0;
      const mask = { width, height, data };
      const regions = maskToPolygons(mask);
      expect(regionsToRle(regions, height, width)).toEqual(encode(mask));
    }
  });

  it("simplifies with a tolerance but never collapses a ring", () => {
    expect(simplifyRing([0, 0, 5, 0.1, 10, 0, 10, 10, 0, 10], 0.5)).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(simplifyRing([0, 0, 1, 0, 1, 1, 0, 1], 100)).toEqual([0, 0, 1, 0, 1, 1, 0, 1]);
    const disc = new Uint8Array(40 * 40);
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 40; x++) disc[y * 40 + x] = (x - 20) ** 2 + (y - 20) ** 2 < 225 ? 1 : 0;
    const exact = maskToPolygons({ width: 40, height: 40, data: disc })[0]?.[0] ?? [];
    const simple = maskToPolygons({ width: 40, height: 40, data: disc }, { tolerance: 1 })[0]?.[0] ?? [];
    expect(simple.length).toBeLessThan(exact.length);
    expect(Math.abs(ringArea(simple) - ringArea(exact)) / ringArea(exact)).toBeLessThan(0.05);
  });

  it("rotates boxes about their centre", () => {
    const corners = rotatedBoxCorners(0, 0, 2, 2, Math.PI / 2).map((v) => Math.round(v * 1e9) / 1e9 + 0);
    expect(corners).toEqual([2, 0, 2, 2, 0, 2, 0, 0]);
  });
});
