/**
 * The decoders' memory limit: what a PNG costs to decode is the inflated rows plus the output buffers, and it grows
 * with the bytes per pixel, not only with the pixel count. A 2 MiB file can declare a 16-bit RGBA image of 2^28
 * pixels (within the pixel limit) whose rows really inflate to 2 GiB; decoding it would allocate about 5 GiB more
 * (16-bit samples, then ids). The limit is checked from IHDR, before anything is inflated or allocated.
 */
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import {
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_PIXELS,
  decodeImage,
  decodeLabelBitmap,
  decodePng,
  encodePng,
  PngError,
} from "../src/index.js";
import { pngChunk } from "./ref-encoder.js";

/** LSB-first bit writer, just enough to hand-write one deflate block. */
class Bits {
  readonly bytes: number[] = [];
  #bit = 0;
  /** `n` bits of `value`, least significant first (deflate's order for header fields and extra bits). */
  put(value: number, n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.#bit === 0) this.bytes.push(0);
      const last = this.bytes.length - 1;
      this.bytes[last] = (this.bytes[last] as number) | (((value >> i) & 1) << this.#bit);
      this.#bit = (this.#bit + 1) & 7;
    }
  }
  /** A Huffman code of `n` bits, most significant first (RFC 1951 section 3.1.1). */
  code(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.put((value >> i) & 1, 1);
  }
}

/**
 * A zlib stream that inflates to at least `size` zero bytes at the best ratio deflate allows: one dynamic block
 * whose length code 285 (a 258-byte match) and distance code 0 (distance 1) are one bit each, so every 258 bytes of
 * output cost two zero bits. About 1 byte per 1032 of output: 2 GiB from 2 MiB.
 */
function zeroBomb(size: number): Uint8Array {
  const w = new Bits();
  w.put(1, 1); // BFINAL
  w.put(2, 2); // BTYPE 10: dynamic Huffman codes (RFC 1951 section 3.2.7)
  w.put(29, 5); // HLIT: 286 literal/length codes
  w.put(0, 5); // HDIST: 1 distance code
  w.put(14, 4); // HCLEN: 18 code length codes
  // Code length code lengths in RFC 1951 order 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1:
  // symbol 18 (a run of zeros) gets 1 bit, symbols 1 and 2 get 2 bits.
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) w.put(length, 3);
  const cl = { 1: [0b10, 2], 2: [0b11, 2], 18: [0b0, 1] } as const;
  const zeros = (n: number) => {
    w.code(...cl[18]);
    w.put(n - 11, 7);
  };
  // Literal/length code lengths: 0 -> 2, 1..255 -> 0, 256 -> 2, 257..284 -> 0, 285 -> 1; distance 0 -> 1.
  w.code(...cl[2]);
  zeros(138);
  zeros(117);
  w.code(...cl[2]);
  zeros(28);
  w.code(...cl[1]);
  w.code(...cl[1]);
  // Canonical codes: 285 = 0, literal 0 = 10, end of block 256 = 11; distance 0 = 0.
  w.code(0b10, 2); // one literal zero byte, then 258-byte copies of it: "0" (length 285) + "0" (distance 1)
  const matches = Math.ceil((size - 1) / 258);
  const head = w.bytes.length;
  const bits = 2 * matches;
  const out = new Uint8Array(2 + head + Math.ceil(bits / 8) + 8);
  out.set([0x78, 0x01]);
  out.set(w.bytes, 2);
  // The matches are all zero bits, and so are the padding bytes after them: a decoder that inflates this stream goes
  // on past `size` until the limit IHDR implies stops it.
  return out;
}

function craft(width: number, height: number, bitDepth: number, colorType: number, idat: Uint8Array) {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([bitDepth, colorType, 0, 0, 0], 8);
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      pngChunk("IHDR", ihdr),
      pngChunk("IDAT", idat),
      pngChunk("IEND", new Uint8Array(0)),
    ]),
  );
}

