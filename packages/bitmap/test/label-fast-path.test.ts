// The fused RGBA8 path of decodeLabelBitmap (unfilter straight from the inflated bytes into the ids, in place)
// against the generic decoder, on files from the independent reference writer: every filter type, odd widths,
// width 1, buffers below and above the in-place threshold, varying alpha, and the fallbacks (interlaced,
// big-endian).
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import { unfilterLabelRows } from "../src/codec/index.js";
import { decodeLabelBitmap, decodePng, idsFromDecoded } from "../src/index.js";
import { decodeLabelBitmapWith } from "../src/label.js";
import { nodeZlib } from "../src/zlib-node.js";
import { expectSameIds, FILTER_PATTERNS, LABEL_SIZES, labelSamples } from "./fixtures.js";
import { refEncode } from "./ref-encoder.js";

describe("decodeLabelBitmap RGBA8 fast path", () => {
  for (const [fname, filterFor] of FILTER_PATTERNS)
    it(`filter ${fname}: every size, alpha 255 and varying alpha`, () => {
      for (const [w, h] of LABEL_SIZES)
        for (const alphaKind of ["opaque", "varying"] as const) {
          const { ids, samples } = labelSamples(w, h, w * 7 + h, (i) =>
            alphaKind === "opaque" ? 255 : (i * 37) & 255,
          );
          const file = refEncode({ width: w, height: h, colorType: "rgba", bitDepth: 8, samples, filterFor });
          const label = `${w}x${h} ${fname} ${alphaKind}`;
          const got = decodeLabelBitmap(file);
          expect([got.width, got.height], label).toEqual([w, h]);
          expectSameIds(got.data, ids, w);
          expectSameIds(idsFromDecoded(decodePng(file)).data, ids, w);
          expectSameIds(browser.decodeLabelBitmap(file).data, ids, w);
        }
    });

  it("long runs that end exactly at row ends and span rows (run scanning stays inside its row)", () => {
    for (const w of [1, 2, 7, 8, 9, 16, 17, 100]) {
      const h = 12;
      const ids = new Uint32Array(w * h);
      // Row y: constant y*65793 except its last pixel (every other row), so zero runs meet row boundaries.
      for (let y = 0; y < h; y++) {
        ids.fill((y * 65793) & 0xffffff, y * w, (y + 1) * w);
        if (y % 2) ids[(y + 1) * w - 1] = 0xabcdef;
      }
      const samples = new Uint8Array(ids.length * 4);
      ids.forEach((id, i) => {
        samples.set([id & 255, (id >>> 8) & 255, id >>> 16, 255], 4 * i);
      });
      for (const f of [0, 1, 2, 3, 4]) {
        const file = refEncode({
          width: w,
          height: h,
          colorType: "rgba",
          bitDepth: 8,
          samples,
          filterFor: () => f,
        });
        expectSameIds(decodeLabelBitmap(file).data, ids, w);
      }
    }
  });

  it("interlaced RGBA8 falls back to the generic decoder", () => {
    const { ids, samples } = labelSamples(33, 21, 5, () => 255);
    const file = refEncode({
      width: 33,
      height: 21,
      colorType: "rgba",
      bitDepth: 8,
      samples,
      interlace: true,
    });
    expect(decodePng(file).interlaced).toBe(true);
    expectSameIds(decodeLabelBitmap(file).data, ids, 33);
  });

  it("the big-endian guard: without little-endian words, the generic decoder gives the same ids", () => {
    for (const [w, h] of [
      [1, 1],
      [33, 80],
    ] as const) {
      const { ids, samples } = labelSamples(w, h, 9, () => 255);
      const file = refEncode({
        width: w,
        height: h,
        colorType: "rgba",
        bitDepth: 8,
        samples,
        filterFor: (r) => r % 5,
      });
      expectSameIds(decodeLabelBitmapWith(file, undefined, nodeZlib, false).data, ids, w);
      expectSameIds(decodeLabelBitmapWith(file, undefined, nodeZlib, true).data, ids, w);
    }
  });

  it("small results own their memory (no shared Buffer pool behind .buffer)", () => {
    const { samples } = labelSamples(3, 3, 1, () => 255);
    const file = refEncode({
      width: 3,
      height: 3,
      colorType: "rgba",
      bitDepth: 8,
      samples,
      filterFor: () => 1,
    });
    const { data } = decodeLabelBitmap(file);
    expect(data.byteOffset).toBe(0);
    expect(data.buffer.byteLength).toBeLessThan(64);
  });

  it("unfilterLabelRows rejects an invalid filter type", () => {
    const raw = new Uint8Array(2 * 5);
    raw[5] = 7;
    expect(() => unfilterLabelRows(raw, 1, 2)).toThrow(/invalid filter type 7 on row 1/);
  });
});
