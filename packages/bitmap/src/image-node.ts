// The Node entry's JPEG decoder: jpeg-js (pure JavaScript; Node has no image decoder of its own). It ignores EXIF,
// so decodeImageWith turns the pixels upright itself.
import jpeg from "jpeg-js";
import type { RgbaImage } from "./types.js";

export async function decodeJpegNode(bytes: Uint8Array): Promise<RgbaImage> {
  // decodeImageWith has checked the size against maxPixels; lift jpeg-js's own limits (100 MP, 512 MB) to match.
  const { width, height, data } = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: Number.MAX_SAFE_INTEGER,
    maxMemoryUsageInMB: Number.MAX_SAFE_INTEGER,
  });
  return { width, height, data };
}
