// The run-aware label inflater (src/label-inflate.ts): it must decode every stream of literals and matches at
// distances 1 and 4 exactly (every filter type, stored / fixed / dynamic / multi-block streams, into memory that
// starts as garbage), give way on anything else, and never succeed where node:zlib fails: a fuzz compares the
// outcome of decodeLabelBitmap with the generic decoder on thousands of corrupted streams.
import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateLabelIds } from "../src/codec/label-inflate.js";
import { bitmap2file, decodeLabelBitmap, decodePng, idsFromDecoded, PngError } from "../src/index.js";
import {
  expectSameIds,
  FILTER_PATTERNS,
  greedyStream,
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

/** Whether a stream's first block is dynamic with distance code 3 (distance 4) in its alphabet (HDIST = 4). */
const hasDistance4 = (z: Uint8Array) =>
  (((z[2] as number) >> 1) & 3) === 2 && ((z[3] as number) & 31) + 1 >= 4;

/** The ids the general decoder (node:zlib, then the generic unfilter) gives for an RGBA8 PNG around `stream`. */
const generalIds = (w: number, h: number, stream: Uint8Array) =>
  idsFromDecoded(decodePng(pngAround(w, h, stream))).data;

type FixedToken = number | { length: number; distance: number } | { stored: number[] };

/**
 * A zlib stream written by hand: literals and matches (any distance) in fixed-Huffman blocks, and stored blocks; the
 * Adler-32 is computed over the bytes the tokens stand for (a match reaching before the first byte copies zeros, so
 * such a stream is one node:zlib rejects).
 */
function handStream(tokens: FixedToken[]): Uint8Array {
  const bits: number[] = [];
  const put = (v: number, n: number) => {
    for (let i = 0; i < n; i++) bits.push((v >> i) & 1);
  };
  const putReversed = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((code >> i) & 1);
  };
  const out: number[] = [];
  const groups: FixedToken[][] = [];
  for (const t of tokens) {
    if (typeof t === "object" && "stored" in t) groups.push([t], []);
    else {
      if (groups.length === 0) groups.push([]);
      (groups[groups.length - 1] as FixedToken[]).push(t);
    }
  }
  const nonEmpty = groups.filter((g) => g.length > 0);
  nonEmpty.forEach((group, gi) => {
    put(gi === nonEmpty.length - 1 ? 1 : 0, 1);
    const first = group[0] as FixedToken;
    if (typeof first === "object" && "stored" in first) {
      put(0, 2);
      while (bits.length % 8) bits.push(0);
      put(first.stored.length, 16);
      put(first.stored.length ^ 0xffff, 16);
      for (const v of first.stored) {
        put(v, 8);
        out.push(v);
      }
      return;
    }
    put(1, 2);
    for (const t of group) {
      if (typeof t === "number") {
        putReversed(t < 144 ? 0x30 + t : 0x190 + t - 144, t < 144 ? 8 : 9);
        out.push(t);
      } else if ("length" in t) {
        // Lengths 3-10 are symbols 257-264 (7-bit codes 1-8), without extra bits; distances 1-4 are codes 0-3.
        putReversed(t.length - 2, 7);
        putReversed(t.distance - 1, 5);
        for (let k = 0; k < t.length; k++) out.push(out[out.length - t.distance] ?? 0);
      }
    }
    putReversed(0, 7); // end of block
  });
  while (bits.length % 8) bits.push(0);
  let a = 1;
  let b = 0;
  for (const v of out) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  const body = Array.from({ length: bits.length / 8 }, (_, i) =>
    bits.slice(8 * i, 8 * i + 8).reduce((acc, bit, j) => acc | (bit << j), 0),
  );
  return Uint8Array.from([0x78, 0x01, ...body, b >> 8, b & 255, a >> 8, a & 255]);
}

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

  for (const [fname, filterFor] of FILTER_PATTERNS)
    it(`decodes streams with distance-4 matches exactly, filter ${fname}, into zeroed and into garbage memory`, () => {
      for (const [w, h] of LABEL_SIZES) {
        const { ids, samples } = labelSamples(w, h, w * 7 + h, (i) => ((i >> 2) * 29) & 255);
        const raw = zlib.inflateSync(rgbaStream(w, h, samples, filterFor, { level: 0 }));
        const z = greedyStream(raw, 4 * w + 1);
        if (w * h > 50) expect(hasDistance4(z), `${w}x${h}`).toBe(true);
        expectSameIds(inflateLabelIds(z, w, h) as Uint32Array, ids, w);
        expectSameIds(inflateLabelIds(z, w, h, garbage) as Uint32Array, ids, w);
      }
    });

  it("distance-4 matches starting at every byte of a pixel, on every filter type", () => {
    // Rows of `s` distinct bytes, then a 4-byte pattern repeated: the greedy coder starts a distance-4 match at
    // pixel byte s of the row's second pattern pixel, and it runs to the row end.
    const w = 9;
    for (let f = 0; f <= 4; f++)
      for (let s = 0; s < 4; s++) {
        const rows = 5;
        const raw = new Uint8Array(rows * (4 * w + 1));
        for (let y = 0; y < rows; y++) {
          const o = y * (4 * w + 1);
          raw[o] = f;
          for (let j = 0; j < 4 * w; j++)
            raw[o + 1 + j] = j < s ? 200 + j : ([17, 0, 99, 250][(j - s) & 3] as number) ^ y;
        }
        const z = greedyStream(raw, 4 * w + 1);
        expect(hasDistance4(z)).toBe(true);
        expectSameIds(inflateLabelIds(z, w, rows, garbage) as Uint32Array, generalIds(w, rows, z), w);
      }
  });

  it("fixed-Huffman and stored blocks with distance-4 matches, also reaching back into the block before", () => {
    const w = 3;
    const row = (f: number) => [f, 5, 6, 7, 8, 5, 6, 7, 8, 1, 2, 3, 4];
    // Row 0 as literals, row 1 as its filter byte and two distance-4 matches (4 + 4 bytes) and literals.
    const tokens: FixedToken[] = [...row(1), 2, 5, 6, 7, 8, { length: 4, distance: 4 }, 1, 2, 3, 4];
    const z = handStream(tokens);
    expect(inflateLabelIds(z, w, 2)).toBeInstanceOf(Uint32Array);
    expectSameIds(inflateLabelIds(z, w, 2, garbage) as Uint32Array, generalIds(w, 2, z), w);
    // A stored block, then a match in the next (fixed) block that repeats the stored block's last four bytes.
    const split = handStream([
      { stored: [...row(1), 2, 5, 6, 7, 8] },
      { length: 4, distance: 4 },
      1,
      2,
      3,
      4,
    ]);
    expectSameIds(inflateLabelIds(split, w, 2, garbage) as Uint32Array, generalIds(w, 2, split), w);
    expectSameIds(inflateLabelIds(split, w, 2) as Uint32Array, inflateLabelIds(z, w, 2) as Uint32Array, w);
  });

  it("gives way on a distance-4 match across a row end or at a filter byte, and on matches before their bytes", () => {
    // The same 4-byte pattern through every row, filter bytes included (1 or 0: Sub or None), coded without regard
    // to rows: distance-4 matches run across row ends. The general path decodes it.
    const [w, h] = [6, 5];
    const raw = Uint8Array.from({ length: h * (4 * w + 1) }, (_, i) => [1, 0, 0, 0][i & 3] as number);
    const acrossRows = greedyStream(raw);
    expect(inflateLabelIds(acrossRows, w, h)).toBeUndefined();
    expectSameIds(decodeLabelBitmap(pngAround(w, h, acrossRows)).data, generalIds(w, h, acrossRows), w);
    // Matches that reach before the first byte: node:zlib rejects them ("invalid distance too far back").
    for (const early of [
      handStream([1, 7, 8, { length: 4, distance: 4 }, 9, 9, 9, 9, 9, 9]),
      handStream([{ length: 3, distance: 1 }, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ]) {
      expect(inflateLabelIds(early, 3, 1)).toBeUndefined();
      expect(() => decodeLabelBitmap(pngAround(3, 1, early))).toThrow(/too far back/);
    }
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
