// decodeImage in Node: PNG exactly as decodePng + toRgba, JPEG through jpeg-js compared with libjpeg-turbo (sharp)
// within JPEG decoders' rounding, EXIF orientations, limits and errors.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { exifOrientation } from "../src/image.js";
import { decodeWithCanvas } from "../src/image-browser.js";
import {
  bitmap2file,
  createBitmapApi,
  decodeImage,
  decodePng,
  encodePng,
  ImageDecodeError,
  nodeZlib,
  overlayPng,
  PngError,
  sniffImageFormat,
  toRgba,
} from "../src/index.js";

const W = 64;
const H = 48;

/**
 * A smooth RGB test picture: red grows to the right, green downwards, blue falls along the diagonal, so a wrong
 * orientation or channel order is far off everywhere. (Sharp edges would be decoded differently by different JPEG
 * decoders' chroma upsampling, by up to ~60 levels.)
 */
function picture(): Buffer {
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = 3 * (y * W + x);
      raw[i] = x * 3;
      raw[i + 1] = y * 5;
      raw[i + 2] = 200 - x - y;
    }
  return raw;
}

const jpegOf = (s: sharp.Sharp) => s.toBuffer();
const rgbSharp = () => sharp(picture(), { raw: { width: W, height: H, channels: 3 } });

/** libjpeg-turbo's decode of the same file, oriented, as RGBA. */
async function reference(file: Buffer) {
  const { data, info } = await sharp(file).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Mean and largest absolute difference per sample. */
function difference(a: Uint8Array, b: Uint8Array): { mean: number; max: number } {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / a.length, max };
}

// Two conforming JPEG decoders differ by their IDCT and chroma upsampling: on this picture by a few levels, under one
// on average. A wrong orientation, channel order or colour transform is off by tens (checked below).
const CLOSE = { mean: 1.5, max: 12 };

