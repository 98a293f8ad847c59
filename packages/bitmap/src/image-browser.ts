// The browser entry's decoder for JPEG and the other formats browsers read: createImageBitmap and a canvas. Browsers
// always apply the EXIF orientation here (Chromium ignores imageOrientation: "none"), so the pixels come back upright.
import { ImageDecodeError, type ImageFormat } from "./image.js";
import type { RgbaImage } from "./types.js";

export async function decodeWithCanvas(
  bytes: Uint8Array,
  format: ImageFormat,
): Promise<RgbaImage & { oriented: true }> {
  if (typeof createImageBitmap !== "function" || typeof OffscreenCanvas !== "function")
    throw new ImageDecodeError(
      "UNSUPPORTED_FORMAT",
      format,
      `decodeImage: this environment has no createImageBitmap / OffscreenCanvas to decode a ${format.toUpperCase()} with (PNGs decode anywhere)`,
    );
  // colorSpaceConversion "none": the stored values, as jpeg-js gives them in Node (no ICC profile applied).
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    colorSpaceConversion: "none",
    premultiplyAlpha: "none",
  });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context on OffscreenCanvas");
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, data, oriented: true };
  } finally {
    bitmap.close();
  }
}
