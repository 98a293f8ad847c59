/**
 * Width and height from PNG / JPEG / GIF / WebP / BMP headers: our own small reader, so that an image's size is known
 * from its first bytes, without downloading or decoding the whole file.
 */

/** A size, `more` (a known format whose header is not complete yet), or `unknown` (not a format read here). */
export type ImageSizeProbe = { width: number; height: number } | "more" | "unknown";

const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46], // GIF
  [0x42, 0x4d], // BMP
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  [0xff, 0xd8], // JPEG
];

/** Whether `bytes` could still be the start of one of the formats read here. */
function couldBeImage(bytes: Uint8Array): boolean {
  return SIGNATURES.some((signature) => signature.every((b, i) => i >= bytes.length || bytes[i] === b));
}

/**
 * Reads the size from the first bytes of an image file: a size once the header is there, `more` while it may still
 * come, `unknown` for other formats.
 *
 * @example
 * ```ts
 * probeImageSize(firstBytes); // { width: 640, height: 480 } | "more" | "unknown"
 * ```
 */
export function probeImageSize(bytes: Uint8Array): ImageSizeProbe {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 4) return couldBeImage(bytes) ? "more" : "unknown";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return n >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : "more";
  }
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return n >= 10 ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : "more";
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    return n >= 26 ? { width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) } : "more";
  }
  if (view.getUint32(0) === 0x52494646) return n >= 30 ? webpSize(bytes, view) : "more";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  return "unknown";
}

function webpSize(bytes: Uint8Array, view: DataView): ImageSizeProbe {
  if (view.getUint32(8) !== 0x57454250) return "unknown";
  const chunk = view.getUint32(12);
  if (chunk === 0x56503820)
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 0x5650384c) {
    const b = view.getUint32(21, true);
    return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 0x56503858) {
    const w = 1 + ((bytes[24] as number) | ((bytes[25] as number) << 8) | ((bytes[26] as number) << 16));
    const h = 1 + ((bytes[27] as number) | ((bytes[28] as number) << 8) | ((bytes[29] as number) << 16));
    return { width: w, height: h };
  }
  return "unknown";
}

/** Walks the JPEG marker segments to the first start-of-frame (SOF0..SOF15 except DHT C4, JPG C8, DAC CC). */
function jpegSize(bytes: Uint8Array, view: DataView): ImageSizeProbe {
  const n = bytes.length;
  let o = 2;
  while (o + 9 < n) {
    if (bytes[o] !== 0xff) {
      o++;
      continue;
    }
    const marker = bytes[o + 1] as number;
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(o + 5), width: view.getUint16(o + 7) };
    }
    // The scan starts at SOS: a file without a frame header before it has no size to give.
    if (marker === 0xda) return "unknown";
    o += 2 + view.getUint16(o + 2);
  }
  return "more";
}

/**
 * Width and height from PNG / JPEG / GIF / WebP / BMP headers, or `undefined` for other formats and headers cut short.
 *
 * @example
 * ```ts
 * imageSize(await readFile("a.jpg")); // { width: 640, height: 480 }
 * ```
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const probe = probeImageSize(bytes);
  return typeof probe === "object" ? probe : undefined;
}
