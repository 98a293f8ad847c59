// CRC-32 (ISO-HDLC, as PNG uses) with a slice-by-4 table: no dependency, fast enough for chunk sizes seen in
// label PNGs (their compressed data is small); the Node backend can substitute zlib.crc32 for large files.

const TABLE = /* @__PURE__ */ (() => {
  const t = new Uint32Array(1024);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] as number;
    for (let k = 1; k < 4; k++) {
      c = (t[c & 0xff] as number) ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
})();

/** CRC-32 of `data[start, end)`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, start = 0, end = data.length, crc = 0): number {
  const t = TABLE;
  let c = ~crc;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    c ^=
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    c =
      (t[768 + (c & 0xff)] as number) ^
      (t[512 + ((c >>> 8) & 0xff)] as number) ^
      (t[256 + ((c >>> 16) & 0xff)] as number) ^
      (t[c >>> 24] as number);
  }
  for (; i < end; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
