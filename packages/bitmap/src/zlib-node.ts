// The zlib backend for the `node` export condition: node:zlib's synchronous API. Only the Node entry imports this
// file, so browser bundles never see `node:zlib`.
import * as zlib from "node:zlib";
import type { ZlibBackend } from "./zlib.js";

const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export const nodeZlib: ZlibBackend = {
  name: "node:zlib",
  deflate(data, { level }) {
    const out = zlib.deflateSync(data, {
      level,
      // Large label maps compress to a few hundred kB: a bigger output chunk avoids repeated buffer growth.
      chunkSize: 256 * 1024,
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  inflate(data, expectedSize) {
    // maxOutputLength bounds the allocation: a zip bomb fails with ERR_BUFFER_TOO_LARGE instead of eating memory.
    const out = zlib.inflateSync(data, {
      maxOutputLength: Math.max(1, expectedSize),
      chunkSize: Math.max(64 * 1024, Math.min(expectedSize + 1, 32 * 1024 * 1024)),
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  // Unpooled, so the memory is the result's alone (a pooled Buffer would expose its neighbours through `.buffer`).
  allocUnsafe: (bytes) => Buffer.allocUnsafeSlow(bytes),
  crc32,
};
