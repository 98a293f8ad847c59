/**
 * The pixel limit shared by every converter that materialises a mask or bitmap from sizes declared in the input.
 *
 * Sizes in COCO files, RLE headers and PNG headers are user input: a 30-byte RLE can claim 60,000 x 60,000 pixels, and
 * allocating (or tracing) what it claims takes gigabytes and tens of seconds. The limit is checked from the declared
 * size, before anything is allocated or decoded, and is the same as the PNG decoder's of `@segments-ts/bitmap`.
 */
import { DEFAULT_MAX_PIXELS } from "@segments-ts/bitmap";
import { ConversionError, type ProblemLocation } from "./errors.js";

/** Default `maxPixels` of the converters: 2^28 pixels (the `@segments-ts/bitmap` PNG decoder's default). */
export { DEFAULT_MAX_PIXELS };

/** The `maxPixels` option, checked: a positive number (`Infinity` turns the limit off), default {@link DEFAULT_MAX_PIXELS}. */
export function resolveMaxPixels(maxPixels: number | undefined): number {
  if (maxPixels === undefined) return DEFAULT_MAX_PIXELS;
  if (typeof maxPixels !== "number" || Number.isNaN(maxPixels) || maxPixels <= 0)
    throw new ConversionError(`maxPixels must be a positive number, got ${String(maxPixels)}`, {
      field: "maxPixels",
    });
  return maxPixels;
}

/**
 * Throws a located {@link ConversionError} when a `width` x `height` mask would exceed `maxPixels`. `what` names the
 * thing being sized (`image`, `RLE mask`, `PNG`) in the message.
 */
export function checkPixels(
  what: string,
  width: number,
  height: number,
  maxPixels: number,
  location: ProblemLocation,
): void {
  const pixels = width * height;
  if (pixels > maxPixels) {
    throw new ConversionError(
      `${what} is ${width}x${height} = ${pixels} pixels, more than the limit of ${maxPixels}: ` +
        "pass a larger maxPixels option to convert it",
      location,
    );
  }
}
