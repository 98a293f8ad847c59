// Byte-level agreement with independent decoders (pngjs, fast-png, sharp) on files from independent encoders
// (pngjs, sharp, fast-png, and the hand-crafted test/ref-encoder.ts), PngSuite style.
import { decode as fastDecode, encode as fastEncode } from "fast-png";
import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import {
  bitmap2file,
  type DecodedPng,
  decodeLabelBitmap,
  decodePng,
  encodePng,
  idsFromDecoded,
  toRgba,
} from "../src/index.js";
import { expectSameIds, realisticBitmap, rng } from "./fixtures.js";
import { type RefImage, refEncode } from "./ref-encoder.js";

const idsToRgba = (ids: Uint32Array) => {
  const out = new Uint8Array(ids.length * 4);
  ids.forEach((v, i) => {
    out[4 * i] = v & 255;
    out[4 * i + 1] = (v >> 8) & 255;
    out[4 * i + 2] = (v >> 16) & 255;
    out[4 * i + 3] = 255;
  });
  return out;
};
const idsFromRgba = (rgba: ArrayLike<number>) => {
  const out = new Uint32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++)
    out[i] =
      (rgba[4 * i] as number) | ((rgba[4 * i + 1] as number) << 8) | ((rgba[4 * i + 2] as number) << 16);
  return out;
};

/** RGBA equality; fully transparent pixels compare alpha only (pngjs zeroes their RGB on tRNS colour keys). */
function expectSameRgba(actual: Uint8Array, expected: Uint8Array): void {
  const a = Uint8Array.from(actual);
  const e = Uint8Array.from(expected);
  for (let i = 0; i < a.length; i += 4)
    if (a[i + 3] === 0 && e[i + 3] === 0) {
      a.fill(0, i, i + 3);
      e.fill(0, i, i + 3);
    }
  expectSameIds(a, e);
}

/** Our decoders agree with pngjs (as RGBA8) and, for depths >= 8, with fast-png's raw samples. */
function expectAgreement(file: Uint8Array, label: string): DecodedPng {
  const ours = decodePng(file);
  const ff = browser.decodePng(file);
  expect(ff.data, `${label}: fflate backend`).toEqual(ours.data);
  const ref = PNG.sync.read(Buffer.from(file));
  expect(ref.width).toBe(ours.width);
  expectSameRgba(toRgba(ours).data, ref.data);
  if (ours.bitDepth >= 8) {
    const fp = fastDecode(file);
    expect(fp.depth, label).toBe(ours.bitDepth);
    expect(fp.channels, label).toBe(ours.channels);
    expectSameIds(ours.data, fp.data);
  }
  return ours;
}

describe("our label PNGs in independent decoders", () => {
  const w = 97;
  const h = 61;
  const ids = realisticBitmap(w, h, 20, 7);
  ids[5] = 0xffffff;
  ids[6] = 0x10203;
  const png = bitmap2file(ids, { width: w, height: h });

  it("pngjs", () => {
    const p = PNG.sync.read(Buffer.from(png));
    expectSameIds(p.data, idsToRgba(ids));
  });
  it("fast-png", () => {
    const p = fastDecode(png);
    expect([p.depth, p.channels]).toEqual([8, 4]);
    expectSameIds(p.data, idsToRgba(ids));
  });
  it("sharp (libvips + libspng)", async () => {
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([w, h, 4]);
    expectSameIds(data, idsToRgba(ids));
  });
  it("the encodePng variants", () => {
    const rgba = idsToRgba(ids);
    for (const filter of ["none", "sub", "up", "average", "paeth", "adaptive"] as const) {
      const file = encodePng({ width: w, height: h, data: rgba, colorType: "rgba", filter });
      expectSameIds(PNG.sync.read(Buffer.from(file)).data, rgba);
      expectSameIds(decodeLabelBitmap(file).data, ids);
    }
  });
});

