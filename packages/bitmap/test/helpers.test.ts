import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bitmap2file,
  colorize,
  colorizePng,
  createBitmapApi,
  decodePng,
  getSemanticBitmap,
  instanceColor,
  instanceStats,
  loadImageFromUrl,
  loadLabelBitmapFromUrl,
  nodeZlib,
  overlay,
  overlayPng,
  toRgba,
} from "../src/index.js";
import { expectSameIds } from "./fixtures.js";

// 4x3:
// 0 1 1 0
// 2 2 1 0
// 2 9 9 9
const bitmap = { width: 4, height: 3, data: Uint32Array.from([0, 1, 1, 0, 2, 2, 1, 0, 2, 9, 9, 9]) };

describe("getSemanticBitmap", () => {
  const annotations = [
    { id: 1, category_id: 5 },
    { id: 2, categoryId: 7 },
  ];
  it("maps instances to categories (+ idIncrement), unknown instances and 0 to 0", () => {
    expectSameIds(getSemanticBitmap(bitmap, annotations).data, [0, 5, 5, 0, 7, 7, 5, 0, 7, 0, 0, 0]);
    expectSameIds(
      getSemanticBitmap(bitmap, annotations, { idIncrement: 1 }).data,
      [0, 6, 6, 0, 8, 8, 6, 0, 8, 0, 0, 0],
    );
  });
  it("empty or missing annotations give an all-zero map; a missing bitmap gives undefined (the Python SDK raises)", () => {
    for (const a of [[], null, undefined])
      expectSameIds(getSemanticBitmap(bitmap, a).data, new Uint32Array(12));
    expect(getSemanticBitmap(null, null)).toBeUndefined();
    expect(getSemanticBitmap(undefined, [])).toBeUndefined();
  });
  it("accepts a shaped typed array", () => {
    expect(getSemanticBitmap({ data: bitmap.data, shape: [3, 4] }, annotations).width).toBe(4);
  });
});

describe("instanceStats", () => {
  it("area and COCO bbox per id, sorted, 0 excluded by default", () => {
    expect(instanceStats(bitmap)).toEqual([
      { id: 1, area: 3, bbox: [1, 0, 2, 2] },
      { id: 2, area: 3, bbox: [0, 1, 2, 2] },
      { id: 9, area: 3, bbox: [1, 2, 3, 1] },
    ]);
    expect(instanceStats(bitmap, { includeUnlabeled: true })[0]).toEqual({
      id: 0,
      area: 3,
      bbox: [0, 0, 4, 2],
    });
  });
});

describe("colorize / overlay", () => {
  it("0 is transparent black; ids get pairwise distinct colours, deterministically", () => {
    expect(instanceColor(0)).toEqual([0, 0, 0, 0]);
    const seen = new Set<number>();
    let opaque = true;
    for (let id = 1; id <= 70_000; id++) {
      const [r, g, b, a] = instanceColor(id);
      opaque &&= a === 255;
      seen.add(r | (g << 8) | (b << 16));
    }
    expect(opaque).toBe(true);
    expect(seen.size).toBe(70_000);
    expect(instanceColor(1)).toEqual([128, 0, 0, 255]);
    expect(instanceColor(0xffffff)).toEqual([255, 255, 255, 255]);
    expect(instanceColor(37)).not.toEqual(instanceColor(1)); // the Python SDK's 36-colour cycle repeats here
    expect(instanceColor(42)).toEqual(instanceColor(42));
  });
  it("colorize gives RGBA per pixel, with custom palettes", () => {
    const rgba = colorize(bitmap);
    expect(Array.from(rgba.data.subarray(0, 8))).toEqual([0, 0, 0, 0, ...instanceColor(1)]);
    const custom = colorize(bitmap, [
      [0, 0, 0, 0],
      [255, 0, 0],
    ]);
    expect(Array.from(custom.data.subarray(4, 8))).toEqual([255, 0, 0, 255]);
    expect(Array.from(custom.data.subarray(36, 40))).toEqual(instanceColor(9)); // past the array: default colour
    const fn = colorize(bitmap, (id) => [id, id, id]);
    expect(Array.from(fn.data.subarray(36, 40))).toEqual([9, 9, 9, 255]);
  });
  it("colorizePng is a viewable RGBA PNG", () => {
    const png = colorizePng(bitmap);
    const dec = decodePng(png);
    expect([dec.colorType, dec.width, dec.height]).toEqual(["rgba", 4, 3]);
    expect(Array.from(dec.data)).toEqual(Array.from(colorize(bitmap).data));
  });
  it("overlay blends labeled pixels and keeps the rest", () => {
    const image = { width: 4, height: 3, data: new Uint8Array(48).fill(100) };
    const out = overlay(image, bitmap, { alpha: 0.5, palette: () => [200, 0, 100] });
    expect(Array.from(out.data.subarray(0, 8))).toEqual([100, 100, 100, 100, 150, 50, 100, 100]);
    expect(() => overlay({ width: 2, height: 2, data: new Uint8Array(16) }, bitmap)).toThrow(/4x3/);
    const png = overlayPng(image, bitmap, { alpha: 1 });
    expect(Array.from(toRgba(decodePng(png)).data.subarray(4, 7))).toEqual(instanceColor(1).slice(0, 3));
  });
});

describe("loading from URLs (a server on 127.0.0.1)", () => {
  const label = bitmap2file(bitmap.data, { width: 4, height: 3 });
  let base = "";
  const server = createServer((req, res) => {
    if (req.url === "/label.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from(label));
    } else {
      res.writeHead(404);
      res.end("nope");
    }
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("loadLabelBitmapFromUrl", async () => {
    const bm = await loadLabelBitmapFromUrl(`${base}/label.png`);
    expect(bm.width).toBe(4);
    expectSameIds(bm.data, bitmap.data);
  });
  it("loadImageFromUrl returns bytes and content type; HTTP errors throw", async () => {
    const img = await loadImageFromUrl(`${base}/label.png`);
    expect(img.contentType).toBe("image/png");
    expect(img.bytes.length).toBe(label.length);
    await expect(loadImageFromUrl(`${base}/missing.png`)).rejects.toThrow(/HTTP 404/);
  });
  it("custom fetch and abort signal", async () => {
    let called = "";
    const fetch = async (url: string) => {
      called = url;
      return new Response(Buffer.from(label));
    };
    const bm = await loadLabelBitmapFromUrl("https://example.invalid/x.png", { fetch });
    expect(called).toBe("https://example.invalid/x.png");
    expectSameIds(bm.data, bitmap.data);
    const ac = new AbortController();
    ac.abort();
    await expect(loadLabelBitmapFromUrl(`${base}/label.png`, { signal: ac.signal })).rejects.toThrow();
  });
});

describe("createBitmapApi", () => {
  it("binds a custom backend", () => {
    let deflated = 0;
    const api = createBitmapApi({
      ...nodeZlib,
      name: "counting",
      deflate: (d, o) => {
        deflated++;
        return nodeZlib.deflate(d, o);
      },
    });
    // bitmap2file compresses with its own run-length encoder; only level 0 (stored) goes through the backend.
    const png = api.bitmap2file(bitmap.data, { width: 4, height: 3 });
    expect(deflated).toBe(0);
    expectSameIds(api.file2bitmap(png).data, bitmap.data);
    const stored = api.bitmap2file(bitmap.data, { width: 4, height: 3, level: 0 });
    expect(deflated).toBe(1);
    expectSameIds(api.file2bitmap(stored).data, bitmap.data);
  });
});
