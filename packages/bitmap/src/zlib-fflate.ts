// The zlib backend for browsers and every runtime without the `node` condition: fflate, a small, dependency-free,
// synchronous deflate/inflate in plain JavaScript (bitmap2file codes label maps with label-deflate.ts, whatever the
// backend). (CompressionStream would do, but it is asynchronous only, and this package keeps the Python SDK's
// synchronous API.)
import { unzlibSync, zlibSync } from "fflate";
import type { ZlibBackend } from "./zlib.js";

export const fflateZlib: ZlibBackend = {
  name: "fflate",
  deflate(data, { level }) {
    return zlibSync(data, {
      level: Math.max(0, Math.min(9, level)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9,
    });
  },
  inflate(data, expectedSize) {
    // With a preallocated `out`, fflate never grows the buffer: extra data is dropped, memory stays bounded.
    return unzlibSync(data, { out: new Uint8Array(expectedSize) });
  },
};