describe("files from independent encoders", () => {
  const w = 45;
  const h = 29;
  const ids = realisticBitmap(w, h, 12, 8);
  const r = rng(3);
  for (let i = 0; i < ids.length; i += 7) ids[i] = Math.floor(r() * 0xffffff);
  const rgba = idsToRgba(ids);

  it("pngjs: RGBA8, RGB8, 16-bit, gray (pngjs picks filters adaptively)", () => {
    for (const [colorType, bitDepth] of [
      [6, 8],
      [2, 8],
      [6, 16],
      [2, 16],
    ] as const) {
      const p = new PNG({ width: w, height: h, colorType, bitDepth, inputHasAlpha: true });
      // pngjs takes 16-bit input as native-endian uint16 samples: 8-bit v becomes v * 257.
      p.data =
        bitDepth === 16 ? Buffer.from(Uint16Array.from(rgba, (v) => v * 257).buffer) : Buffer.from(rgba);
      const file = PNG.sync.write(p, { colorType, bitDepth, inputHasAlpha: true });
      const dec = expectAgreement(file, `pngjs ${colorType}/${bitDepth}`);
      expect(dec.bitDepth).toBe(bitDepth);
      expectSameIds(decodeLabelBitmap(file).data, ids, w);
    }
  });

  it("sharp: default, palette, interlaced (progressive), 16-bit, grayscale", async () => {
    const raw = { raw: { width: w, height: h, channels: 4 as const } };
    const plain = await sharp(rgba, raw).png().toBuffer();
    expectSameIds(decodeLabelBitmap(plain).data, ids, w);
    expectAgreement(plain, "sharp default");

    const interlaced = await sharp(rgba, raw).png({ progressive: true }).toBuffer();
    expect(decodePng(interlaced).interlaced).toBe(true);
    expectSameIds(decodeLabelBitmap(interlaced).data, ids, w);
    expectAgreement(interlaced, "sharp progressive");

    const sixteen = await sharp(rgba, raw).toColourspace("rgb16").png().toBuffer();
    expect(decodePng(sixteen).bitDepth).toBe(16);
    expectSameIds(decodeLabelBitmap(sixteen).data, ids, w);
    expectAgreement(sixteen, "sharp rgb16");

    const pal = await sharp(rgba, raw).png({ palette: true, colours: 256, dither: 0 }).toBuffer();
    const palDec = expectAgreement(pal, "sharp palette");
    expect(palDec.colorType).toBe("palette");
    expectSameIds(decodeLabelBitmap(pal).data, idsFromRgba(PNG.sync.read(pal).data), w);

    const gray = await sharp(rgba, raw).toColourspace("b-w").png().toBuffer();
    const g = expectAgreement(gray, "sharp b-w");
    expect(g.colorType.startsWith("gray")).toBe(true);
  });

  it("fast-png: every colour type and depth, Adam7", () => {
    const r2 = rng(5);
    const cases: { channels: number; depth: 1 | 2 | 4 | 8 | 16; palette?: number[][] }[] = [
      { channels: 4, depth: 8 },
      { channels: 3, depth: 8 },
      { channels: 2, depth: 8 },
      { channels: 1, depth: 8 },
      { channels: 4, depth: 16 },
      { channels: 3, depth: 16 },
      { channels: 1, depth: 16 },
      { channels: 1, depth: 8, palette: Array.from({ length: 200 }, (_, i) => [i, 255 - i, (i * 7) & 255]) },
      { channels: 1, depth: 4, palette: Array.from({ length: 16 }, (_, i) => [i * 16, 3, 200]) },
      {
        channels: 1,
        depth: 2,
        palette: [
          [0, 0, 0],
          [9, 9, 9],
          [1, 2, 3],
          [200, 100, 50],
        ],
      },
      {
        channels: 1,
        depth: 1,
        palette: [
          [0, 0, 0],
          [10, 20, 30],
        ],
      },
    ];
    for (const c of cases)
      for (const interlace of ["null", "Adam7"] as const) {
        if (interlace === "Adam7" && c.depth < 8) continue; // fast-png's Adam7 writer handles whole bytes only
        const max = c.palette ? c.palette.length : 2 ** c.depth;
        const n = w * h * c.channels;
        const samples = c.depth === 16 ? new Uint16Array(n) : new Uint8Array(n);
        for (let i = 0; i < n; i++) samples[i] = Math.floor(r2() * max);
        let data: Uint8Array | Uint16Array = samples;
        if (c.depth < 8) {
          // fast-png takes packed rows for sub-byte depths.
          const rowBytes = Math.ceil((w * c.depth) / 8);
          const packed = new Uint8Array(rowBytes * h);
          for (let y = 0; y < h; y++)
            for (let x = 0; x < w; x++) {
              const bit = x * c.depth;
              const at = y * rowBytes + (bit >> 3);
              packed[at] =
                (packed[at] as number) | ((samples[y * w + x] as number) << (8 - c.depth - (bit & 7)));
            }
          data = packed;
        }
        const file = fastEncode(
          {
            width: w,
            height: h,
            data,
            depth: c.depth,
            channels: c.channels,
            ...(c.palette ? { palette: c.palette } : {}),
          },
          { interlace },
        );
        const label = `fast-png ${c.channels}ch/${c.depth}${c.palette ? " palette" : ""} ${interlace}`;
        const dec = expectAgreement(file, label);
        expect(dec.interlaced, label).toBe(interlace === "Adam7");
        expectSameIds(dec.data, samples);
      }
  });
});

