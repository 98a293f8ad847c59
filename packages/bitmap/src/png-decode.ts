// PNG decoding shared by every entry: inflation to exactly the size the header implies, unfiltering, Adam7
// de-interlacing and sample extraction. Imports no Node module; inflation goes through the ZlibBackend passed in.
import { PngError } from "./errors.js";
import {
  ADAM7,
  checkMemory,
  type DecodePngOptions,
  expectedRawSize,
  type ParsedPng,
  type PngHeader,
  parsePng,
  rowBytesOf,
  sampleBytesOf,
  toBytes,
} from "./png-chunks.js";
import { unfilterPass } from "./png-unfilter.js";
import type { DecodedPng } from "./types.js";
import type { ZlibBackend } from "./zlib.js";

/** Inflate the IDAT stream to exactly the size the header implies, with clear errors. */
export function inflateImage(p: ParsedPng, zlib: ZlibBackend): Uint8Array {
  const expected = expectedRawSize(p.header);
  let raw: Uint8Array;
  try {
    raw = zlib.inflate(p.idat, expected);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /larger than|too large|buffer/i.test(msg))
      throw new PngError(
        "BAD_DATA",
        `image data inflates to more than the ${expected} bytes IHDR implies`,
        p.idatOffset,
        {
          cause: e,
        },
      );
    if (/unexpected end|EOF|Z_BUF_ERROR/i.test(msg) || code === "Z_BUF_ERROR")
      throw new PngError("TRUNCATED", `compressed image data ends early (${msg})`, p.idatOffset, {
        cause: e,
      });
    throw new PngError("BAD_DATA", `corrupt compressed image data (${msg})`, p.idatOffset, { cause: e });
  }
  if (raw.length < expected)
    throw new PngError(
      "TRUNCATED",
      `image data ends early: inflated to ${raw.length} of the ${expected} bytes IHDR implies`,
      p.idatOffset,
    );
  return raw.length === expected ? raw : raw.subarray(0, expected);
}

/** Unfilter every pass in place and return each pass's geometry. */
function unfilterAll(raw: Uint8Array, h: PngHeader, idatOffset: number) {
  const bpp = Math.max(1, (h.channels * h.bitDepth) >> 3);
  const passes: {
    start: number;
    pw: number;
    ph: number;
    xs: number;
    ys: number;
    dx: number;
    dy: number;
    rowBytes: number;
  }[] = [];
  const list = h.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let start = 0;
  for (const [xs, ys, dx, dy] of list) {
    const pw = Math.ceil((h.width - xs) / dx);
    const ph = Math.ceil((h.height - ys) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = rowBytesOf(pw, h.channels, h.bitDepth);
    unfilterPass(raw, start, rowBytes, ph, bpp, idatOffset);
    passes.push({ start, pw, ph, xs, ys, dx, dy, rowBytes });
    start += ph * (rowBytes + 1);
  }
  return passes;
}

/**
 * Core of `decodePng`: bytes to raw samples in the file's format. `extraBytesPerPixel` is what the caller allocates
 * per pixel from the result (ids, RGBA), counted against `maxMemoryBytes` with the rows and the samples.
 */
export function decodePngWith(
  input: Uint8Array | ArrayBuffer | ArrayBufferView,
  options: DecodePngOptions,
  zlib: ZlibBackend,
  extraBytesPerPixel = 0,
): DecodedPng {
  const bytes = toBytes(input);
  const parsed = parsePng(bytes, options, zlib.crc32);
  const h = parsed.header;
  checkMemory(h, sampleBytesOf(h) + extraBytesPerPixel * h.width * h.height, options);
  const raw = inflateImage(parsed, zlib);
  const passes = unfilterAll(raw, h, parsed.idatOffset);
  const { width, height, channels, bitDepth } = h;
  const n = width * height * channels;
  const data = bitDepth === 16 ? new Uint16Array(n) : new Uint8Array(n);
  for (const ps of passes) {
    for (let y = 0; y < ps.ph; y++) {
      const o = ps.start + y * (ps.rowBytes + 1) + 1;
      const dstRow = ((ps.ys + y * ps.dy) * width + ps.xs) * channels;
      const dstStep = ps.dx * channels;
      if (bitDepth === 8) {
        if (ps.dx === 1) (data as Uint8Array).set(raw.subarray(o, o + ps.rowBytes), dstRow);
        else
          for (let x = 0; x < ps.pw; x++)
            for (let c = 0; c < channels; c++)
              data[dstRow + x * dstStep + c] = raw[o + x * channels + c] as number;
      } else if (bitDepth === 16) {
        for (let x = 0; x < ps.pw; x++)
          for (let c = 0; c < channels; c++) {
            const s = o + (x * channels + c) * 2;
            data[dstRow + x * dstStep + c] = ((raw[s] as number) << 8) | (raw[s + 1] as number);
          }
      } else {
        // 1, 2 or 4 bits, one channel (gray or palette): unpack, most significant bits first.
        const perByte = 8 / bitDepth;
        const mask = (1 << bitDepth) - 1;
        for (let x = 0; x < ps.pw; x++) {
          const byte = raw[o + Math.floor(x / perByte)] as number;
          const shift = 8 - bitDepth * ((x % perByte) + 1);
          data[dstRow + x * dstStep] = (byte >> shift) & mask;
        }
      }
    }
  }
  const out: DecodedPng = {
    width,
    height,
    colorType: h.colorType,
    bitDepth,
    channels,
    data,
    interlaced: h.interlaced,
  };
  if (parsed.palette) out.palette = parsed.palette;
  if (parsed.trns) {
    if (h.colorType === "palette") out.transparency = parsed.trns;
    else if (h.colorType === "gray" || h.colorType === "rgb") {
      const k = h.colorType === "gray" ? 1 : 3;
      const t = new Uint16Array(k);
      for (let i = 0; i < k && 2 * i + 1 < parsed.trns.length; i++)
        t[i] = ((parsed.trns[2 * i] as number) << 8) | (parsed.trns[2 * i + 1] as number);
      out.transparency = t;
    }
  }
  return out;
}
