import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import {
  bitmap2file,
  DEFAULT_MAX_PIXELS,
  decodeLabelBitmap,
  decodePng,
  encodePng,
  PngError,
} from "../src/index.js";
import { rng } from "./fixtures.js";
import { fixCrc, refEncode } from "./ref-encoder.js";

function pngError(fn: () => unknown): PngError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PngError) return e;
    throw new Error(`expected a PngError, got ${String(e)}`);
  }
  throw new Error("expected a PngError, nothing was thrown");
}

const small = bitmap2file(
  Uint32Array.from({ length: 24 * 10 }, (_, i) => (i * 7919) % 5000),
  { width: 24, height: 10 },
);

/** Byte offset of the first chunk of `type`. */
function chunkAt(file: Uint8Array, type: string): number {
  let pos = 8;
  const dv = new DataView(file.buffer, file.byteOffset);
  while (pos < file.length) {
    if (String.fromCharCode(...file.subarray(pos + 4, pos + 8)) === type) return pos;
    pos += 12 + dv.getUint32(pos);
  }
  throw new Error(`no ${type}`);
}

/** A PNG with this IHDR and this (already zlib-compressed) image data. */
function craft(
  width: number,
  height: number,
  bitDepth: number,
  colorType: number,
  idat: Uint8Array,
  interlace = 0,
) {
  const file = refEncode({ width: 1, height: 1, colorType: "gray", bitDepth: 8, samples: [0] });
  const ihdr = chunkAt(file, "IHDR");
  const dv = new DataView(file.buffer, file.byteOffset);
  dv.setUint32(ihdr + 8, width);
  dv.setUint32(ihdr + 12, height);
  file[ihdr + 16] = bitDepth;
  file[ihdr + 17] = colorType;
  file[ihdr + 20] = interlace;
  fixCrc(file, ihdr);
  const at = chunkAt(file, "IDAT");
  const head = file.subarray(0, at);
  const tail = file.subarray(at + 12 + dv.getUint32(at));
  const chunk = new Uint8Array(12 + idat.length);
  new DataView(chunk.buffer).setUint32(0, idat.length);
  chunk.set([73, 68, 65, 84], 4);
  chunk.set(idat, 8);
  const out = new Uint8Array(head.length + chunk.length + tail.length);
  out.set(head);
  out.set(chunk, head.length);
  out.set(tail, head.length + chunk.length);
  fixCrc(out, head.length);
  return out;
}