describe("hand-crafted corner cases (filters 0-4 per row, Adam7, all depths, tRNS, split IDAT)", () => {
  const sizes: [number, number][] = [
    [1, 1],
    [2, 3],
    [5, 1],
    [9, 9],
    [33, 17],
    [70, 40], // > 8 kB of RGBA8 rows: decodeLabelBitmap's in-place path
  ];
  const kinds: { colorType: RefImage["colorType"]; depths: RefImage["bitDepth"][] }[] = [
    { colorType: "gray", depths: [1, 2, 4, 8, 16] },
    { colorType: "rgb", depths: [8, 16] },
    { colorType: "palette", depths: [1, 2, 4, 8] },
    { colorType: "gray-alpha", depths: [8, 16] },
    { colorType: "rgba", depths: [8, 16] },
  ];
  const filterModes: [string, (row: number) => number][] = [
    ["cycle 0-4", (row) => row % 5],
    ["all Average", () => 3],
    ["all Paeth", () => 4],
  ];
  for (const { colorType, depths } of kinds)
    for (const bitDepth of depths)
      it(`${colorType} ${bitDepth}-bit`, () => {
        const r = rng(bitDepth * 31 + colorType.length);
        for (const [w, h] of sizes)
          for (const interlace of [false, true])
            for (const [fname, filterFor] of filterModes) {
              const ch = { gray: 1, rgb: 3, palette: 1, "gray-alpha": 2, rgba: 4 }[colorType];
              const entries =
                colorType === "palette" ? Math.min(2 ** bitDepth, 1 + Math.floor(r() * 255)) : 0;
              const max = colorType === "palette" ? entries : 2 ** bitDepth;
              const samples = Array.from({ length: w * h * ch }, () => Math.floor(r() * max));
              const img: RefImage = {
                width: w,
                height: h,
                colorType,
                bitDepth,
                samples,
                interlace,
                filterFor,
                idatChunk: 7,
              };
              if (colorType === "palette") {
                img.palette = Array.from({ length: entries }, () =>
                  [r() * 256, r() * 256, r() * 256].map(Math.floor),
                );
                img.trns = Array.from({ length: Math.min(entries, 3) }, () => Math.floor(r() * 256));
              } else if (colorType === "gray") img.trns = [samples[0] as number];
              else if (colorType === "rgb") img.trns = samples.slice(0, 3);
              const file = refEncode(img);
              const label = `${colorType}/${bitDepth} ${w}x${h} ${interlace ? "Adam7" : "plain"} ${fname}`;
              let dec: DecodedPng;
              try {
                dec = decodePng(file);
              } catch (e) {
                throw new Error(`${label}: ${(e as Error).message}`);
              }
              expect(dec.interlaced, label).toBe(interlace);
              expectSameIds(dec.data, samples);
              expectSameIds(browser.decodePng(file).data, samples);
              // pngjs as the independent reference for the RGBA rendering (tRNS, palette, depth scaling).
              expectSameRgba(toRgba(dec).data, PNG.sync.read(file).data);
              // The label reading (fused fast path for RGBA8) agrees with the generic decoder.
              expectSameIds(decodeLabelBitmap(file).data, idsFromDecoded(dec).data);
              expectSameIds(browser.decodeLabelBitmap(file).data, idsFromDecoded(dec).data);
            }
      });
});

describe("decodeLabelBitmap semantics for non-RGBA8 labels", () => {
  it("16-bit gray: the value is the id (the Python SDK's cached label files)", () => {
    const data = Uint16Array.from([0, 1, 300, 65535]);
    const file = encodePng({ width: 2, height: 2, data, colorType: "gray", bitDepth: 16 });
    expectSameIds(decodeLabelBitmap(file).data, [0, 1, 300, 65535]);
  });
  it("8-bit gray and palette", () => {
    expectSameIds(
      decodeLabelBitmap(encodePng({ width: 3, height: 1, data: Uint8Array.of(0, 7, 255), colorType: "gray" }))
        .data,
      [0, 7, 255],
    );
    const file = encodePng({
      width: 3,
      height: 1,
      data: Uint8Array.of(0, 1, 2),
      colorType: "palette",
      palette: [
        [0, 0, 0],
        [1, 2, 3, 0],
        [255, 255, 255],
      ],
    });
    expectSameIds(decodeLabelBitmap(file).data, [0, 1 + 2 * 256 + 3 * 65536, 0xffffff]);
  });
  it("alpha is ignored (any alpha value)", () => {
    const rgba = Uint8Array.of(5, 0, 0, 0, 6, 1, 0, 17, 7, 0, 1, 255);
    for (const filter of ["none", "sub", "up", "average", "paeth"] as const)
      expectSameIds(
        decodeLabelBitmap(encodePng({ width: 3, height: 1, data: rgba, colorType: "rgba", filter })).data,
        [5, 6 + 256, 7 + 65536],
      );
  });
});