function pngError(fn: () => unknown): PngError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PngError) return e;
    throw new Error(`expected a PngError, got ${String(e)}`, { cause: e });
  }
  throw new Error("expected a PngError, nothing was thrown");
}

describe("memory limit", () => {
  // 16384 x 16384 = 2^28 pixels: exactly the default pixel limit. 16-bit RGBA rows: 2 GiB.
  const side = 16384;
  const bomb = craft(side, side, 16, 6, zeroBomb(side * (1 + side * 8)));

  it("a 2 MiB 16-bit PNG declaring 2^28 pixels is refused from IHDR, naming the limit", () => {
    expect(side * side).toBe(DEFAULT_MAX_PIXELS);
    expect(bomb.length).toBeLessThan(2.1 * 2 ** 20);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    for (const api of [{ decodePng, decodeLabelBitmap }, browser]) {
      for (const decode of [api.decodePng, api.decodeLabelBitmap]) {
        const e = pngError(() => decode(bomb));
        expect(e.code).toBe("TOO_LARGE");
        expect(e.message).toContain(`16384x16384 16-bit rgba`);
        expect(e.message).toContain(`limit of ${DEFAULT_MAX_MEMORY_BYTES} bytes (maxMemoryBytes)`);
      }
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 2 ** 20);
  });

  // 64x64 16-bit RGBA: rows 64 * (1 + 512) = 32832 bytes, samples 64 * 64 * 4 * 2 = 32768 bytes, ids or RGBA 16384.
  const png = encodePng({
    width: 64,
    height: 64,
    data: new Uint16Array(64 * 64 * 4),
    colorType: "rgba",
    bitDepth: 16,
  });

  it("counts the inflated rows and every output buffer of the call", () => {
    expect(decodePng(png, { maxMemoryBytes: 32832 + 32768 }).width).toBe(64);
    expect(pngError(() => decodePng(png, { maxMemoryBytes: 32832 + 32767 })).message).toMatch(
      /needs 65600 bytes \(32832 of inflated rows, 32768 of output\), more than the limit of 65599 bytes/,
    );
    expect(decodeLabelBitmap(png, { maxMemoryBytes: 32832 + 32768 + 16384 }).width).toBe(64);
    expect(pngError(() => decodeLabelBitmap(png, { maxMemoryBytes: 32832 + 32768 + 16383 })).code).toBe(
      "TOO_LARGE",
    );
    // An 8-bit RGBA label map decodes straight into its ids, in the memory of the inflated rows at most.
    const label = encodePng({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 4), colorType: "rgba" });
    expect(decodeLabelBitmap(label, { maxMemoryBytes: 64 * (1 + 256) }).width).toBe(64);
    expect(pngError(() => decodeLabelBitmap(label, { maxMemoryBytes: 64 * (1 + 256) - 1 })).code).toBe(
      "TOO_LARGE",
    );
  });

  it("applies to decodeImage (PNG rows, samples and the RGBA result)", async () => {
    const error = await decodeImage(png, { maxMemoryBytes: 32832 + 32768 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PngError);
    expect(String(error)).toMatch(/more than the limit of 65600 bytes \(maxMemoryBytes\)/);
    expect((await decodeImage(png, { maxMemoryBytes: 32832 + 32768 + 16384 })).width).toBe(64);
  });

  it("maxMemoryBytes must be a positive integer or Infinity", () => {
    const png = encodePng({ width: 2, height: 1, data: new Uint8Array(2), colorType: "gray" });
    for (const maxMemoryBytes of [0, -1, 1.5, Number.NaN, "100"])
      expect(
        () => decodePng(png, { maxMemoryBytes: maxMemoryBytes as never }),
        String(maxMemoryBytes),
      ).toThrow(/maxMemoryBytes must be a positive integer, or Infinity for no limit/);
    expect(decodePng(png, { maxMemoryBytes: Number.POSITIVE_INFINITY }).width).toBe(2);
  });
});
