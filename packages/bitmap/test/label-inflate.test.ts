// The run-aware label inflater (src/label-inflate.ts): it must decode every stream of literals and distance-1
// matches exactly (every filter type, stored / fixed / dynamic / multi-block streams, into memory that starts as
// garbage), give way on anything else, and never succeed where node:zlib fails: a fuzz compares the outcome of
// decodeLabelBitmap with the generic decoder on thousands of corrupted streams.
import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { bitmap2file, decodeLabelBitmap, decodePng, idsFromDecoded, PngError } from "../src/index.js";
import { inflateLabelIds } from "../src/label-inflate.js";
import {
  expectSameIds,
  FILTER_PATTERNS,
  idatOf,
  LABEL_SIZES,
  labelSamples,
  realisticBitmap,
  rng,
} from "./fixtures.js";
import { pngChunk, refEncode } from "./ref-encoder.js";

const { Z_RLE, Z_DEFAULT_STRATEGY } = zlib.constants;

/** An RGBA8 PNG of the given size around any zlib stream. */
function pngAround(width: number, height: number, stream: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", stream),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

/** The zlib stream of an RGBA8 PNG from the reference writer, coded with Z_RLE unless told otherwise. */
function rgbaStream(
  w: number,
  h: number,
  samples: ArrayLike<number>,
  filterFor: (row: number) => number,
  zlibOptions: { level?: number; strategy?: number } = {},
): Uint8Array {
  const image = { width: w, height: h, colorType: "rgba" as const, bitDepth: 8 as const, samples, filterFor };
  return idatOf(refEncode({ ...image, strategy: Z_RLE, ...zlibOptions }));
}

/** Memory the way `allocUnsafe` may hand it out: full of old data. */
const garbage = (bytes: number) => new Uint8Array(bytes).fill(0xab);

describe("inflateLabelIds", () => {
  for (const [fname, filterFor] of FILTER_PATTERNS)
    it(`decodes zlib Z_RLE streams exactly, filter ${fname}, into zeroed and into garbage memory`, () => {
      for (const [w, h] of LABEL_SIZES) {
        const { ids, samples } = labelSamples(w, h, w * 13 + h, (i) => (i * 29) & 255);
        const idat = rgbaStream(w, h, samples, filterFor);
        const zeroed = inflateLabelIds(idat, w, h);
        const reused = inflateLabelIds(idat, w, h, garbage);
        expect(zeroed, `${w}x${h}`).toBeInstanceOf(Uint32Array);
        expectSameIds(zeroed as Uint32Array, ids, w);
        expectSameIds(reused as Uint32Array, ids, w);
      }
    });

  it("takes bitmap2file's output (realistic maps, long runs, background) and zero runs across rows", () => {
    for (const [w, h] of [
      [1, 1],
      [7, 3],
      [300, 200],
      [1000, 40],
    ] as const) {
      const ids = realisticBitmap(w, h, 12, w + h);
      const idat = idatOf(bitmap2file(ids, { width: w, height: h }));
      expectSameIds(inflateLabelIds(idat, w, h, garbage) as Uint32Array, ids, w);
    }
    // All zero: one run spanning every row, interrupted only by the filter bytes.
    const zeros = new Uint32Array(700 * 9);
    expectSameIds(
      inflateLabelIds(idatOf(bitmap2file(zeros, { width: 700, height: 9 })), 700, 9, garbage) as Uint32Array,
      zeros,
    );
  });

  it("decodes a 4096x3072 map itself: the Adler-32 sums, reduced lazily, stay exact over 50 MB", () => {
    // Rows of a few wide runs whose ids change every row, so that the sums grow through long zero runs and many
    // literals; a checksum computed wrongly would make the decoder give up (undefined), not decode wrong ids.
    const [w, h] = [4096, 3072];
    const ids = new Uint32Array(w * h);
    for (let y = 0; y < h; y++) {
      const r = y * w;
      ids.fill((y * 2654435761) & 0xffffff, r + 100 + (y % 300), r + 1900);
      ids.fill(y & 0xff, r + 2500, r + 2500 + (y % 1000));
    }
    const idat = idatOf(bitmap2file(ids, { width: w, height: h }));
    const decoded = inflateLabelIds(idat, w, h);
    expect(decoded).toBeInstanceOf(Uint32Array);
    expectSameIds(decoded as Uint32Array, ids, w);
  });

  it("stored blocks (level 0) and fixed-Huffman blocks", () => {
    let fixedSeen = 0;
    for (let seed = 0; seed < 40; seed++) {
      const w = 1 + (seed % 6);
      const h = 1 + (seed % 4);
      const { ids, samples } = labelSamples(w, h, seed, () => 255);
      for (const level of [0, 6]) {
        const idat = rgbaStream(w, h, samples, () => 1, { level });
        const blockType = ((idat[2] as number) >> 1) & 3;
        if (level === 0) expect(blockType).toBe(0);
        if (blockType === 1) fixedSeen++;
        expectSameIds(inflateLabelIds(idat, w, h, garbage) as Uint32Array, ids, w);
      }
    }
    expect(fixedSeen).toBeGreaterThan(0);
  });

  it("multi-block streams (zlib starts a new block every few thousand symbols)", () => {
    const [w, h] = [400, 300];
    const { ids, samples } = labelSamples(w, h, 77, () => 255);
    const idat = rgbaStream(w, h, samples, (r) => r % 3);
    expectSameIds(inflateLabelIds(idat, w, h, garbage) as Uint32Array, ids, w);
  });

  it("gives way (undefined) on matches at other distances; decodeLabelBitmap then takes the general path", () => {
    const [w, h] = [64, 40];
    const { ids, samples } = labelSamples(w, h, 5, () => 255);
    const png = refEncode({
      width: w,
      height: h,
      colorType: "rgba",
      bitDepth: 8,
      samples,
      filterFor: () => 0,
      strategy: Z_DEFAULT_STRATEGY,
    });
    expect(inflateLabelIds(idatOf(png), w, h)).toBeUndefined();
    expectSameIds(decodeLabelBitmap(png).data, ids, w);
  });

  it("gives way on too much data, too little data and a bad checksum", () => {
    const [w, h] = [20, 10];
    const rows = (n: number) => {
      const raw = new Uint8Array(n * (4 * w + 1));
      for (let y = 0; y < n; y++) raw[y * (4 * w + 1)] = 1;
      return new Uint8Array(zlib.deflateSync(raw, { strategy: Z_RLE }));
    };
    expect(inflateLabelIds(rows(h), w, h)).toBeInstanceOf(Uint32Array);
    expect(inflateLabelIds(rows(h + 1), w, h)).toBeUndefined();
    expect(inflateLabelIds(rows(h - 1), w, h)).toBeUndefined();
    const badSum = rows(h);
    badSum[badSum.length - 1] = (badSum[badSum.length - 1] as number) ^ 1;
    expect(inflateLabelIds(badSum, w, h)).toBeUndefined();
    expect(() => decodeLabelBitmap(pngAround(w, h, rows(h + 1)))).toThrow(/more than/);
    expect(() => decodeLabelBitmap(pngAround(w, h, rows(h - 1)))).toThrow(PngError);
    expect(() => decodeLabelBitmap(pngAround(w, h, badSum))).toThrow(/incorrect data check/);
  });

  it("fuzz: on corrupted streams, decodeLabelBitmap ends exactly like the general decoder", () => {
    const outcome = (png: Uint8Array, decode: (p: Uint8Array) => Uint32Array) => {
      try {
        return { ids: Buffer.from(decode(png).buffer).toString("base64") };
      } catch (e) {
        if (!(e instanceof PngError)) throw e;
        return { code: e.code, message: e.message };
      }
    };
    const bases: [number, number, Uint8Array][] = [];
    for (const [w, h] of [
      [9, 7],
      [33, 5],
    ] as const) {
      const { samples } = labelSamples(w, h, w, () => 255);
      const ids = realisticBitmap(w, h, 4, h);
      bases.push([w, h, idatOf(bitmap2file(ids, { width: w, height: h }))]);
      for (const level of [0, 6]) bases.push([w, h, rgbaStream(w, h, samples, (r) => r % 5, { level })]);
    }
    const r = rng(2024);
    let fastPathOk = 0;
    let n = 0;
    for (const [w, h, stream] of bases)
      for (let k = 0; k < 700; k++) {
        let z = Uint8Array.from(stream);
        const kind = k % 4;
        if (kind === 0 || kind === 1)
          for (let m = 0; m <= kind; m++) z[Math.floor(r() * z.length)] = Math.floor(r() * 256);
        else if (kind === 2) z = z.subarray(0, Math.floor(r() * z.length));
        else
          z = Uint8Array.from([
            ...z,
            ...Array.from({ length: 1 + Math.floor(r() * 5) }, () => Math.floor(r() * 256)),
          ]);
        const png = pngAround(w, h, z);
        const ours = outcome(png, (p) => decodeLabelBitmap(p).data);
        const general = outcome(png, (p) => idsFromDecoded(decodePng(p)).data);
        expect(ours, `base ${w}x${h}, mutation ${k}`).toEqual(general);
        if ("ids" in ours && inflateLabelIds(z, w, h)) fastPathOk++;
        n++;
      }
    expect(n).toBe(4200);
    // The appended-garbage cases alone make sure the fast path succeeded on many of them.
    expect(fastPathOk).toBeGreaterThan(500);
  });
});
