/** Machine-readable reason of a {@link PngError}. */
export type PngErrorCode =
  /** The first 8 bytes are not the PNG signature. */
  | "BAD_SIGNATURE"
  /** A chunk's CRC-32 does not match its contents. */
  | "BAD_CRC"
  /** The file ends inside a chunk, before IEND, or the image data ends early. */
  | "TRUNCATED"
  /** The image is larger than the decoder's `maxPixels` limit (checked from IHDR, before any allocation). */
  | "TOO_LARGE"
  /** A valid PNG feature this package does not handle (unknown critical chunk, compression or filter method). */
  | "UNSUPPORTED"
  /** An invalid IHDR (zero size, bad bit depth / colour type combination, ...). */
  | "BAD_HEADER"
  /** Chunks missing or out of order (no IHDR first, no IDAT, palette image without PLTE, ...). */
  | "BAD_CHUNK"
  /** The compressed or filtered image data is corrupt (zlib error, bad filter type, too much data). */
  | "BAD_DATA"
  /** The arguments given to an encoder are inconsistent (data length, bit depth, palette size, ...). */
  | "BAD_INPUT";

/**
 * The error thrown by every PNG encoder and decoder in this package. `code` says what is wrong, `offset` (when
 * known) the byte offset in the file where it was found, and the message names both in words.
 *
 * @example
 * ```ts
 * try {
 *   decodePng(bytes);
 * } catch (e) {
 *   if (e instanceof PngError && e.code === "BAD_CRC") console.error(e.message); // "PNG: bad CRC in IDAT chunk at byte 33 ..."
 * }
 * ```
 */
export class PngError extends Error {
  override readonly name = "PngError";
  readonly code: PngErrorCode;
  /** Byte offset in the PNG file where the problem was found, when it applies. */
  readonly offset: number | undefined;

  constructor(code: PngErrorCode, message: string, offset?: number, options?: { cause?: unknown }) {
    super(`PNG: ${message}${offset === undefined ? "" : ` (at byte ${offset})`}`, options);
    this.code = code;
    this.offset = offset;
  }
}