describe("decodeImage: JPEG", () => {
  it.each([
    ["baseline 4:2:0", () => jpegOf(rgbSharp().jpeg({ quality: 90 }))],
    ["baseline 4:4:4", () => jpegOf(rgbSharp().jpeg({ quality: 95, chromaSubsampling: "4:4:4" }))],
    ["progressive", () => jpegOf(rgbSharp().jpeg({ progressive: true }))],
    ["grayscale", () => jpegOf(rgbSharp().grayscale().jpeg())],
    [
      "odd size (partial blocks at the right and bottom)",
      () => jpegOf(rgbSharp().extract({ left: 0, top: 0, width: 37, height: 29 }).jpeg()),
    ],
  ])("%s agrees with libjpeg-turbo", async (_name, make) => {
    const file = await make();
    expect(sniffImageFormat(file)).toBe("jpeg");
    const ours = await decodeImage(file);
    const ref = await reference(file);
    expect([ours.width, ours.height]).toEqual([ref.width, ref.height]);
    const d = difference(ours.data, ref.data);
    expect(d.mean).toBeLessThan(CLOSE.mean);
    expect(d.max).toBeLessThan(CLOSE.max);
    for (let i = 3; i < ours.data.length; i += 4) if (ours.data[i] !== 255) throw new Error(`alpha at ${i}`);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "EXIF orientation %i is applied, as browsers show the image",
    async (o) => {
      const file = await jpegOf(rgbSharp().jpeg({ quality: 95 }).withMetadata({ orientation: o }));
      expect(exifOrientation(file)).toBe(o);
      const ours = await decodeImage(file);
      const ref = await reference(file);
      expect([ours.width, ours.height]).toEqual(o >= 5 ? [H, W] : [W, H]);
      expect([ref.width, ref.height]).toEqual([ours.width, ours.height]);
      const d = difference(ours.data, ref.data);
      expect(d.mean).toBeLessThan(CLOSE.mean);
      expect(d.max).toBeLessThan(CLOSE.max);
      if (o === 2 || o === 3 || o === 4) {
        // The stored pixels (same size) are far from the upright ones: the comparison above can tell.
        const stored = await sharp(file).ensureAlpha().raw().toBuffer();
        expect(difference(ours.data, stored).mean).toBeGreaterThan(10);
      }
    },
  );

  it("reads the orientation from little- and big-endian EXIF, and 1 without one", () => {
    const exif = (little: boolean, orientation: number) => {
      const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
      const u32 = (v: number) =>
        little ? [...u16(v & 0xffff), ...u16(v >>> 16)] : [...u16(v >>> 16), ...u16(v & 0xffff)];
      // TIFF header, IFD0 at 8 with two entries: ImageWidth (ignored), Orientation (SHORT, 1 value).
      const tiff = [
        ...(little ? [0x49, 0x49] : [0x4d, 0x4d]),
        ...u16(42),
        ...u32(8),
        ...u16(2),
        ...u16(0x0100),
        ...u16(3),
        ...u32(1),
        ...u16(64),
        0,
        0,
        ...u16(0x0112),
        ...u16(3),
        ...u32(1),
        ...u16(orientation),
        0,
        0,
        ...u32(0),
      ];
      const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
      return Uint8Array.from([
        0xff,
        0xd8,
        0xff,
        0xe1,
        (app1.length + 2) >> 8,
        (app1.length + 2) & 255,
        ...app1,
        0xff,
        0xda,
        0,
        2,
      ]);
    };
    expect(exifOrientation(exif(true, 6))).toBe(6);
    expect(exifOrientation(exif(false, 8))).toBe(8);
    expect(exifOrientation(exif(true, 9))).toBe(1); // not an orientation: as stored
    expect(exifOrientation(Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0, 2))).toBe(1);
  });

  it("refuses a JPEG over maxPixels from its header, before decoding", async () => {
    const file = await jpegOf(rgbSharp().jpeg());
    const error = await decodeImage(file, { maxPixels: W * H - 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect(error).toMatchObject({ code: "TOO_LARGE", format: "jpeg" });
    expect(String(error)).toMatch(
      /the JPEG is 64x48 = 3072 pixels, more than the limit of 3071 \(maxPixels\)/,
    );
    expect((await decodeImage(file, { maxPixels: W * H })).width).toBe(W);
    await expect(decodeImage(file, { maxPixels: 0 })).rejects.toThrow(RangeError);
  });

  it("truncated and header-only JPEGs are BAD_DATA", async () => {
    const file = await jpegOf(rgbSharp().jpeg());
    for (const cut of [file.length >> 1, 200]) {
      const error = await decodeImage(file.subarray(0, cut)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageDecodeError);
      expect(error).toMatchObject({ code: "BAD_DATA", format: "jpeg" });
      expect(String(error)).toMatch(/the JPEG does not decode: /);
    }
    const noFrame = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9);
    await expect(decodeImage(noFrame)).rejects.toMatchObject({
      code: "BAD_DATA",
      message: /no frame header/,
    });
  });
});

describe("decodeImage: PNG and other formats", () => {
  it("PNG is decodePng + toRgba, exactly (16-bit, palette, gray)", async () => {
    const pngs = [
      encodePng({
        width: 3,
        height: 1,
        data: Uint16Array.of(0, 30000, 65535),
        colorType: "gray",
        bitDepth: 16,
      }),
      encodePng({
        width: 2,
        height: 1,
        data: Uint8Array.of(1, 0),
        colorType: "palette",
        palette: [
          [0, 0, 0],
          [9, 8, 7, 6],
        ],
      }),
      await sharp(picture(), { raw: { width: W, height: H, channels: 3 } })
        .png()
        .toBuffer(),
    ];
    for (const png of pngs) expect(await decodeImage(png)).toEqual(toRgba(decodePng(png)));
    await expect(
      decodeImage(encodePng({ width: 2, height: 2, data: new Uint8Array(4), colorType: "gray" }), {
        maxPixels: 3,
      }),
    ).rejects.toThrow(PngError);
  });

  it("other formats are UNSUPPORTED_FORMAT in Node, naming the format and what to do", async () => {
    const webp = await rgbSharp().webp().toBuffer();
    const gif = await rgbSharp().gif().toBuffer();
    for (const [file, format] of [
      [webp, "webp"],
      [gif, "gif"],
    ] as const) {
      expect(sniffImageFormat(file)).toBe(format);
      const error = await decodeImage(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageDecodeError);
      expect(error).toMatchObject({ code: "UNSUPPORTED_FORMAT", format });
      expect(String(error)).toMatch(
        new RegExp(`${format.toUpperCase()} is not decoded here, only PNG and JPEG: convert it first`),
      );
    }
    await expect(decodeImage(new TextEncoder().encode("<html>not found</html>"))).rejects.toMatchObject({
      code: "UNSUPPORTED_FORMAT",
      format: "unknown",
      message: /the first bytes are 3c 68 74 6d 6c 3e 6e 6f/,
    });
    await expect(decodeImage("photo.jpg" as never)).rejects.toThrow(TypeError);
  });

  it("without a JPEG decoder (a custom api, or no canvas in the environment) a JPEG is UNSUPPORTED_FORMAT", async () => {
    const jpeg = await jpegOf(rgbSharp().jpeg());
    await expect(createBitmapApi(nodeZlib).decodeImage(jpeg)).rejects.toMatchObject({
      code: "UNSUPPORTED_FORMAT",
      format: "jpeg",
      message: /JPEG is not decoded here, only PNG: convert it first/,
    });
    const png = encodePng({ width: 1, height: 1, data: Uint8Array.of(7), colorType: "gray" });
    expect(await createBitmapApi(nodeZlib).decodeImage(png)).toEqual({
      width: 1,
      height: 1,
      data: Uint8Array.of(7, 7, 7, 255),
    });
    // Node has no createImageBitmap / OffscreenCanvas: the browser entry's decoder says so instead of failing obscurely.
    const viaBrowserEntry = createBitmapApi(nodeZlib, { decodeJpeg: decodeWithCanvas });
    await expect(viaBrowserEntry.decodeImage(jpeg)).rejects.toMatchObject({
      name: "ImageDecodeError",
      code: "UNSUPPORTED_FORMAT",
      message: /no createImageBitmap \/ OffscreenCanvas to decode a JPEG with/,
    });
  });

  it("a decoded JPEG is ready to overlay a label on", async () => {
    const file = await jpegOf(rgbSharp().jpeg().withMetadata({ orientation: 6 }));
    const image = await decodeImage(file);
    const ids = new Uint32Array(image.width * image.height).fill(1, 0, image.width * 10);
    const view = decodePng(
      overlayPng(image, { data: ids, width: image.width, height: image.height }, { alpha: 1 }),
    );
    expect([view.width, view.height]).toEqual([H, W]);
    expect(Array.from(view.data.subarray(0, 4))).toEqual([128, 0, 0, 255]); // instance 1's colour, opaque
    expect(bitmap2file({ data: ids, width: H, height: W }).length).toBeGreaterThan(0);
  });
});
