/**
 * A synchronous zlib (RFC 1950) implementation the PNG code runs on. The package entries bind one for you: `node:zlib`
 * under the `node` export condition, `fflate` in browsers and everywhere else. Pass your own to
 * {@link createBitmapApi} to use another (e.g. a WebAssembly zlib).
 */
export interface ZlibBackend {
  /** A name for diagnostics ("node:zlib", "fflate"). */
  readonly name: string;
  /** Compress to a zlib stream at the given level (0-9). */
  deflate(data: Uint8Array, options: { level: number }): Uint8Array;
  /**
   * Decompress a zlib stream that must inflate to exactly `expectedSize` bytes. Implementations must never allocate
   * (much) more than `expectedSize` and must throw when the stream would produce more; returning fewer bytes is
   * allowed (the caller reports the truncation).
   */
  inflate(data: Uint8Array, expectedSize: number): Uint8Array;
  /**
   * Optional: allocate `bytes` bytes of memory of its own (offset 0, not shared with other buffers) without
   * clearing it, e.g. Node's `Buffer.allocUnsafeSlow`. The label decoder uses it for the ids, whose every byte it
   * writes, to skip zero-filling 33 MB at 4K; without it, memory comes from `new Uint8Array`.
   */
  allocUnsafe?: ((bytes: number) => Uint8Array) | undefined;
  /** Optional fast CRC-32 (`crc32(data, start)`), e.g. `zlib.crc32` in Node >= 20.15. */
  crc32?: ((data: Uint8Array, value?: number) => number) | undefined;
}
