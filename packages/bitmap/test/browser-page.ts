// Runs in headless Chromium (bundled by test/browser.test.ts from the package's `browser` entry).
import {
  bitmap2file,
  decodeImage,
  decodeLabelBitmap,
  decodePng,
  encodePng,
  fflateZlib,
} from "../src/browser.js";
import { realisticBitmap } from "./fixtures.js";

const toB64 = (b: Uint8Array) => {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

function checksum(a: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ (a[i] as number), 16777619);
  return h >>> 0;
}

(globalThis as unknown as { bitmapTest: unknown }).bitmapTest = {
  backend: fflateZlib.name,
  /** Encode a seeded bitmap in the page; return the PNG and a checksum of the ids. */
  encode(width: number, height: number, seed: number) {
    const ids = realisticBitmap(width, height, 30, seed);
    ids[0] = 0xffffff;
    const png = bitmap2file(ids, { width, height });
    return { png: toB64(png), checksum: checksum(ids) };
  },
  /** Decode a PNG made by Node; return size and checksum of the ids, and the raw decode's format. */
  decode(b64: string) {
    const bytes = fromB64(b64);
    const { width, height, data } = decodeLabelBitmap(bytes);
    const raw = decodePng(bytes);
    return { width, height, checksum: checksum(data), colorType: raw.colorType, bitDepth: raw.bitDepth };
  },
  gray16() {
    const png = encodePng({
      width: 3,
      height: 1,
      data: Uint16Array.of(1, 2, 65535),
      colorType: "gray",
      bitDepth: 16,
    });
    return Array.from(decodeLabelBitmap(png).data);
  },
  /** decodeImage in the page: RGBA as base64, or the error's name, code and format. */
  async image(b64: string) {
    try {
      const { width, height, data } = await decodeImage(fromB64(b64));
      return { width, height, rgba: toB64(data) };
    } catch (e) {
      const { name, code, format } = e as { name: string; code?: string; format?: string };
      return { error: `${name}:${code}:${format}` };
    }
  },
  errorCode() {
    try {
      decodeLabelBitmap(new Uint8Array(20));
      return "none";
    } catch (e) {
      return `${(e as Error).name}:${(e as { code?: string }).code}`;
    }
  },
};
