// The Node entry's JPEG decoder: jpeg-js (pure JavaScript; Node has no image decoder of its own). It ignores EXIF,
// so decodeImageWith turns the pixels upright itself.
import jpeg from "jpeg-js";
import type { ImageFormat } from "./image.js";
import type { RgbaImage } from "./types.js";

export async function decodeJpegNode(
  bytes: Uint8Array,
  _format: ImageFormat,
  limits: { maxMemoryBytes: number },
): Promise<RgbaImage> {
  // decodeImageWith has checked the size against maxPixels: lift jpeg-js's pixel limit (100 MP) to match, and give it
  // our memory limit for the buffers it allocates (its default is 512 MB).
  const { width, height, data } = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: Number.MAX_SAFE_INTEGER,
    maxMemoryUsageInMB: Math.min(Number.MAX_SAFE_INTEGER, limits.maxMemoryBytes / 2 ** 20),
  });
  return { width, height, data };
}