describe("malformed PNGs give a PngError naming what and where", () => {
  it("bad signature", () => {
    const e = pngError(() => decodePng(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3)));
    expect(e.code).toBe("BAD_SIGNATURE");
    expect(e.message).toMatch(/signature/);
    expect(pngError(() => decodeLabelBitmap(new TextEncoder().encode("<html>not found</html>"))).code).toBe(
      "BAD_SIGNATURE",
    );
    expect(pngError(() => decodePng(new Uint8Array(3))).code).toBe("TRUNCATED");
  });

  it("bad CRC names the chunk and offset", () => {
    const file = Uint8Array.from(small);
    const at = chunkAt(file, "IDAT");
    file[at + 10] = (file[at + 10] as number) ^ 1;
    const e = pngError(() => decodeLabelBitmap(file));
    expect(e.code).toBe("BAD_CRC");
    expect(e.offset).toBe(at);
    expect(e.message).toContain("IDAT");
    expect(e.message).toContain(`at byte ${at}`);
    // With CRC checks off, the corrupt deflate data is still caught.
    expect(() => decodePng(file, { checkCrc: false })).toThrow(PngError);
  });

  it("every truncation of a valid file throws (TRUNCATED), never hangs", () => {
    for (let n = 0; n < small.length; n++) {
      const e = pngError(() => decodeLabelBitmap(small.subarray(0, n)));
      expect(["TRUNCATED", "BAD_SIGNATURE"], `prefix ${n}`).toContain(e.code);
      expect(pngError(() => browser.decodeLabelBitmap(small.subarray(0, n))).code).toBe(e.code);
    }
  });

  it("oversized dimensions are refused from IHDR, before allocating", () => {
    const huge = craft(100_000, 100_000, 8, 6, zlib.deflateSync(new Uint8Array(10)));
    const t0 = performance.now();
    const e = pngError(() => decodeLabelBitmap(huge));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toContain("100000x100000");
    expect(e.message).toContain(String(DEFAULT_MAX_PIXELS));
    expect(pngError(() => decodePng(small, { maxPixels: 100 })).code).toBe("TOO_LARGE");
    expect(decodePng(small, { maxPixels: 240 }).width).toBe(24);
    const wide = craft(2 ** 31 - 1, 1, 16, 6, zlib.deflateSync(new Uint8Array(10)));
    expect(pngError(() => decodePng(wide)).code).toBe("TOO_LARGE");
  });

  it("a zip bomb is cut at the size IHDR implies", () => {
    // 64 MB of zeros deflate to ~64 kB; the header says 10x10 RGBA.
    const bomb = craft(10, 10, 8, 6, zlib.deflateSync(new Uint8Array(64 * 1024 * 1024)));
    const e = pngError(() => decodePng(bomb));
    expect(e.code).toBe("BAD_DATA");
    expect(e.message).toMatch(/more than the 410 bytes/);
    // fflate is given a fixed output buffer: the extra data is dropped, nothing is allocated for it.
    expect(browser.decodePng(bomb).data.length).toBe(400);
  });

  it("short image data, bad filter types, corrupt deflate data", () => {
    const short = craft(10, 10, 8, 6, zlib.deflateSync(new Uint8Array(100)));
    expect(pngError(() => decodePng(short)).code).toBe("TRUNCATED");
    const rows = new Uint8Array(10 * 41);
    rows[41 * 3] = 7;
    const badFilter = craft(10, 10, 8, 6, zlib.deflateSync(rows));
    const e = pngError(() => decodeLabelBitmap(badFilter));
    expect(e.code).toBe("BAD_DATA");
    expect(e.message).toContain("invalid filter type 7 on row 3");
    expect(pngError(() => decodePng(badFilter)).code).toBe("BAD_DATA");
    const garbage = craft(10, 10, 8, 6, Uint8Array.of(0x78, 0x9c, 0xff, 0xff, 0xff, 0xff));
    expect(["BAD_DATA", "TRUNCATED"]).toContain(pngError(() => decodePng(garbage)).code);
  });

  it("invalid headers and chunk structure", () => {
    expect(pngError(() => decodePng(craft(0, 5, 8, 6, new Uint8Array(0)))).code).toBe("BAD_HEADER");
    expect(pngError(() => decodePng(craft(5, 5, 3, 6, new Uint8Array(0)))).message).toMatch(/bit depth 3/);
    expect(pngError(() => decodePng(craft(5, 5, 8, 5, new Uint8Array(0)))).code).toBe("BAD_HEADER");
    expect(pngError(() => decodePng(craft(5, 5, 8, 6, new Uint8Array(0), 2))).code).toBe("UNSUPPORTED");
    expect(
      pngError(() => decodePng(craft(5, 5, 8, 3, zlib.deflateSync(new Uint8Array(30))))).message,
    ).toMatch(/without a PLTE/);
    // An unknown critical chunk.
    const file = Uint8Array.from(small);
    const at = chunkAt(file, "IEND");
    file.set([0x41, 0x42, 0x43, 0x44], at + 4); // "ABCD" in place of IEND
    fixCrc(file, at);
    const e = pngError(() => decodePng(file));
    expect(e.code).toBe("UNSUPPORTED");
    expect(e.message).toContain('"ABCD"');
    // An unknown ancillary chunk is skipped, but then IEND is missing.
    file.set([0x61, 0x62, 0x63, 0x64], at + 4);
    fixCrc(file, at);
    expect(pngError(() => decodePng(file)).code).toBe("TRUNCATED");
  });

  it("fuzz: random byte edits (CRCs fixed) decode or throw PngError, quickly", () => {
    const r = rng(42);
    const base = refEncode({
      width: 13,
      height: 7,
      colorType: "rgba",
      bitDepth: 8,
      samples: Array.from({ length: 13 * 7 * 4 }, () => Math.floor(r() * 256)),
      interlace: true,
    });
    const t0 = performance.now();
    for (let k = 0; k < 2000; k++) {
      const f = Uint8Array.from(base);
      const edits = 1 + Math.floor(r() * 4);
      for (let j = 0; j < edits; j++) f[8 + Math.floor(r() * (f.length - 8))] = Math.floor(r() * 256);
      // Re-seal every chunk so the edits reach the parser and decoder.
      let pos = 8;
      const dv = new DataView(f.buffer);
      while (pos + 12 <= f.length) {
        const len = dv.getUint32(pos);
        if (pos + 12 + len > f.length) break;
        fixCrc(f, pos);
        pos += 12 + len;
      }
      for (const decode of [decodePng, decodeLabelBitmap, browser.decodePng]) {
        try {
          decode(f, { maxPixels: 1 << 20 });
        } catch (e) {
          if (!(e instanceof PngError)) throw new Error(`edit ${k}: ${String(e)}`);
        }
      }
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe("encodePng input errors", () => {
  it("names the problem", () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3), colorType: "gray" })).toThrow(
      /3 samples, expected 2x2x1 = 4/,
    );
    expect(() => encodePng({ width: 1, height: 1, data: [300], colorType: "gray" })).toThrow(
      /does not fit in 8 bits/,
    );
    expect(() => encodePng({ width: 1, height: 1, data: [1], colorType: "rgb", bitDepth: 4 })).toThrow(
      /bitDepth 4/,
    );
    expect(() =>
      encodePng({ width: 1, height: 1, data: [2], colorType: "palette", palette: [[0, 0, 0]] }),
    ).toThrow(/outside the 1-entry palette/);
    expect(() => encodePng({ width: 1, height: 1, data: [0], colorType: "palette" })).toThrow(
      /needs a non-empty palette/,
    );
    const big = Array.from({ length: 300 }, () => [0, 0, 0]);
    expect(() => encodePng({ width: 1, height: 1, data: [0], colorType: "palette", palette: big })).toThrow(
      /at most 256/,
    );
    const err = pngError(() => encodePng({ width: 1, height: 1, data: [0], colorType: "palette" }));
    expect(err.code).toBe("BAD_INPUT");
  });

  it("16-bit gray and 1-bit palette round trips (what the converter needs for > 255 instances)", () => {
    const data = Uint16Array.from({ length: 50 * 3 }, (_, i) => i * 400);
    const dec = decodePng(encodePng({ width: 50, height: 3, data, colorType: "gray", bitDepth: 16 }));
    expect([dec.colorType, dec.bitDepth]).toEqual(["gray", 16]);
    expect(Array.from(dec.data)).toEqual(Array.from(data));
    const bits = Uint8Array.from({ length: 13 * 3 }, (_, i) => (i * 5) % 2);
    const pal = decodePng(
      encodePng({
        width: 13,
        height: 3,
        data: bits,
        colorType: "palette",
        bitDepth: 1,
        palette: [0, 0, 0, 255, 255, 255],
      }),
    );
    expect(Array.from(pal.data)).toEqual(Array.from(bits));
    expect(Array.from(pal.palette ?? [])).toEqual([0, 0, 0, 255, 255, 255]);
  });
});
